#!/usr/bin/env bash
# Builds the SparkDeck Spark stand-in tarball from dist/:
#
#   make-distribution.sh OUT_DIR [VERSION [HADOOP_VERSION]]
#
# writes OUT_DIR/spark-VERSION-bin-hadoop3.tgz (top directory spark-VERSION-bin-hadoop3/) and
# OUT_DIR/spark-VERSION-bin-hadoop3.tgz.sha512 ("<hash>  <file>", as Apache publishes), and prints
# the tarball's path. VERSION defaults to 3.5.8, HADOOP_VERSION (only written into RELEASE) to
# 3.3.4. The tarball is reproducible: same sources and version, same bytes.
set -euo pipefail

usage() { echo "usage: $(basename "$0") OUT_DIR [VERSION [HADOOP_VERSION]]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 3 ] || usage
here=$(cd "$(dirname "$0")" && pwd)
version=${2:-3.5.8}
hadoop=${3:-3.3.4}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([.-][A-Za-z0-9]+)*$ ]] || {
    echo "$(basename "$0"): not a Spark version: $version" >&2; exit 2; }
[[ $hadoop =~ ^[0-9]+(\.[0-9]+)*$ ]] || {
    echo "$(basename "$0"): not a Hadoop version: $hadoop" >&2; exit 2; }
case $version in 3.*|2.*) scala=2.12 ;; *) scala=2.13 ;; esac

mkdir -p "$1"
out=$(cd "$1" && pwd)
name="spark-$version-bin-hadoop3"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

tree="$stage/$name"
cp -R "$here/dist" "$tree"
find "$tree" \( -name __pycache__ -o -name '*.pyc' \) -prune -exec rm -rf {} +
printf 'Spark %s built for Hadoop %s\n%s\n' "$version" "$hadoop" \
    "SparkDeck test stand-in (not Apache Spark): standalone master and worker on python3, see README.md" \
    > "$tree/RELEASE"

# jars/ must exist (bin/spark-class checks it); one small marker jar, named like Spark's core jar.
mkdir -p "$tree/jars"
python3 - "$tree/jars/spark-core_$scala-$version.jar" "$version" <<'PY'
import sys, zipfile
path, version = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    info = zipfile.ZipInfo("META-INF/MANIFEST.MF", date_time=(2025, 1, 1, 0, 0, 0))
    info.external_attr = 0o644 << 16
    z.writestr(info, "Manifest-Version: 1.0\r\nImplementation-Title: SparkDeck Spark stand-in "
               "(not Apache Spark)\r\nImplementation-Version: %s\r\n\r\n" % version)
PY

find "$tree" -type d -exec chmod 755 {} +
find "$tree" -type f -exec chmod 644 {} +
chmod 755 "$tree"/bin/* "$tree"/sbin/*

tgz="$out/$name.tgz"
tar --sort=name --mtime='2025-01-01 00:00:00Z' --owner=0 --group=0 --numeric-owner \
    --format=gnu -C "$stage" -cf - "$name" | gzip -n -9 > "$tgz.tmp"
mv "$tgz.tmp" "$tgz"
(cd "$out" && sha512sum "$name.tgz" > "$name.tgz.sha512.tmp" && mv "$name.tgz.sha512.tmp" "$name.tgz.sha512")
echo "$tgz"
