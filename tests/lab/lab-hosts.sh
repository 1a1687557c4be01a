#!/bin/bash
# SparkDeck test lab: N "remote hosts" h1..hN on this machine, each an sshd in its own network,
# UTS (hostname) and mount namespace, reachable at 10.77.0.11.. on the bridge sdlabbr0.
#
#   lab-hosts.sh up N              start N hosts (restarts this lab dir's hosts if already up)
#   lab-hosts.sh down              stop everything this lab dir started; safe when nothing is up
#   lab-hosts.sh status            print the hosts and whether their sshd runs (exit 3 if not up)
#   lab-hosts.sh stop-sshd hN      kill hN's sshd and all its sessions (connections drop mid-command)
#   lab-hosts.sh start-sshd hN     start hN's sshd again
#   lab-hosts.sh rekey hN          new host key for hN, restart its listener, update known_hosts
#   lab-hosts.sh restore-key hN    give hN back the host key it got at `up`
#   lab-hosts.sh disconnect hN     unplug hN from the bridge (packets are dropped silently)
#   lab-hosts.sh reconnect hN      plug it back in
#   lab-hosts.sh exec hN -- CMD..  run CMD inside hN's namespaces (as root, no ssh)
#   lab-hosts.sh add-user hN USER  a user on hN only, password read from stdin; sshd on hN takes
#                                  its password and its own ~/.ssh/authorized_keys (home in the lab dir)
#   lab-hosts.sh del-user hN USER  remove that user from hN again
#   lab-hosts.sh dockerd start|stop  a Docker engine on every host, started over SSH like on a real
#                                  machine (`docker` there reaches it at the default socket: start
#                                  the lab with PRIVATE_DIRS="/opt /srv /root /run /var/lib/docker
#                                  /etc/docker"); stop kills them by PID (also done by `down`)
#
# Environment:
#   SPARKDECK_LAB_DIR     state directory (default /tmp/sparkdeck-lab); see README.md for its files
#   PRIVATE_DIRS          directories private to each host (default "/opt /srv /root"; "" shares all).
#                         /root too: this machine's ~/.bashrc runs pyenv, whose rehash lock made
#                         every SSH command of 16 hosts at once wait its turn, up to 60 s each.
#   SPARKDECK_LAB_NET     first three octets of the /24 (default 10.77.0)
#   SPARKDECK_LAB_PREFIX  prefix of bridge/namespace/link names (default sdlab)
# Without the last two, when the default slot is taken by another live lab (another build dir)
# or 10.77.0.0/24 is already routed (e.g. another lab script's bridge), `up` moves to the next
# free slot (sdlab1 on 10.77.1.0/24, ...) and says so; hosts.txt always has the real addresses.
#
# Without root, network namespaces or sshd, `up` writes the reason to $SPARKDECK_LAB_DIR/unavailable
# and exits 0, so that lab tests skip with that reason instead of failing.
set -euo pipefail

SELF=$(basename "$0")
LAB=$(realpath -m "${SPARKDECK_LAB_DIR:-/tmp/sparkdeck-lab}")
PRIVATE_DIRS=${PRIVATE_DIRS-/opt /srv /root}
SSHD=/usr/sbin/sshd
OWNER_TAG="sparkdeck-lab $LAB"
GLOBAL_LOCK=/run/lock/sparkdeck-lab.lock
MAX_SLOTS=8

say() { echo "$SELF: $*"; }
die() { echo "$SELF: error: $*" >&2; exit 1; }
usage() { sed -n '5,21s/^#   //p' "$0" >&2; exit 2; }

# Lab dir lock (fd 9) serialises the subcommands of one lab; the global lock (fd 8) serialises
# the choice and creation of bridges between labs. Daemons started here get both closed.
lock_lab() {
    mkdir -p "$LAB"
    exec 9>"$LAB/.lock"
    flock -w 120 9 || die "timed out waiting for the lock $LAB/.lock"
}
lock_global() {
    mkdir -p "$(dirname "$GLOBAL_LOCK")"
    exec 8>"$GLOBAL_LOCK"
    flock -w 120 8 || die "timed out waiting for the lock $GLOBAL_LOCK"
}

state_get() { # key [file]: value of key=value in lab.state
    sed -n "s/^$1=//p" "${2:-$LAB/lab.state}" 2>/dev/null | head -n1
}

alive() { # pid: running and not a zombie
    local s
    [ -n "$1" ] && s=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) && [ "$s" != Z ]
}

