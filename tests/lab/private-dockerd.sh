#!/usr/bin/env bash
# A Docker engine of the tests' own in the root namespace, with everything under DIR so that it
# collides with no other engine on this machine (data root, exec root, pid file, socket):
#
#   tests/lab/private-dockerd.sh start DIR   # prints DOCKER_HOST (unix://DIR/docker.sock)
#   tests/lab/private-dockerd.sh stop DIR    # leaves the swarm, removes containers, stops it
#
# Debian's dockerd (package docker.io). Started with setsid (no systemd here) and stopped by the
# PID in DIR/dockerd.pid only. Note: a dockerd in the root namespace sets iptables' FORWARD
# policy to DROP; tests/lab/lab-hosts.sh adds the ACCEPT rule its bridge needs.
set -euo pipefail

usage() { echo "usage: $(basename "$0") start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
mkdir -p "$2"
dir=$(cd "$2" && pwd)
socket=unix://$dir/docker.sock
pidfile=$dir/dockerd.pid
export DOCKER_HOST=$socket

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

start() {
    command -v dockerd >/dev/null || { echo "dockerd is missing (apt-get install docker.io)" >&2; exit 1; }
    if ! running; then
        mkdir -p "$dir/root" "$dir/exec"
        setsid -f dockerd -H "$socket" --data-root "$dir/root" --exec-root "$dir/exec" \
            --pidfile "$pidfile" --shutdown-timeout 2 </dev/null >>"$dir/dockerd.log" 2>&1
    fi
    for _ in $(seq 120); do
        docker version >/dev/null 2>&1 && { echo "$socket"; return; }
        sleep 0.5
    done
    echo "dockerd did not answer on $socket within 60 s; see $dir/dockerd.log" >&2
    exit 1
}

stop() {
    running || return 0
    docker swarm leave --force >/dev/null 2>&1 || true
    local containers
    containers=$(docker ps -aq 2>/dev/null || true)
    [ -z "$containers" ] || docker rm -f $containers >/dev/null 2>&1 || true
    local pid
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 150); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.2
    done
    echo "dockerd $pid still runs after 30 s" >&2
    exit 1
}

case $1 in start) start ;; stop) stop ;; *) usage ;; esac
