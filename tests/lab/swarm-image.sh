#!/usr/bin/env bash
# The Spark image archive the swarm tests load (OUT_DIR/spark-image.tar), built once per build
# dir by docker-images.sh on a private Docker engine that is stopped again afterwards:
#
#   tests/lab/swarm-image.sh OUT_DIR [VERSION]     (the image is sparkdeck-test/spark:VERSION)
#
# Skips (exit 0, nothing built) when the lab in $SPARKDECK_LAB_DIR is unavailable: the tests that
# need the archive skip with the lab's reason.
set -euo pipefail
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $(basename "$0") OUT_DIR [VERSION]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
if [ -n "${SPARKDECK_LAB_DIR:-}" ] && [ -f "$SPARKDECK_LAB_DIR/unavailable" ]; then
    echo "lab unavailable: $(cat "$SPARKDECK_LAB_DIR/unavailable"); no image built"
    exit 0
fi
if [ -s "$out/spark-image.tar" ]; then
    echo "cached: $out/spark-image.tar"
    exit 0
fi
DOCKER_HOST=$("$here/private-dockerd.sh" start "$out/dockerd")
export DOCKER_HOST
trap '"$here/private-dockerd.sh" stop "$out/dockerd"' EXIT
"$here/docker-images.sh" "$out" "${2:-3.5.8}"
