#!/usr/bin/env bash
# Builds the Spark image the swarm tests and benchmarks deploy, without any registry:
#
#   tests/lab/docker-images.sh OUT_DIR [VERSION]
#
# 1. a Debian bookworm tree from debootstrap (minbase + python3 + a Java runtime), cached in
#    OUT_DIR/rootfs-bookworm (under a minute, once);
# 2. `docker import` of that tree as sparkdeck-test/debian:bookworm;
# 3. `docker build` of sparkdeck-test/spark:VERSION (default 3.5.8) laid out like the official
#    apache/spark image: Spark (the stand-in distribution, tests/lab/spark-standin) in /opt/spark,
#    user spark uid/gid 185, working directory /opt/spark/work-dir, JAVA_HOME set,
#    /opt/entrypoint.sh that knows only Kubernetes' roles and execs anything else;
# 4. `docker save` to OUT_DIR/spark-image.tar, for `docker load` on each node.
#
# Prints the image's tag. Needs root, debootstrap, and a running dockerd: DOCKER_HOST from the
# environment (tests/lab/private-dockerd.sh starts one), else the default socket.
set -euo pipefail

usage() { echo "usage: $(basename "$0") OUT_DIR [VERSION]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
here=$(cd "$(dirname "$0")" && pwd)
version=${2:-3.5.8}
mkdir -p "$1"
out=$(cd "$1" && pwd)
base=sparkdeck-test/debian:bookworm
tag=sparkdeck-test/spark:$version
log=$out/docker-images.log
# Two builds into one OUT_DIR (two tests, two engines) take turns: they share the debootstrap tree.
exec 9>"$out/.lock"
flock 9
: > "$log"
fail() { echo "$(basename "$0"): $1 (see $log)" >&2; exit 1; }

command -v debootstrap >/dev/null || fail "debootstrap is missing (apt-get install debootstrap)"
docker version --format '{{.Server.Version}}' >>"$log" 2>&1 ||
    fail "no Docker engine at ${DOCKER_HOST:-the default socket}"

rootfs=$out/rootfs-bookworm
packages=python3,openjdk-17-jre-headless,procps
if [ "$(cat "$rootfs/.sparkdeck-packages" 2>/dev/null)" != "$packages" ]; then
    rm -rf "$rootfs" "$rootfs.partial"
    # The mirror apt uses on this machine (the only one reachable here), else Debian's.
    mirror=$(sed -n 's/^URIs: *//p; s/^deb \(\[[^]]*\] \)\?\(http[^ ]*\) bookworm .*/\2/p' \
        /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -n 1 || true)
    debootstrap --variant=minbase --include="$packages" bookworm "$rootfs.partial" \
        "${mirror:-http://deb.debian.org/debian}" >>"$log" 2>&1 || fail "debootstrap failed"
    rm -rf "$rootfs.partial"/var/cache/apt/archives/*.deb "$rootfs.partial"/var/lib/apt/lists/* \
        "$rootfs.partial"/usr/share/doc "$rootfs.partial"/usr/share/man
    echo "$packages" > "$rootfs.partial/.sparkdeck-packages"
    mv "$rootfs.partial" "$rootfs"
    fresh=1
fi

if [ -n "${fresh:-}" ] || ! docker image inspect "$base" >/dev/null 2>&1; then
    tar -C "$rootfs" --numeric-owner -c . | docker import - "$base" >>"$log" 2>&1 ||
        fail "docker import failed"
fi

context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
distribution=$("$here/spark-standin/make-distribution.sh" "$context" "$version")
cat > "$context/entrypoint.sh" <<'SH'
#!/bin/bash
# As in the official apache/spark image: `driver` and `executor` are Kubernetes roles (which the
# test stand-in cannot play); anything else is executed as given.
case "${1:-}" in
    driver|executor) echo "entrypoint: the Spark stand-in has no Kubernetes $1 role" >&2; exit 1 ;;
esac
exec "$@"
SH
chmod 755 "$context/entrypoint.sh"
arch=$(dpkg --print-architecture)
cat > "$context/Dockerfile" <<EOF
FROM $base
RUN groupadd --system --gid=185 spark && \\
    useradd --system --uid=185 --gid=spark --home-dir=/nonexistent --no-create-home spark
ADD $(basename "$distribution") /opt/
RUN mv /opt/spark-$version-bin-hadoop3 /opt/spark && mkdir -p /opt/spark/work-dir && \\
    chown -R spark:spark /opt/spark && chmod g+w /opt/spark/work-dir
COPY entrypoint.sh /opt/entrypoint.sh
ENV SPARK_HOME=/opt/spark JAVA_HOME=/usr/lib/jvm/java-17-openjdk-$arch \\
    PATH=/opt/spark/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
WORKDIR /opt/spark/work-dir
USER 185
ENTRYPOINT ["/opt/entrypoint.sh"]
EOF
# The classic builder: Docker 20.10's engine, and no buildx plugin needed.
DOCKER_BUILDKIT=0 docker build -t "$tag" "$context" >>"$log" 2>&1 || fail "docker build failed"
# The archive is rewritten only when the image changed (its ID is recorded beside it).
id=$(docker image inspect --format '{{.Id}}' "$tag")
if [ ! -s "$out/spark-image.tar" ] || [ "$(cat "$out/spark-image.id" 2>/dev/null)" != "$id" ]; then
    docker save -o "$out/spark-image.tar.partial" "$tag" >>"$log" 2>&1 || fail "docker save failed"
    mv "$out/spark-image.tar.partial" "$out/spark-image.tar"
    echo "$id" > "$out/spark-image.id"
fi
echo "$tag"
