#!/usr/bin/env bash
# Integration test of `infogeo sweep --backend slurm` against a real, private Slurm on localhost.
#
# Installs slurm-wlm and munge from Debian if missing, starts munged, slurmctld and slurmd with a
# generated slurm.conf (one node with this machine's cores and memory, state in a temporary
# directory, no cgroups), submits a 4-run tiny sweep (widths 16,32 x seeds 0,1, 200 images,
# 3 epochs) as a job array, waits for it, checks every run directory and the sweep's manifest and
# status, checks that resubmitting a finished sweep submits nothing, and stops the daemons it
# started. Exits non-zero on failure. Needs root (or sudo) for the packages only.
#
#   Scripts/slurm-integration-test.sh            uses .build/release/infogeo
#   INFOGEO=path/to/infogeo Scripts/slurm-integration-test.sh
set -euo pipefail

say() { printf 'slurm-integration-test: %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

INFOGEO=${INFOGEO:-.build/release/infogeo}
[ -x "$INFOGEO" ] || fail "no executable at $INFOGEO (run 'swift build -c release' first)"
INFOGEO=$(cd "$(dirname "$INFOGEO")" && pwd)/$(basename "$INFOGEO")
[ -e /usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz ] \
  || fail "Fashion-MNIST is not installed (Scripts/install-deps.sh installs dataset-fashion-mnist)"

# --- packages ---------------------------------------------------------------------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
  || ! command -v munged >/dev/null; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  say "installing slurm-wlm and munge"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq slurm-wlm munge >/dev/null
fi

# --- a private cluster ------------------------------------------------------------------------
T=$(mktemp -d /tmp/infogeo-slurm.XXXXXX)
chmod 711 "$T"
PIDS=()
cleanup() {
  status=$?
  if [ -n "${SLURM_CONF:-}" ] && command -v scancel >/dev/null; then scancel --quiet --user "$(id -un)" 2>/dev/null || true; fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    for log in "$T"/*.log "$T"/*.out "$T"/sweep/slurm/*.out; do
      [ -f "$log" ] && { say "--- $log (last lines)"; tail -n 25 "$log" >&2; }
    done
  fi
  rm -rf "$T"
  exit "$status"
}
trap cleanup EXIT INT TERM

HOST=$(hostname -s)
CPUS=$(nproc)
MEM_MB=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
# Ports away from the defaults (6817/6818), so that a system Slurm is left alone.
BASE_PORT=$((20000 + RANDOM % 20000))
mkdir -p "$T/state" "$T/spool"

mungekey --create --keyfile "$T/munge.key" --force
chmod 600 "$T/munge.key"
munged --key-file "$T/munge.key" --socket "$T/munge.sock" --pid-file "$T/munged.pid" \
  --log-file "$T/munged.log" --seed-file "$T/munge.seed" --foreground --force >"$T/munged.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do [ -S "$T/munge.sock" ] && break; sleep 0.1; done
[ -S "$T/munge.sock" ] || fail "munged did not start"

export SLURM_CONF="$T/slurm.conf"
cat >"$SLURM_CONF" <<EOF
ClusterName=infogeo-test
SlurmctldHost=$HOST
SlurmctldPort=$BASE_PORT
SlurmdPort=$((BASE_PORT + 1))
SlurmUser=$(id -un)
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$T/munge.sock
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SlurmdParameters=config_overrides
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=300
NodeName=$HOST CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN
PartitionName=test Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF

START=$(date +%s)
slurmctld -D -c -f "$SLURM_CONF" >"$T/slurmctld.out" 2>&1 &
PIDS+=($!)
slurmd -D -f "$SLURM_CONF" -N "$HOST" >"$T/slurmd.out" 2>&1 &
SLURMD=$!
PIDS+=($SLURMD)
state=""
for _ in $(seq 60); do
  state=$(sinfo -h -n "$HOST" -o %T 2>/dev/null | head -n 1 || true)
  [ "$state" = idle ] && break
  if ! kill -0 "$SLURMD" 2>/dev/null; then
    cat "$T/slurmd.out" "$T/slurmd.log" >&2 2>/dev/null || true
    fail "slurmd exited while starting (its log is above)"
  fi
  sleep 0.5
done
[ "$state" = idle ] || fail "the node did not become idle within 30 s (state '${state:-none}')"
say "Slurm up on $HOST ($CPUS CPUs, $MEM_MB MB) after $(($(date +%s) - START)) s"

# --- the sweep --------------------------------------------------------------------------------
SWEEP="$T/sweep"
timeout 240 "$INFOGEO" sweep --backend slurm --dir "$SWEEP" --name slurm-test --widths 16,32 --seeds 0,1 \
  --train-samples 200 --epochs 3 --eval every:2 --cpus-per-task 1 --mem 1G --time 00:10:00 --partition test \
  --quiet >"$T/sweep.stdout" || fail "infogeo sweep --backend slurm failed or timed out (status $?)"
[ "$(cat "$T/sweep.stdout")" = "$SWEEP" ] || fail "sweep printed '$(cat "$T/sweep.stdout")', not the sweep directory"

# Every run directory is complete.
[ "$(ls "$SWEEP/runs" | wc -l)" -eq 4 ] || fail "expected 4 run directories, found: $(ls "$SWEEP/runs")"
for run in "$SWEEP"/runs/*; do
  for file in config.json metrics.csv geometry.csv histograms.csv diagnostics.json analysis.json report.html done.json; do
    [ -s "$run/$file" ] || fail "$run/$file is missing"
  done
done
for name in 000-w16-s0 001-w16-s1 002-w32-s0 003-w32-s1; do
  [ -d "$SWEEP/runs/$name" ] || fail "run directory $name is missing"
done
python3 - "$SWEEP" <<'PY' || fail "the manifest or the run configurations are wrong"
import json, sys
sweep = sys.argv[1]
m = json.load(open(f"{sweep}/sweep.json"))
assert m["backend"] == "slurm" and len(m["slurmJobs"]) == 1, m.get("slurmJobs")
assert [r["status"] for r in m["runs"]] == ["done"] * 4, [r["status"] for r in m["runs"]]
for r in m["runs"]:
    c = json.load(open(f"{sweep}/{r['directory']}/config.json"))
    assert c == r["configuration"], r["name"]
    w = 16 if "w16" in r["name"] else 32
    assert c["model"]["widths"] == [w, w] and c["trainingSamples"] == 200 and c["threads"] == 1, c
    assert c["training"]["seed"] == int(r["name"][-1]), r["name"]
PY
for i in 0 1 2 3; do [ -f "$SWEEP/slurm/task-$i.out" ] || fail "no Slurm output of array task $i"; done
grep -q -- '--array=0-3' "$SWEEP/slurm/sweep-1.sbatch" || fail "the sbatch script does not ask for the array 0-3"

# The aggregate: status of the whole sweep.
"$INFOGEO" sweep status "$SWEEP" >"$T/status.txt" || fail "infogeo sweep status failed"
grep -q '^done 4/4  running 0  failed 0  pending 0' "$T/status.txt" || fail "status is not 4/4 done: $(tail -n 1 "$T/status.txt")"

# Resubmitting a finished sweep submits nothing (tasks are idempotent).
"$INFOGEO" sweep --backend slurm --dir "$SWEEP" --quiet >/dev/null || fail "resubmitting the finished sweep failed"
[ ! -e "$SWEEP/slurm/sweep-2.sbatch" ] || fail "resubmitting a finished sweep submitted a job"

say "PASS: 4 runs through Slurm in $(($(date +%s) - START)) s"