wait_gone() { # seconds pid...: wait until none of the pids is alive
    local n=$(( $1 * 50 )) p left; shift
    while [ "$n" -gt 0 ]; do
        left=0
        for p in "$@"; do alive "$p" && { left=1; break; }; done
        [ "$left" = 0 ] && return 0
        sleep 0.02; n=$((n - 1))
    done
    return 1
}

KILLED=""
kill_pids() { # pid...: TERM, wait, KILL
    [ $# -gt 0 ] || return 0
    KILLED="$KILLED $*"
    kill -TERM "$@" 2>/dev/null || true
    wait_gone 3 "$@" && return 0
    kill -KILL "$@" 2>/dev/null || true
    wait_gone 2 "$@" || say "warning: processes still alive after SIGKILL: $*"
}

# Every process in one of the given namespaces ("net:[123] mnt:[456] ..."), found in /proc.
ns_members() {
    [ -n "$1" ] || return 0
    find /proc/[0-9]*/ns -maxdepth 1 \( -name net -o -name mnt \) -printf '%l %h\n' 2>/dev/null |
        awk -v t="$1" -v self="$$" '
            BEGIN { n = split(t, a, " "); for (i = 1; i <= n; i++) want[a[i]] = 1 }
            ($1 in want) { split($2, p, "/"); if (p[3] != self) print p[3] }' | sort -un
}

# Remove one slot's hosts: processes inside them (by PID), links, namespaces, firewall rule,
# bridge. Namespaces are found by name; the kernel tears a namespace down asynchronously, so the
# root-side veth ends are deleted explicitly or the next `up` trips over them.
teardown_slot() { # prefix bridge [hostsdir]
    local prefix=$1 br=$2 hostsdir=${3:-} targets="" ns f hp l
    local nslist
    nslist=$(ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^${prefix}-h[0-9]+\$" || true)
    for ns in $nslist; do
        targets="$targets net:[$(stat -L -c %i "/run/netns/$ns" 2>/dev/null)]"
    done
    if [ -n "$hostsdir" ]; then
        for f in "$hostsdir"/h*/holder.pid; do
            [ -f "$f" ] || continue
            hp=$(cat "$f")
            alive "$hp" && targets="$targets $(readlink "/proc/$hp/ns/mnt") $(readlink "/proc/$hp/ns/net")"
        done
    fi
    # shellcheck disable=SC2046
    kill_pids $(ns_members "$targets")
    for l in $(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1 |
               grep -E "^${prefix}v[0-9]+\$" || true); do
        ip link del "$l" 2>/dev/null || true
    done
    for ns in $nslist; do ip netns del "$ns" 2>/dev/null || true; done
    if command -v iptables >/dev/null; then
        while iptables -D FORWARD -i "$br" -o "$br" -j ACCEPT 2>/dev/null; do :; done
    fi
    ip link del "$br" 2>/dev/null || true
}

# Stop what this lab dir started. Only touches the bridge and namespaces if the bridge is ours.
down_own() {
    local prefix br alias=""
    stop_dockerds
    if [ -f "$LAB/lab.state" ] && [ "$(id -u)" = 0 ]; then
        prefix=$(state_get prefix); br=$(state_get bridge)
        [ -e "/sys/class/net/$br" ] && alias=$(cat "/sys/class/net/$br/ifalias" 2>/dev/null || true)
        if [ -z "$alias" ] || [ "$alias" = "$OWNER_TAG" ]; then
            teardown_slot "$prefix" "$br" "$LAB/hosts"
        else # the bridge belongs to another lab now: only our own processes, by pidfile
            local pids="" f
            for f in "$LAB"/hosts/h*/holder.pid "$LAB"/hosts/h*/sshd.pid; do
                [ -f "$f" ] && pids="$pids $(cat "$f")"
            done
            # shellcheck disable=SC2086
            kill_pids $pids
        fi
    fi
    if [ -f "$LAB/mountpoints" ]; then
        sort -ru "$LAB/mountpoints" | while read -r p; do rmdir "$p" 2>/dev/null || true; done
        rm -f "$LAB/mountpoints"
    fi
    rm -rf "$LAB/hosts"
    rm -f "$LAB/hosts.txt" "$LAB/known_hosts" "$LAB/ssh_config" "$LAB/lab.state" "$LAB/unavailable"
}

unavailable() {
    mkdir -p "$LAB"
    rm -f "$LAB/hosts.txt"
    printf '%s\n' "$1" > "$LAB/unavailable"
    say "lab unavailable: $1"
    say "(wrote $LAB/unavailable; lab tests will skip)"
    exit 0
}

check_prerequisites() {
    [ "$(id -u)" = 0 ] ||
        unavailable "the SSH lab needs root (network namespaces, a bridge, sshd); running as uid $(id -u)"
    local t
    for t in ip:iproute2 unshare:util-linux nsenter:util-linux setsid:util-linux flock:util-linux \
             ssh-keygen:openssh-client; do
        command -v "${t%%:*}" >/dev/null ||
            unavailable "the SSH lab needs '${t%%:*}' (Debian package ${t#*:})"
    done
    [ -x "$SSHD" ] || unavailable "the SSH lab needs $SSHD (Debian package openssh-server)"
    ip netns list >/dev/null 2>&1 || unavailable "'ip netns' does not work here (iproute2 too old?)"
    local err
    err=$(unshare --net --uts --mount true 2>&1) ||
        unavailable "cannot create namespaces here (unshare --net --uts --mount: $err)"
}

# Prints "prefix net" of a usable slot, after reclaiming it from a lab whose dir is gone.
choose_slot() {
    local explicit=0 k prefix net br alias owner why="" cand=""
    if [ -n "${SPARKDECK_LAB_NET:-}" ] || [ -n "${SPARKDECK_LAB_PREFIX:-}" ]; then
        explicit=1
        cand="${SPARKDECK_LAB_PREFIX:-sdlab} ${SPARKDECK_LAB_NET:-10.77.0}"
    else
        for k in $(seq 0 $((MAX_SLOTS - 1))); do
            [ "$k" = 0 ] && cand="$cand sdlab 10.77.0" || cand="$cand sdlab$k 10.77.$k"
        done
    fi
    set -- $cand
    while [ $# -ge 2 ]; do
        prefix=$1 net=$2; shift 2; br=${prefix}br0
        [[ $prefix =~ ^[a-z][a-z0-9]{0,7}$ ]] || die "SPARKDECK_LAB_PREFIX must be 1-8 of [a-z0-9]"
        [[ $net =~ ^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]] || die "SPARKDECK_LAB_NET must look like 10.77.0"
        if [ -e "/sys/class/net/$br" ]; then
            alias=$(cat "/sys/class/net/$br/ifalias" 2>/dev/null || true)
            owner=${alias#sparkdeck-lab }
            if [ "${alias%% *}" = sparkdeck-lab ] && [ "$owner" != "$LAB" ] &&
               [ "$(state_get bridge "$owner/lab.state")" = "$br" ]; then
                why="$why; bridge $br is used by the lab in $owner (stop it with: SPARKDECK_LAB_DIR=$owner $0 down)"
                continue
            elif [ "${alias%% *}" = sparkdeck-lab ]; then
                say "reclaiming $br from a lab whose state is gone ($owner)" >&2
                teardown_slot "$prefix" "$br"
            else
                why="$why; a bridge named $br exists and is not a SparkDeck lab's"
                continue
            fi
        fi
        local used
        used=$( { ip -o -4 addr show to "$net.0/24"; ip -o -4 route show to root "$net.0/24"; } 2>/dev/null |
                grep -oE ' dev [^ ]+|^[0-9]+: [^ ]+' | awk '{print $NF}' | sort -u | tr '\n' ' ' || true)
        if [ -n "$used" ]; then
            why="$why; $net.0/24 is already in use on: $used(another lab, e.g. labbr0?)"
            continue
        fi
        echo "$prefix $net"
        return 0
    done
    if [ "$explicit" = 1 ]; then
        die "cannot use the requested slot${why}"
    fi
    die "no free lab slot${why}"
}

write_sshd_config() { # dir address
    cat > "$1/sshd_config" <<CFG
# SparkDeck lab host $(basename "$1"); written by $SELF
ListenAddress $2:22
HostKey $1/ssh_host_ed25519_key
PidFile $1/sshd.pid
AuthorizedKeysFile $LAB/keys/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
AcceptEnv LANG LC_*
Subsystem sftp internal-sftp
MaxStartups 100:30:200
CFG
}

ensure_client_keys() {
    mkdir -p "$LAB/keys"
    [ -f "$LAB/keys/id_ed25519" ] ||
        ssh-keygen -q -t ed25519 -N '' -C sparkdeck-lab-ed25519 -f "$LAB/keys/id_ed25519"
    [ -f "$LAB/keys/id_ecdsa" ] ||
        ssh-keygen -q -t ecdsa -b 256 -N '' -C sparkdeck-lab-ecdsa -f "$LAB/keys/id_ecdsa"
    chmod 600 "$LAB/keys/id_ed25519" "$LAB/keys/id_ecdsa"
    cat "$LAB/keys/id_ed25519.pub" "$LAB/keys/id_ecdsa.pub" > "$LAB/keys/authorized_keys"
    chmod 600 "$LAB/keys/authorized_keys"
}

write_known_hosts() { # from the host keys sshd really serves; atomic for concurrent readers
    local i d n net
    n=$(state_get hosts); net=$(state_get net)
    for i in $(seq 1 "$n"); do
        d=$LAB/hosts/h$i
        echo "$net.$((10 + i)) $(cut -d' ' -f1,2 "$d/ssh_host_ed25519_key.pub")"
    done > "$LAB/known_hosts.tmp"
    mv -f "$LAB/known_hosts.tmp" "$LAB/known_hosts"
}

write_ssh_config() {
    local i n net
    n=$(state_get hosts); net=$(state_get net)
    {
        echo "# SparkDeck lab: ssh -F $LAB/ssh_config h1   (or root@$net.11)"
        for i in $(seq 1 "$n"); do printf 'Host h%s\n    HostName %s\n' "$i" "$net.$((10 + i))"; done
        cat <<CFG
Host *
    User root
    IdentityFile $LAB/keys/id_ed25519
    IdentityFile $LAB/keys/id_ecdsa
    IdentitiesOnly yes
    StrictHostKeyChecking yes
    UserKnownHostsFile $LAB/known_hosts
    GlobalKnownHostsFile /dev/null
    UpdateHostKeys no
    CheckHostIP no
    BatchMode yes
    ConnectTimeout 20
    ControlMaster no
    ControlPath none
    LogLevel ERROR
CFG
    } > "$LAB/ssh_config"
}

start_sshd_in() { # index: start sshd inside the host's namespaces, wait until it listens
    local d=$LAB/hosts/h$1 hp out
    hp=$(cat "$d/holder.pid" 2>/dev/null || true)
    alive "$hp" || die "h$1 is not running (its namespace holder is gone); run '$SELF up' again"
    rm -f "$d/sshd.pid"
    # sshd writes its pidfile after it has bound the port, then the wait below is the readiness check
    out=$(nsenter -t "$hp" --net --uts --mount -- "$SSHD" -f "$d/sshd_config" -E "$d/sshd.log" \
          </dev/null 2>&1 8>&- 9>&-) ||
        die "sshd on h$1 did not start: $out $(tail -n 3 "$d/sshd.log" 2>/dev/null | tr '\n' ' ')"
}

wait_sshd() { # index...
    local i n
    for i in "$@"; do
        n=500
        until [ -s "$LAB/hosts/h$i/sshd.pid" ]; do
            n=$((n - 1)); [ "$n" -gt 0 ] ||
                die "sshd on h$i did not come up: $(tail -n 3 "$LAB/hosts/h$i/sshd.log" 2>/dev/null | tr '\n' ' ')"
            sleep 0.02
        done
    done
}

up() {
    local n=${1:-}
    [[ $n =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 200 ] || die "usage: $SELF up N (1..200)"
    [[ $LAB =~ ^[^[:space:]]+$ ]] || die "SPARKDECK_LAB_DIR must not contain whitespace: '$LAB'"
    local p
    for p in $PRIVATE_DIRS; do
        case $p in
            /*) ;; *) die "PRIVATE_DIRS entries must be absolute paths: '$p'" ;;
        esac
        case $p in /|/proc|/proc/*|/sys|/sys/*|/dev|/dev/*)
            die "PRIVATE_DIRS cannot contain $p" ;;
        esac
        case "$LAB/" in "${p%/}/"*)
            die "PRIVATE_DIRS entry $p would hide the lab dir $LAB from the hosts' sshd" ;;
        esac
    done
    check_prerequisites
    lock_lab
    lock_global
    down_own

    local slot prefix net br t0
    t0=$(date +%s.%N)
    slot=$(choose_slot)
    prefix=${slot% *}; net=${slot#* }; br=${prefix}br0
    if [ "$prefix" != sdlab ] && [ -z "${SPARKDECK_LAB_PREFIX:-}${SPARKDECK_LAB_NET:-}" ]; then
        say "default slot busy; using bridge $br and $net.0/24"
    fi
    cat > "$LAB/lab.state" <<STATE
prefix=$prefix
bridge=$br
net=$net
hosts=$n
private_dirs=$PRIVATE_DIRS
STATE
    # From here on, a failure tears down what was made (set -e exits through this trap).
    # shellcheck disable=SC2154
    trap 'rc=$?; if [ $rc != 0 ]; then say "up failed; cleaning up" >&2; down_own; fi' EXIT

    ensure_client_keys
    if ! err=$(ip link add "$br" type bridge 2>&1); then
        down_own; trap - EXIT
        unavailable "cannot create a bridge here (ip link add $br type bridge: $err)"
    fi
    ip link set "$br" alias "$OWNER_TAG"
    ip addr add "$net.1/24" dev "$br"
    ip link set "$br" up
    # A dockerd in the root namespace sets the FORWARD policy to DROP (with br_netfilter loaded
    # that also filters bridged frames): without this rule the hosts cannot reach each other.
    if command -v iptables >/dev/null; then
        iptables -C FORWARD -i "$br" -o "$br" -j ACCEPT 2>/dev/null ||
            iptables -I FORWARD -i "$br" -o "$br" -j ACCEPT 2>/dev/null ||
            say "warning: could not add an iptables FORWARD rule for $br; hosts may not reach each other"
    fi

    local i d ns ip binds q
    for i in $(seq 1 "$n"); do
        ns=$prefix-h$i; ip=$net.$((10 + i)); d=$LAB/hosts/h$i
        mkdir -p "$d/.cg"
        ssh-keygen -q -t ed25519 -N '' -C "h$i" -f "$d/ssh_host_ed25519_key"
        cp "$d/ssh_host_ed25519_key" "$d/original_host_key"
        cp "$d/ssh_host_ed25519_key.pub" "$d/original_host_key.pub"
        write_sshd_config "$d" "$ip"
        ip netns add "$ns"
        ip link add "${prefix}v$i" type veth peer name eth0 netns "$ns"
        ip link set "${prefix}v$i" master "$br" up
        binds=""
        for p in $PRIVATE_DIRS; do
            mkdir -p "$d/root$p"
            # a mount point must exist; one we had to create goes again at `down`
            q=$p
            while [ ! -d "$q" ]; do echo "$q" >> "$LAB/mountpoints"; q=$(dirname "$q"); done
            mkdir -p "$p"
            binds="$binds mount --bind '$d/root$p' '$p';"
        done
        # The holder keeps the host's UTS and mount namespaces alive, so that sshd can be stopped
        # and started again inside the same host. nsenter --net rather than `ip netns exec`, which
        # remounts /sys and drops the cgroup mounts (dockerd inside a host then fails); a fresh
        # sysfs shows the host's own eth0 under /sys/class/net, the cgroup tree is carried over.
        setsid -f nsenter --net="/run/netns/$ns" unshare --uts --mount --propagation private \
            bash -c "set -e
                hostname h$i
                ip link set lo up; ip addr add $ip/24 dev eth0; ip link set eth0 up
                if mountpoint -q /sys/fs/cgroup; then
                    mount --rbind /sys/fs/cgroup '$d/.cg' && mount -t sysfs sysfs /sys &&
                        mount --move '$d/.cg' /sys/fs/cgroup || echo 'sysfs not remounted'
                else mount -t sysfs sysfs /sys || echo 'sysfs not remounted'; fi
                $binds
                mkdir -p /run/sshd
                echo \$\$ > '$d/holder.pid.tmp'; mv '$d/holder.pid.tmp' '$d/holder.pid'
                exec -a sparkdeck-lab-h$i sleep infinity" \
            </dev/null >"$d/holder.log" 2>&1 8>&- 9>&-
    done
    for i in $(seq 1 "$n"); do
        t=500
        until [ -s "$LAB/hosts/h$i/holder.pid" ]; do
            t=$((t - 1)); [ "$t" -gt 0 ] || die "h$i did not start: $(cat "$LAB/hosts/h$i/holder.log")"
            sleep 0.01
        done
    done
    local failed=0
    for i in $(seq 1 "$n"); do start_sshd_in "$i" & done
    for i in $(seq 1 "$n"); do wait -n || failed=1; done
    [ "$failed" = 0 ] || die "sshd did not start on every host"
    wait_sshd $(seq 1 "$n")

    write_known_hosts
    write_ssh_config
    for i in $(seq 1 "$n"); do echo "h$i $net.$((10 + i))"; done > "$LAB/hosts.txt.tmp"
    mv -f "$LAB/hosts.txt.tmp" "$LAB/hosts.txt"
    trap - EXIT
    say "$n hosts up in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s:" \
        "h1..h$n at $net.11..$net.$((10 + n)) on $br; lab dir $LAB"
    say "try: ssh -F $LAB/ssh_config h1 hostname"
}

down() {
    if [ ! -d "$LAB" ]; then say "nothing is up in $LAB"; return 0; fi
    lock_lab
    if [ "$(id -u)" = 0 ]; then lock_global; fi
    local was=""
    [ -f "$LAB/lab.state" ] && was=$(state_get hosts)
    down_own
    # Dead daemons stay zombies until PID 1 reaps them (on some machines only every few seconds):
    # wait for that, so that nothing of the lab is left in the process table when down returns.
    local t=250 p left
    while [ -n "$KILLED" ] && [ "$t" -gt 0 ]; do
        left=""
        for p in $KILLED; do [ -e "/proc/$p" ] && left="$left $p"; done
        KILLED=$left; t=$((t - 1)); [ -n "$KILLED" ] && sleep 0.02
    done
    if [ -n "$was" ]; then say "$was hosts down ($LAB)"; else say "nothing was up in $LAB"; fi
}

need_up() {
    [ -f "$LAB/lab.state" ] && [ -f "$LAB/hosts.txt" ] || {
        [ -f "$LAB/unavailable" ] && die "lab unavailable: $(cat "$LAB/unavailable")"
        die "no lab is up in $LAB (run: $SELF up N)"
    }
}

host_index() { # hN -> N, checked against the lab
    local n
    n=$(state_get hosts)
    [[ ${1:-} =~ ^h([0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" -ge 1 ] && [ "${BASH_REMATCH[1]}" -le "$n" ] ||
        die "unknown host '${1:-}' (the lab has h1..h$n)"
    echo "${BASH_REMATCH[1]}"
}

sshd_pids_of() { # index: the listener and every session sshd of the host
    local d=$LAB/hosts/h$1 hp
    hp=$(cat "$d/holder.pid")
    ns_members "$(readlink "/proc/$hp/ns/net")" | while read -r p; do
        case $(readlink "/proc/$p/exe" 2>/dev/null) in
            */sshd|*/sshd-session|*/sshd-auth) echo "$p" ;;
        esac
    done
    return 0
}

stop_sshd() {
    local i=$1 pids
    pids=$(sshd_pids_of "$i")
    if [ -n "$pids" ]; then
        # shellcheck disable=SC2086
        kill -KILL $pids 2>/dev/null || true
        # shellcheck disable=SC2086
        wait_gone 5 $pids || die "sshd on h$i did not die"
    fi
    rm -f "$LAB/hosts/h$i/sshd.pid"
}

restart_listener() { # index: like a service restart, sessions survive
    local i=$1 d=$LAB/hosts/h$1 pid
    pid=$(cat "$d/sshd.pid" 2>/dev/null || true)
    if alive "$pid"; then kill -TERM "$pid"; wait_gone 5 "$pid" || die "sshd on h$i did not stop"; fi
    start_sshd_in "$i"
    wait_sshd "$i"
}

host_cmd() {
    local cmd=$1 i d; shift
    need_up
    i=$(host_index "${1:-}"); shift
    d=$LAB/hosts/h$i
    if [ "$cmd" = exec ]; then
        [ "${1:-}" = -- ] && shift
        [ $# -gt 0 ] || die "usage: $SELF exec hN -- COMMAND [ARGS...]"
        exec nsenter -t "$(cat "$d/holder.pid")" --net --uts --mount -- "$@"
    fi
    lock_lab
    case $cmd in
        stop-sshd) stop_sshd "$i"; say "sshd on h$i stopped" ;;
        start-sshd)
            if alive "$(cat "$d/sshd.pid" 2>/dev/null || true)"; then say "sshd on h$i already runs"; return 0; fi
            start_sshd_in "$i"; wait_sshd "$i"; say "sshd on h$i started" ;;
        rekey|restore-key)
            if [ "$cmd" = rekey ]; then
                rm -f "$d/new_host_key" "$d/new_host_key.pub"
                ssh-keygen -q -t ed25519 -N '' -C "h$i" -f "$d/new_host_key"
            else
                cp "$d/original_host_key" "$d/new_host_key"
                cp "$d/original_host_key.pub" "$d/new_host_key.pub"
            fi
            mv -f "$d/new_host_key" "$d/ssh_host_ed25519_key"
            mv -f "$d/new_host_key.pub" "$d/ssh_host_ed25519_key.pub"
            restart_listener "$i"
            write_known_hosts
            say "h$i now serves host key $(ssh-keygen -l -f "$d/ssh_host_ed25519_key.pub" | awk '{print $2}');" \
                "known_hosts updated" ;;
        disconnect) ip link set "$(state_get prefix)v$i" down; say "h$i disconnected" ;;
        reconnect) ip link set "$(state_get prefix)v$i" up; say "h$i reconnected" ;;
        add-user) add_user "$i" "$@" ;;
        del-user) del_user "$i" "$@" ;;
    esac
}

