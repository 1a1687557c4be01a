#!/usr/bin/env bash
# Runs bench-ssh-fanout as documented in bench/README.md: installs the peers (pssh,
# ansible-core) when missing, then the benchmark, which starts and stops its own 32 lab hosts.
#   bench/ssh-fanout/run.sh BUILD_DIR [bench-ssh-fanout options...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: run.sh BUILD_DIR [options]}
shift
"$here/../install-peers.sh"
cmake --build "$build" --target bench-ssh-fanout
cd "$build"
exec "$build/bench/bench-ssh-fanout" "$@"
