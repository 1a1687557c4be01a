#!/usr/bin/env bash
# bench/swarm (issue 6): time to a ready cluster of 1 master + 2 workers on Docker swarm, from
# bare lab hosts whose dockerd runs, and scale-up latency (`scale` +2 workers -> all ALIVE at the
# master), beside the standalone mode's figures on the same hosts in the same run. Prints a
# table; asserts nothing (ARCHITECTURE.md, rule 13).
#
#   bench/swarm/run.sh BUILD [--repeat N] [--keep-lab]
#
# Keeps its lab (3 hosts with their own dockerd), cluster files and logs in BUILD/bench-swarm.
# The image archive comes from tests/lab/swarm-image.sh (BUILD/docker-images, built once).
set -euo pipefail

usage() { echo "usage: $(basename "$0") BUILD [--repeat N] [--keep-lab]" >&2; exit 2; }
[ $# -ge 1 ] || usage
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd); shift
repeat=1; keep=0
while [ $# -gt 0 ]; do
    case $1 in
        --repeat) repeat=$2; shift 2 ;;
        --keep-lab) keep=1; shift ;;
        *) usage ;;
    esac
done
work=$build/bench-swarm
cli=$build/cli/sparkdeck-cli
mkdir -p "$work"
export SPARKDECK_LAB_DIR=$work/lab

flock /tmp/sparkdeck-build.lock nice cmake --build "$build" -j2 --target sparkdeck-cli >/dev/null
"$src/tests/lab/swarm-image.sh" "$build/docker-images" >/dev/null
archive=$build/docker-images/spark-image.tar
image=$(tar -xOf "$archive" manifest.json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["RepoTags"][0])')
dist=$("$src/tests/lab/spark-standin/make-distribution.sh" "$work/dist" 3.5.8)

lab=$src/tests/lab/lab-hosts.sh
PRIVATE_DIRS="/opt /srv /root /run /var/lib/docker /etc/docker" "$lab" up 3 >/dev/null
[ "$keep" = 1 ] || trap '"$lab" down >/dev/null' EXIT
"$lab" dockerd start >/dev/null
read -r _ a1 < <(sed -n 1p "$SPARKDECK_LAB_DIR/hosts.txt")
read -r _ a2 < <(sed -n 2p "$SPARKDECK_LAB_DIR/hosts.txt")
read -r _ a3 < <(sed -n 3p "$SPARKDECK_LAB_DIR/hosts.txt")

cluster() { # name spark-line -> file
    cat > "$work/$1.yaml" <<YAML
name: $1
machines:
  provider: existing
  hosts:
    - { address: $a1, role: master }
    - { address: $a2 }
    - { address: $a3 }
  ssh: {user: root, identity: $SPARKDECK_LAB_DIR/keys/id_ed25519, known_hosts: $SPARKDECK_LAB_DIR/known_hosts, host_key_policy: strict}
spark: $2
workers: {count: 2, cores: 1, memory: 512m}
shared_folder: {enabled: false}
YAML
    echo "$work/$1.yaml"
}
standalone=$(cluster bench-standalone "{distribution: $dist}")
swarm=$(cluster bench-swarm "{deploy: swarm, image: \"$image\", image_archive: $archive}")

# Seconds a sparkdeck-cli command takes; a failure stops the benchmark with its log.
timed() { # log args...
    local log=$work/$1.log t0; shift
    t0=$(date +%s.%N)
    "$cli" "$@" --state "$work/state-$(basename "$2" .yaml)" >"$log" 2>&1 || { echo "failed: $*; see $log" >&2; tail -n 5 "$log" >&2; exit 1; }
    awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
}
alive() { # file -> ALIVE workers, read back from the master
    "$cli" status "$1" --json --state "$work/state-$(basename "$1" .yaml)" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["aliveWorkers"])'
}
unload() { # the image off every node: a swarm "from bare hosts" ships it again
    local i
    for i in 1 2 3; do "$lab" exec "h$i" -- docker image rm -f "$image" >/dev/null 2>&1 || true; done
}

results=()
for round in $(seq "$repeat"); do
    up=$(timed standalone-up up "$standalone")
    timed standalone-down1 scale "$standalone" --workers 1 >/dev/null
    scale=$(timed standalone-scale scale "$standalone" --workers 3)
    [ "$(alive "$standalone")" = 3 ] || { echo "standalone: not 3 ALIVE after scale" >&2; exit 1; }
    timed standalone-down down "$standalone" >/dev/null
    results+=("standalone $round $up $scale")

    unload
    up=$(timed swarm-up-cold up "$swarm")
    scale=$(timed swarm-scale scale "$swarm" --workers 4)
    [ "$(alive "$swarm")" = 4 ] || { echo "swarm: not 4 ALIVE after scale" >&2; exit 1; }
    timed swarm-down down "$swarm" >/dev/null
    results+=("swarm-archive $round $up $scale")

    up=$(timed swarm-up-warm up "$swarm") # down keeps the loaded image
    timed swarm-down2 down "$swarm" >/dev/null
    results+=("swarm-image-loaded $round $up -")
done

echo "bench/swarm: 1 master + 2 workers on 3 lab hosts (own dockerd each), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "image archive $(du -m "$archive" | cut -f1) MiB ($image); standalone distribution $(du -k "$dist" | cut -f1) KiB (stand-in)"
printf '%-20s %5s %12s %22s\n' mode round "up (s)" "scale +2 -> ALIVE (s)"
for r in "${results[@]}"; do
    # shellcheck disable=SC2086
    printf '%-20s %5s %12s %22s\n' $r
done
printf '%s\n' "${results[@]}" | awk '
    $1 == "standalone" { su += $3; ss += $4; n++ }
    $1 == "swarm-archive" { wu += $3; ws += $4 }
    $1 == "swarm-image-loaded" { lu += $3 }
    END { printf "ratios (swarm / standalone): up from an archive %.2fx, up with the image loaded %.2fx, scale-up %.2fx\n",
                 wu / su, lu / su, ws / ss }'