# Lab users live in hN only: hN gets private copies of /etc/passwd, group and shadow, bound
# over the originals inside its mount namespace (edited in place from then on, never replaced,
# so the bind mounts keep showing them). Root's login and every other host stay as they were.
user_files() { # index
    local d=$LAB/hosts/h$1 hp f
    [ -f "$d/etc/.bound" ] && return 0
    hp=$(cat "$d/holder.pid")
    mkdir -p "$d/etc"
    for f in passwd group shadow; do
        cp "/etc/$f" "$d/etc/$f"
        nsenter -t "$hp" --mount -- mount --bind "$d/etc/$f" "/etc/$f" ||
            die "cannot bind $d/etc/$f over /etc/$f in h$1"
    done
    touch "$d/etc/.bound"
}

drop_user_entries() { # index user: from hN's user files and sshd_config, in place
    local d=$LAB/hosts/h$1 user=$2 f tmp
    tmp=$(mktemp)
    for f in passwd group shadow; do
        [ -f "$d/etc/$f" ] || continue
        awk -F: -v u="$user" '$1 != u' "$d/etc/$f" > "$tmp"
        cat "$tmp" > "$d/etc/$f"
    done
    awk -v m="Match User $user" '$0 == m { skip = 1; next } skip && /^[ \t]/ { next } { skip = 0; print }' \
        "$d/sshd_config" > "$tmp"
    cat "$tmp" > "$d/sshd_config"
    rm -f "$tmp"
}

