#!/usr/bin/env bash
# Runs bench/provision as documented in bench/README.md: installs the peers (ansible-core) when
# missing, builds sparkdeck-cli in BUILD_DIR, then bench.py, which starts and stops its own lab
# hosts in BUILD_DIR/bench-provision/lab and keeps its cache and logs in BUILD_DIR/bench-provision.
#   bench/provision/run.sh BUILD_DIR [--sizes 1,8,32] [--size-mb 300] [--repeat 1] [--check-counter] ...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: run.sh BUILD_DIR [bench.py options...]}" && pwd)
shift
if [ -x "$here/../install-peers.sh" ]; then
  "$here/../install-peers.sh"
elif ! command -v ansible-playbook >/dev/null; then
  echo "run.sh: ansible-playbook is missing: apt-get install -y ansible-core" >&2; exit 1
fi
cmake --build "$build" --target sparkdeck-cli
exec python3 "$here/bench.py" --cli "$build/cli/sparkdeck-cli" --work "$build/bench-provision" "$@"
