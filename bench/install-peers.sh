#!/usr/bin/env bash
# Installs the peer tools the benchmarks compare SparkDeck with, from Debian's own packages:
# parallel-ssh (pssh) and ansible (ansible-core). Only what is missing; needs root or sudo.
# The tests never need these; only bench/ programs do.
set -euo pipefail

packages=(pssh ansible-core openssh-client)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null || { echo "install-peers: install ${missing[*]} yourself" >&2; exit 1; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-peers: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