add_user() { # index user (password on stdin)
    local i=$1 user=${2:-} d=$LAB/hosts/h$1 password hash uid home
    [[ $user =~ ^[a-z_][a-z0-9_-]{0,30}$ ]] && [ "$user" != root ] ||
        die "usage: $SELF add-user hN USER (a lowercase name, not root), password on stdin"
    if getent passwd "$user" >/dev/null; then die "$user is a user of this machine; pick another name"; fi
    command -v openssl >/dev/null || die "add-user needs openssl (Debian package openssl)"
    IFS= read -r password || [ -n "$password" ] || die "add-user reads the password from stdin"
    user_files "$i"
    drop_user_entries "$i" "$user"
    uid=$(awk -F: 'BEGIN { m = 60999 } $3 > m && $3 < 65000 { m = $3 } END { print m + 1 }' "$d/etc/passwd")
    home=$d/home/$user
    rm -rf "$home"
    mkdir -p "$home"
    chown "$uid:$uid" "$home"
    chmod 755 "$home"
    hash=$(printf '%s\n' "$password" | openssl passwd -6 -stdin)
    printf '%s:x:%s:%s:SparkDeck lab user:%s:/bin/sh\n' "$user" "$uid" "$uid" "$home" >> "$d/etc/passwd"
    printf '%s:x:%s:\n' "$user" "$uid" >> "$d/etc/group"
    printf '%s:%s:%s:0:99999:7:::\n' "$user" "$hash" "$(( $(date +%s) / 86400 ))" >> "$d/etc/shadow"
    printf 'Match User %s\n    PasswordAuthentication yes\n    AuthorizedKeysFile .ssh/authorized_keys\n' \
        "$user" >> "$d/sshd_config"
    restart_listener "$i"
    say "h$i has user $user (uid $uid, home $home); sshd takes its password and ~/.ssh/authorized_keys"
}

