#!/usr/bin/env bash
# Builds the libFuzzer targets of the Formats readers and runs each for a bounded time.
#
# Usage: Fuzz/run.sh [SECONDS] [TARGET ...]
#   SECONDS  time per target (default 10), passed to libFuzzer as -max_total_time
#   TARGET   some of: SafeTensors Npy Npz IDX CIFAR10 Gzip TFRecord (default: all)
#
# The Formats sources are compiled once, with -sanitize=fuzzer,address (coverage instrumentation and
# AddressSanitizer), into a static library; each Fuzz/Fuzz<TARGET>.swift is linked against it. Work
# files live under .build/fuzz (override with FUZZ_BUILD): the growing corpus in corpus/<TARGET>,
# crash reproducers in artifacts/<TARGET>/. The committed seeds in Fuzz/Corpus/<TARGET> (valid
# small files written by NumPy, safetensors and zlib) are read but never modified.
# Exits 0 when every target ran its time without a crash, 1 otherwise (the failing targets are
# listed, with libFuzzer's log in logs/<TARGET>.log).
set -euo pipefail

seconds=${1:-10}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(SafeTensors Npy Npz IDX CIFAR10 Gzip TFRecord)

root=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD:-$root/.build/fuzz}
mkdir -p "$build/lib" "$build/bin" "$build/logs"
cd "$root"

modules=(-Xcc "-fmodule-map-file=$root/Sources/CZlib/module.modulemap"
         -Xcc "-fmodule-map-file=$root/Sources/COpenSSL/module.modulemap")
flags=(-sanitize=fuzzer,address -parse-as-library -O -g "${modules[@]}")

# Runs a compile or link command, dropping ld.gold's harmless "Cannot export local symbol" notes
# about ASan's symbols; the full output is shown when the command fails.
compile() {
  local output
  output=$("$@" 2>&1) || { echo "$output" >&2; return 1; }
  [ -z "$output" ] || grep -v "Cannot export local symbol" <<<"$output" || true
}

echo "building Formats with -sanitize=fuzzer,address"
compile swiftc "${flags[@]}" -module-name Formats -emit-library -static \
  -emit-module -emit-module-path "$build/lib/Formats.swiftmodule" \
  -o "$build/lib/libFormats.a" Sources/Formats/*.swift

failed=()
for target in "${targets[@]}"; do
  source="Fuzz/Fuzz$target.swift"
  [ -f "$source" ] || { echo "unknown target $target (no $source)" >&2; exit 64; }
  binary="$build/bin/fuzz-$target"
  compile swiftc "${flags[@]}" -I "$build/lib" -L "$build/lib" -lFormats -lz -lcrypto -o "$binary" "$source"
  corpus="$build/corpus/$target"
  artifacts="$build/artifacts/$target/"
  mkdir -p "$corpus" "$artifacts"
  seeds=()
  [ -d "Fuzz/Corpus/$target" ] && seeds=("Fuzz/Corpus/$target")
  echo "fuzzing $target for ${seconds}s"
  if "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$artifacts" -print_final_stats=1 "$corpus" "${seeds[@]}" \
      > "$build/logs/$target.log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build/logs/$target.log" | tr '\n' ' '
    echo
  else
    echo "$target FAILED: see $build/logs/$target.log and $artifacts" >&2
    tail -n 30 "$build/logs/$target.log" >&2
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz targets with crashes: ${failed[*]}" >&2
  exit 1
fi
echo "all fuzz targets ran ${seconds}s without a crash"
