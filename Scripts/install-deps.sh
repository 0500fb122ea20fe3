#!/usr/bin/env bash
# Installs the Debian packages infogeo needs, if any is missing: OpenBLAS, zlib, libcrypto headers,
# pkg-config (SwiftPM finds the C libraries through it) and Debian's Fashion-MNIST files.
# Uses sudo when not root. Prints nothing when everything is present.
set -euo pipefail
packages=(pkg-config libopenblas-dev zlib1g-dev libssl-dev dataset-fashion-mnist)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing missing Debian packages: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