del_user() { # index user
    local i=$1 user=${2:-} d=$LAB/hosts/h$1
    [[ $user =~ ^[a-z_][a-z0-9_-]{0,30}$ ]] && [ "$user" != root ] || die "usage: $SELF del-user hN USER"
    drop_user_entries "$i" "$user"
    rm -rf "${d:?}/home/$user"
    restart_listener "$i"
    say "h$i has no user $user any more"
}

# Docker engines on the hosts. Each host's dockerd has its socket and pid file in the host's
# private /run; the pid (this machine's PID space) is kept in the lab dir to stop it by PID.
dockerd_private() {
    local p
    for p in /run /var/lib/docker /etc/docker; do
        case " $(state_get private_dirs) " in *" $p "*) ;; *) return 1 ;; esac
    done
}

start_dockerds() {
    need_up
    dockerd_private || die "dockerd needs private /run /var/lib/docker /etc/docker; start the lab with" \
        "PRIVATE_DIRS=\"/opt /srv /root /run /var/lib/docker /etc/docker\" $SELF up N"
    command -v dockerd >/dev/null || unavailable "the Docker lab needs dockerd (Debian package docker.io)"
    local n i d sock t pid
    n=$(state_get hosts)
    for i in $(seq 1 "$n"); do
        d=$LAB/hosts/h$i
        [ -S "$d/root/run/docker.sock" ] && alive "$(cat "$d/dockerd.pid" 2>/dev/null || true)" && continue
        ssh -F "$LAB/ssh_config" "h$i" \
            "setsid -f dockerd --pidfile /run/docker.pid </dev/null >'$d/dockerd.log' 2>&1" 8>&- 9>&- ||
            die "could not start dockerd on h$i over SSH"
    done
    for i in $(seq 1 "$n"); do
        d=$LAB/hosts/h$i; sock=unix://$d/root/run/docker.sock; t=600
        until docker -H "$sock" version >/dev/null 2>&1 && [ -s "$d/root/run/docker.pid" ]; do
            t=$((t - 1)); [ "$t" -gt 0 ] || die "dockerd on h$i did not come up: $(tail -n 3 "$d/dockerd.log" | tr '\n' ' ')"
            sleep 0.1
        done
        pid=$(cat "$d/root/run/docker.pid")
        echo "$pid" > "$d/dockerd.pid"
    done
    say "dockerd runs on h1..h$n (sockets: $LAB/hosts/hN/root/run/docker.sock)"
}

