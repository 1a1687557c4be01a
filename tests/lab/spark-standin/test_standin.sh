#!/usr/bin/env bash
# Tests the SparkDeck Spark stand-in as a provisioning tool would use a Spark distribution:
# unpack the tarball, start a master and workers with the sbin/ scripts on 127.0.0.1 (random free
# ports), and check what Spark would show: /json/, the UI, pid files, logs, refusals.
#
#   test_standin.sh [TARBALL]     (default: build one with make-distribution.sh)
#
# Needs bash, python3, a Java runtime, tar; no root, no network namespaces. Every process it
# starts is stopped on exit (by pid, only processes whose environment names its temp directory).
# Set KEEP=1 to keep the temp directory. Last line: "N passed, M failed"; exit 1 on failures.

set -u
here=$(cd "$(dirname "$0")" && pwd)
probe="$here/standin_probe.py"
work=$(mktemp -d "${TMPDIR:-/tmp}/spark-standin-test.XXXXXX")
bg_pids=()

ours() { # pid: alive and started by this test (its environment names $work)
    [ -r "/proc/$1/environ" ] && tr '\0' '\n' < "/proc/$1/environ" 2>/dev/null | grep -qF "$work"
}
cleanup() {
    local f p
    for f in $(find "$work" -name '*.pid' 2>/dev/null); do
        p=$(cat "$f" 2>/dev/null)
        [ -n "$p" ] && ours "$p" && kill -9 "$p" 2>/dev/null
    done
    for p in "${bg_pids[@]}"; do
        for c in $(descendants "$p") "$p"; do ours "$c" && kill -9 "$c" 2>/dev/null; done
    done
    wait 2>/dev/null
    if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
descendants() { # pid: all its descendants
    local c
    for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        echo "$c"
        descendants "$c"
    done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ $# -lt 2 ] || echo "$2" | sed 's/^/#   /'; }
check() { # description command...: passes when the command succeeds
    local d=$1 out
    shift
    if out=$("$@" 2>&1); then ok "$d"; else not_ok "$d" "$out"; fi
}
eq() { [ "$1" = "$2" ] || { echo "got [$1], want [$2]"; return 1; }; }
has() { grep -qF -- "$2" <<<"$1" || { echo "[$2] not in:"; echo "$1" | tail -15; return 1; }; }
in_file() { grep -qF -- "$2" "$1" 2>/dev/null || { echo "[$2] not in $1:"; tail -15 "$1" 2>/dev/null; return 1; }; }
comm_of() { ps -p "$1" -o comm= 2>/dev/null; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
exited() { # pid: prints "exited" once the process is gone or a zombie (orphans are reaped lazily)
    local s
    s=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)
    if [ -z "$s" ] || [ "$s" = Z ]; then echo exited; else echo "running ($s)"; fi
}
wait_eq() { # seconds expected command...: until the command prints the expected text
    local end=$((SECONDS + $1)) want=$2 got
    shift 2
    while :; do
        got=$("$@" 2>/dev/null)
        [ "$got" = "$want" ] && return 0
        [ $SECONDS -ge $end ] && { echo "got [$got], want [$want]"; return 1; }
        sleep 0.2
    done
}
js() { python3 "$probe" eval "$1" "$2" 2>/dev/null; }   # url expr
state_of() { js "$1" "[w['state'] for w in d['workers'] if w['port'] == $2]"; }  # url worker-port

# --- the distribution ------------------------------------------------------------------------
command -v python3 >/dev/null || { echo "SKIP: no python3 (the stand-in's daemons need it)"; exit 77; }
if [ -z "${JAVA_HOME:-}" ] && ! command -v java >/dev/null; then
    echo "SKIP: no Java runtime (JAVA_HOME or java on PATH), which bin/spark-class requires"
    exit 77
fi
if [ $# -ge 1 ]; then
    tarball=$(realpath "$1")
else
    tarball=$("$here/make-distribution.sh" "$work/dist" 3.5.8) || { echo "0 passed, 1 failed"; exit 1; }
fi
check "the .sha512 next to the tarball verifies" \
    bash -c "cd '$(dirname "$tarball")' && sha512sum -c --quiet '$(basename "$tarball").sha512'"
tar -xzf "$tarball" -C "$work" || { echo "0 passed, 1 failed"; exit 1; }
name=$(basename "$tarball" .tgz)
version=${name#spark-}
version=${version%-bin-hadoop*}
S="$work/$name"
check "the tarball's top directory is $name/" test -d "$S"
layout_ok() {
    local f
    for f in bin/spark-class bin/load-spark-env.sh bin/spark-submit sbin/spark-daemon.sh \
        sbin/start-master.sh sbin/start-worker.sh sbin/stop-master.sh sbin/stop-worker.sh \
        sbin/decommission-worker.sh sbin/spark-config.sh conf/spark-env.sh.template \
        conf/spark-defaults.conf.template conf/workers.template RELEASE LICENSE NOTICE; do
        [ -e "$S/$f" ] || { echo "missing $f"; return 1; }
    done
    [ -d "$S/jars" ] || { echo "missing jars/"; return 1; }
    grep -qE '^Spark [0-9.]+ built for Hadoop [0-9.]+$' <(head -1 "$S/RELEASE") || return 1
    grep -q 'stand-in' "$S/RELEASE"
}
check "layout of a Spark binary distribution, RELEASE says Spark ... built for Hadoop" layout_ok

# --- environment: nothing from the caller's Spark, everything on 127.0.0.1 --------------------
for v in $(compgen -e | grep -E '^(SPARK_|_SPARK_|PYSPARK_)'); do unset "$v"; done
export USER=${USER:-$(id -un)}
export SPARK_LOCAL_IP=127.0.0.1
host=$HOSTNAME
mapfile -t P < <(python3 "$probe" ports 12)
MP=${P[0]} MW=${P[1]}          # master A: RPC, UI
W1=${P[2]} W2=${P[3]} W3=${P[4]} W4=${P[5]}   # worker UIs
BP=${P[6]} BW=${P[7]} BWW=${P[8]}             # master B: RPC, UI; its worker's UI
XP=${P[9]} XW=${P[10]} XWW=${P[11]}          # masters that must not start

cat > "$S/conf/spark-defaults.conf" <<EOF
# master A and its workers
spark.authenticate              true
spark.authenticate.secret       right-secret
spark.ui.reverseProxy           true
spark.decommission.enabled      true
spark.worker.timeout            2
EOF
A="http://127.0.0.1:$MW"

# --- master A with the sbin scripts ------------------------------------------------------------
master_env=(SPARK_PID_DIR="$work/run/master" SPARK_LOG_DIR="$work/logs/master"
            SPARK_MASTER_HOST=127.0.0.1 SPARK_MASTER_PORT="$MP" SPARK_MASTER_WEBUI_PORT="$MW")
master_pidfile="$work/run/master/spark-$USER-org.apache.spark.deploy.master.Master-1.pid"
master_log="$work/logs/master/spark-$USER-org.apache.spark.deploy.master.Master-1-$host.out"
out=$(env "${master_env[@]}" "$S/sbin/start-master.sh" 2>&1)
check "start-master.sh says where it logs" has "$out" \
    "starting org.apache.spark.deploy.master.Master, logging to $master_log"
check "pid file $(basename "$master_pidfile")" test -s "$master_pidfile"
mpid=$(cat "$master_pidfile" 2>/dev/null)
check "the master process is named java" eq "$(comm_of "$mpid")" java
check "master's /json/ says ALIVE" wait_eq 10 ALIVE js "$A/json/" "d['status']"
check "master log: Spark Command, then elected leader" bash -c \
    "grep -q '^Spark Command: .*java -cp .* org.apache.spark.deploy.master.Master --host 127.0.0.1 --port $MP --webui-port $MW' '$master_log' &&
     grep -q 'INFO Master: I have been elected leader! New state: ALIVE' '$master_log'"

# --- three workers: two with the right secret, one with a wrong one ----------------------------
worker_env() { # n: environment of worker n (its own pid and log directories, like its own host)
    echo SPARK_PID_DIR="$work/run/w$1" SPARK_LOG_DIR="$work/logs/w$1"
}
worker_pidfile() { echo "$work/run/w$1/spark-$USER-org.apache.spark.deploy.worker.Worker-1.pid"; }
worker_log() { echo "$work/logs/w$1/spark-$USER-org.apache.spark.deploy.worker.Worker-1-$host.out"; }
env $(worker_env 1) SPARK_WORKER_WEBUI_PORT="$W1" SPARK_WORKER_CORES=1 SPARK_WORKER_MEMORY=512m \
    "$S/sbin/start-worker.sh" "spark://127.0.0.1:$MP" > "$work/w1.start" 2>&1 &
env $(worker_env 2) SPARK_WORKER_WEBUI_PORT="$W2" \
    "$S/sbin/start-worker.sh" "spark://127.0.0.1:$MP" --cores 2 --memory 1g > "$work/w2.start" 2>&1 &
env $(worker_env 3) SPARK_WORKER_WEBUI_PORT="$W3" SPARK_WORKER_OPTS="-Dspark.authenticate.secret=wrong-secret" \
    "$S/sbin/start-worker.sh" "spark://127.0.0.1:$MP" > "$work/w3.start" 2>&1 &
wait
w1pid=$(cat "$(worker_pidfile 1)" 2>/dev/null) w2pid=$(cat "$(worker_pidfile 2)" 2>/dev/null)
w3pid=$(cat "$(worker_pidfile 3)" 2>/dev/null)
check "three worker pid files, processes named java" eq \
    "$(comm_of "$w1pid") $(comm_of "$w2pid") $(comm_of "$w3pid")" "java java java"
check "aliveworkers = 2" wait_eq 10 2 js "$A/json/" "d['aliveworkers']"
w1port=$(js "$A/json/" "[w['port'] for w in d['workers'] if w['webuiaddress'].endswith(':$W1')][0]")
w2port=$(js "$A/json/" "[w['port'] for w in d['workers'] if w['webuiaddress'].endswith(':$W2')][0]")
w1id=$(js "$A/json/" "[w['id'] for w in d['workers'] if w['port'] == ${w1port:-0}][0]")

check "GET /json answers 302 to /json/" eq "$(python3 "$probe" status "$A/json")" 302
check "... Location: $A/json/" eq "$(python3 "$probe" header "$A/json" Location)" "$A/json/"
check "master /json/: Spark's fields, order, types, units, layout, Content-Type" \
    python3 "$probe" master-format "$A/json/"
check "master /json/: url spark://127.0.0.1:$MP, sizes in MiB, cores as given" eq \
    "$(js "$A/json/" "(d['url'], sorted((w['cores'], w['memory']) for w in d['workers']), d['memory'])")" \
    "('spark://127.0.0.1:$MP', [(1, 512), (2, 1024)], 1536)"
check "master /json/: worker id worker-<yyyyMMddHHmmss>-127.0.0.1-<port>" bash -c \
    "[[ '$w1id' =~ ^worker-[0-9]{14}-127\.0\.0\.1-$w1port\$ ]]"
check "the wrong-secret worker is not listed" eq \
    "$(js "$A/json/" "len([w for w in d['workers'] if w['webuiaddress'].endswith(':$W3')])")" 0
check "X-Frame-Options: SAMEORIGIN" eq "$(python3 "$probe" header "$A/json/" X-Frame-Options)" SAMEORIGIN
check "worker /json/: Spark's fields and types" python3 "$probe" worker-format "http://127.0.0.1:$W1/json/"
check "worker /json/: its id and its master" eq \
    "$(js "http://127.0.0.1:$W1/json/" "(d['id'], d['masterurl'], d['memory'])")" \
    "('$w1id', 'spark://127.0.0.1:$MP', 512)"
check "wrong secret: the worker logs 'Failed to connect to master' and 'Mismatched response'" bash -c \
    "grep -q 'WARN Worker: Failed to connect to master 127.0.0.1:$MP' '$(worker_log 3)' &&
     grep -q 'Mismatched response' '$(worker_log 3)' && grep -q 'Mismatched response' '$master_log'"
check "wrong secret: the worker keeps running (and retrying)" alive "$w3pid"

# --- the master UI and the reverse proxy -------------------------------------------------------
page=$(python3 "$probe" body "$A/")
check "master UI title: Spark Master at spark://127.0.0.1:$MP" has "$page" \
    "<title>Spark Master at spark://127.0.0.1:$MP</title>"
check "master UI links workers through /proxy/<worker-id>" has "$page" "href=\"/proxy/$w1id\""
check "/proxy/<worker-id>/json/ is that worker's /json/" eq \
    "$(js "$A/proxy/$w1id/json/" "d['id']")" "$w1id"
check "/proxy/<worker-id>/json redirects within the proxy" eq \
    "$(python3 "$probe" header "$A/proxy/$w1id/json" Location)" "$A/proxy/$w1id/json/"
check "/proxy/<unknown>/ answers 403" eq "$(python3 "$probe" status "$A/proxy/worker-nope/")" 403
check "an unknown path answers the master page (200)" eq "$(python3 "$probe" status "$A/no/such/page")" 200

# --- a worker that stops heartbeating (SIGSTOP) is DEAD after spark.worker.timeout ------------
kill -STOP "$w2pid"
check "SIGSTOPped worker: DEAD after spark.worker.timeout (2 s)" \
    wait_eq 8 "['DEAD']" state_of "$A/json/" "$w2port"
check "master log: no heartbeat in 2 seconds" in_file "$master_log" "because we got no heartbeat in 2 seconds"
kill -CONT "$w2pid"
check "resumed worker is asked to re-register and is ALIVE again" \
    wait_eq 8 "['ALIVE']" state_of "$A/json/" "$w2port"

# --- decommission, stop ------------------------------------------------------------------------
out=$(env $(worker_env 1) "$S/sbin/decommission-worker.sh" 2>/dev/null)
check "decommission-worker.sh: decommissioning org.apache.spark.deploy.worker.Worker" has "$out" \
    "decommissioning org.apache.spark.deploy.worker.Worker"
check "decommissioned worker: DECOMMISSIONED on the master" \
    wait_eq 5 "['DECOMMISSIONED']" state_of "$A/json/" "$w1port"
sleep 0.5
check "decommissioned worker: process still running" eq "$(comm_of "$w1pid")" java
check "decommissioned worker: not counted in aliveworkers" eq "$(js "$A/json/" "d['aliveworkers']")" 1

out=$(env $(worker_env 2) "$S/sbin/stop-worker.sh" 2>&1)
check "stop-worker.sh: stopping org.apache.spark.deploy.worker.Worker" has "$out" \
    "stopping org.apache.spark.deploy.worker.Worker"
check "stopped worker: DEAD at once, still listed" wait_eq 3 "['DEAD']" state_of "$A/json/" "$w2port"
check "stopped worker: process exits" wait_eq 5 exited exited "$w2pid"
check "stopped worker: pid file removed" test ! -e "$(worker_pidfile 2)"
out=$(env $(worker_env 2) "$S/sbin/stop-worker.sh" 2>&1)
check "stop-worker.sh again: no org.apache.spark.deploy.worker.Worker to stop" has "$out" \
    "no org.apache.spark.deploy.worker.Worker to stop"

check "GET /workers/kill/ is not allowed (405)" eq "$(python3 "$probe" status "$A/workers/kill/")" 405
check "POST /workers/kill/?host=127.0.0.1 from this machine (mode LOCAL): 200" eq \
    "$(python3 "$probe" status "$A/workers/kill/?host=127.0.0.1" POST)" 200
check "POST /workers/kill/?host=10.255.255.1 (no worker there): 404" eq \
    "$(python3 "$probe" status "$A/workers/kill/?host=10.255.255.1" POST)" 404
env $(worker_env 1) "$S/sbin/stop-worker.sh" >/dev/null 2>&1
check "stopped decommissioned worker: DEAD" wait_eq 3 "['DEAD']" state_of "$A/json/" "$w1port"

# --- refusals ----------------------------------------------------------------------------------
out=$(env "${master_env[@]}" "$S/sbin/start-master.sh" 2>&1)
status=$?
check "second start-master.sh refused: running as process N.  Stop it first. (exit 1)" eq \
    "$out / $status" "org.apache.spark.deploy.master.Master running as process $mpid.  Stop it first. / 1"

out=$(env $(worker_env 4) SPARK_WORKER_WEBUI_PORT="$W4" SPARK_WORKER_MEMORY=1024 \
    "$S/sbin/start-worker.sh" "spark://127.0.0.1:$MP" 2>&1)
check "SPARK_WORKER_MEMORY=1024 (bytes): start-worker.sh says failed to launch" has "$out" \
    "failed to launch: nice -n 0 $S/bin/spark-class org.apache.spark.deploy.worker.Worker"
check "... the log says Memory is below 1MB, or missing a M/G" in_file "$(worker_log 4)" \
    "java.lang.IllegalStateException: Memory is below 1MB, or missing a M/G at the end of the memory specification?"

out=$(SPARK_MASTER_OPTS="-Dspark.master.rest.enabled=true" timeout 20 "$S/bin/spark-class" \
    org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$XP" --webui-port "$XW" 2>&1)
status=$?
check "master with a secret and the REST server refuses to start (exit 1)" eq "$status" 1
check "... saying The RestSubmissionServer does not support authentication" has "$out" \
    "The RestSubmissionServer does not support authentication via spark.authenticate.secret.  Either turn off the RestSubmissionServer with spark.master.rest.enabled=false, or do not use authentication."

nojava="$work/nojava-bin"
mkdir -p "$nojava"
for t in bash dirname sed cat readlink; do ln -s "$(command -v $t)" "$nojava/$t"; done
out=$(env -u JAVA_HOME PATH="$nojava" "$S/bin/spark-class" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$XP" --webui-port "$XW" 2>&1)
status=$?
check "no Java: spark-class says JAVA_HOME is not set (exit 1)" eq "$out / $status" "JAVA_HOME is not set / 1"
out=$(JAVA_HOME="$work/no-such-jdk" "$S/bin/spark-class" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$XP" --webui-port "$XW" 2>&1)
status=$?
check "JAVA_HOME without a java: spark-class fails (exit 127)" eq "$status" 127

# --- master B: foreground, no authentication, no reverse proxy ---------------------------------
mkdir -p "$work/conf-b"
echo "spark.ui.allowFramingFrom https://example.org" > "$work/conf-b/spark-defaults.conf"
B="http://127.0.0.1:$BW"
SPARK_CONF_DIR="$work/conf-b" SPARK_NO_DAEMONIZE=1 SPARK_PID_DIR="$work/run/b" SPARK_LOG_DIR="$work/logs/b" \
    SPARK_MASTER_HOST=127.0.0.1 SPARK_MASTER_PORT="$BP" SPARK_MASTER_WEBUI_PORT="$BW" \
    "$S/sbin/start-master.sh" > "$work/b.out" 2>&1 &
bg_pids+=($!)
check "SPARK_NO_DAEMONIZE=1 start-master.sh: runs in the foreground, ALIVE" \
    wait_eq 10 ALIVE js "$B/json/" "d['status']"
check "SPARK_NO_DAEMONIZE=1: no pid file, logs on its own output" bash -c \
    "[ -z \"\$(ls -A '$work/run/b' 2>/dev/null)\" ] && grep -q 'Starting Spark master at spark://127.0.0.1:$BP' '$work/b.out'"
check "spark.ui.allowFramingFrom: X-Frame-Options: ALLOW-FROM" eq \
    "$(python3 "$probe" header "$B/json/" X-Frame-Options)" "ALLOW-FROM https://example.org"
check "reverse proxy off: /proxy/<anything> answers the master page (200)" bash -c \
    "[ \"\$(python3 '$probe' status '$B/proxy/worker-x/')\" = 200 ] &&
     python3 '$probe' body '$B/proxy/worker-x/' | grep -q '<title>Spark Master at spark://127.0.0.1:$BP</title>'"
SPARK_CONF_DIR="$work/conf-b" "$S/bin/spark-class" org.apache.spark.deploy.worker.Worker \
    "spark://127.0.0.1:$BP" --cores 1 --memory 256m --webui-port "$BWW" > "$work/bw.out" 2>&1 &
bwpid=$!
bg_pids+=($bwpid)
check "bin/spark-class ...Worker in the foreground registers (no authentication)" \
    wait_eq 10 1 js "$B/json/" "d['aliveworkers']"
check "reverse proxy off: the UI links the worker's own address" has \
    "$(python3 "$probe" body "$B/")" "href=\"http://127.0.0.1:$BWW\""
kill -PWR "$bwpid"
wait "$bwpid" 2>/dev/null
status=$?
check "without spark.decommission.enabled SIGPWR kills the worker (status 128+SIGPWR)" \
    eq "$status" $((128 + $(kill -l PWR)))
check "... and the master lists it DEAD" wait_eq 3 "['DEAD']" js "$B/json/" "[w['state'] for w in d['workers']]"

# --- stop master A -----------------------------------------------------------------------------
out=$(env "${master_env[@]}" "$S/sbin/stop-master.sh" 2>&1)
check "stop-master.sh: stopping org.apache.spark.deploy.master.Master" has "$out" \
    "stopping org.apache.spark.deploy.master.Master"
check "stop-master.sh: process exits" wait_eq 5 exited exited "$mpid"
check "stop-master.sh: pid file removed" test ! -e "$master_pidfile"
check "master log: RECEIVED SIGNAL TERM" in_file "$master_log" "ERROR Master: RECEIVED SIGNAL TERM"
check "stop-master.sh again: no org.apache.spark.deploy.master.Master to stop" has \
    "$(env "${master_env[@]}" "$S/sbin/stop-master.sh" 2>&1)" "no org.apache.spark.deploy.master.Master to stop"
env $(worker_env 3) "$S/sbin/stop-worker.sh" >/dev/null 2>&1

# --- spark-submit --version, JSON layout against Spark's own output -----------------------------
check "spark-submit --version prints the banner with the version" has \
    "$("$S/bin/spark-submit" --version 2>&1)" "version $version"
ref="$here/../../../../shared/reference/spark"
if [ -d "$ref" ]; then
    check "JSON layout byte-identical to Spark's for the reference files" \
        python3 "$probe" printer "$S/python" "$ref"
else
    echo "ok - JSON layout vs reference files # SKIP no $ref"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