# dockerd stops its containers on SIGTERM; what a shim may leave goes with the host at `down`.
stop_dockerds() {
    local f pids=""
    for f in "$LAB"/hosts/h*/dockerd.pid; do
        [ -f "$f" ] || continue
        alive "$(cat "$f")" && pids="$pids $(cat "$f")"
        rm -f "$f"
    done
    [ -n "$pids" ] || return 0
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    # shellcheck disable=SC2086
    wait_gone 30 $pids && return 0
    # shellcheck disable=SC2086
    kill_pids $pids
}

dockerd_cmd() {
    if [ -f "$LAB/unavailable" ]; then say "lab unavailable: $(cat "$LAB/unavailable")"; return 0; fi
    need_up
    lock_lab
    case ${1:-} in
        start) start_dockerds ;;
        stop) stop_dockerds; say "dockerd stopped on every host" ;;
        *) usage ;;
    esac
}

status() {
    if [ -f "$LAB/unavailable" ]; then say "unavailable: $(cat "$LAB/unavailable")"; exit 3; fi
    [ -f "$LAB/lab.state" ] && [ -f "$LAB/hosts.txt" ] || { say "no lab is up in $LAB"; exit 3; }
    local bad=0 name addr i hold sshd
    say "lab $LAB: bridge $(state_get bridge), private dirs: $(state_get private_dirs)"
    while read -r name addr; do
        i=${name#h}
        hold=down; sshd=stopped
        alive "$(cat "$LAB/hosts/$name/holder.pid" 2>/dev/null || true)" && hold=up
        alive "$(cat "$LAB/hosts/$name/sshd.pid" 2>/dev/null || true)" && sshd=running
        [ "$hold" = up ] && [ "$sshd" = running ] || bad=1
        printf '%-4s %-15s host %-4s sshd %s\n' "$name" "$addr" "$hold" "$sshd"
    done < "$LAB/hosts.txt"
    exit $bad
}

case ${1:-} in
    up) up "${2:-}" ;;
    down) down ;;
    status) status ;;
    stop-sshd|start-sshd|rekey|restore-key|disconnect|reconnect|exec|add-user|del-user) host_cmd "$@" ;;
    dockerd) dockerd_cmd "${2:-}" ;;
    *) usage ;;
esac
