#!/usr/bin/env bash
# SparkDeck Spark stand-in: sbin/spark-daemon.sh, with Apache Spark's behaviour.
#
#   spark-daemon.sh [--config <conf-dir>] (start|stop|submit|decommission|status) <class> <instance> [args...]
#
# start: refuses when the pid file names a running "java" process ("... running as process N.
#   Stop it first."), rotates the log ($SPARK_LOG_DIR/spark-$SPARK_IDENT_STRING-<class>-<instance>-
#   $HOSTNAME.out, 5 kept), runs bin/spark-class under nohup and nice, writes the pid file
#   ($SPARK_PID_DIR/spark-$SPARK_IDENT_STRING-<class>-<instance>.pid), waits for the process to
#   become "java", sleeps 2 s and reports "failed to launch" with the log's tail if it died (exit
#   status 0 all the same). With SPARK_NO_DAEMONIZE set it runs the class in the foreground instead.
# stop: SIGTERM to the pid file's process if it is "java", then removes the pid file.
# decommission: SIGPWR to it.   status: exit 0 running, 1 stale pid file, 2 not running.
#
# Environment: SPARK_CONF_DIR, SPARK_LOG_DIR (default $SPARK_HOME/logs), SPARK_PID_DIR (default
# /tmp), SPARK_IDENT_STRING (default $USER), SPARK_NICENESS (default 0), SPARK_LOG_MAX_FILES
# (default 5), SPARK_NO_DAEMONIZE.

usage="Usage: spark-daemon.sh [--config <conf-dir>] (start|stop|submit|decommission|status) <spark-command> <spark-instance-number> <args...>"

if [ $# -le 1 ]; then
  echo $usage
  exit 1
fi

if [ -z "${SPARK_HOME}" ]; then
  SPARK_HOME="$(cd "$(dirname "$0")"/..; pwd)"
  export SPARK_HOME
fi

. "${SPARK_HOME}/sbin/spark-config.sh"

if [ "$1" == "--config" ]; then
  shift
  conf_dir="$1"
  if [ ! -d "$conf_dir" ]; then
    echo "ERROR : $conf_dir is not a directory"
    echo $usage
    exit 1
  fi
  export SPARK_CONF_DIR="$conf_dir"
  shift
fi

option=$1
shift
command=$1
shift
instance=$1
shift

rotate_log() {
  local log=$1 keep=5 prev
  if [[ -n ${SPARK_LOG_MAX_FILES} ]]; then
    if [[ ${SPARK_LOG_MAX_FILES} -gt 0 ]]; then
      keep=${SPARK_LOG_MAX_FILES}
    else
      echo "Error: SPARK_LOG_MAX_FILES must be a positive number, but got ${SPARK_LOG_MAX_FILES}"
      exit -1
    fi
  fi
  [ -f "$log" ] || return 0
  while [ "$keep" -gt 1 ]; do
    prev=$((keep - 1))
    [ -f "$log.$prev" ] && mv "$log.$prev" "$log.$keep"
    keep=$prev
  done
  mv "$log" "$log.$keep"
}

. "${SPARK_HOME}/bin/load-spark-env.sh"

if [ "$SPARK_IDENT_STRING" = "" ]; then
  export SPARK_IDENT_STRING="$USER"
fi

export SPARK_PRINT_LAUNCH_COMMAND="1"

if [ "$SPARK_LOG_DIR" = "" ]; then
  export SPARK_LOG_DIR="${SPARK_HOME}/logs"
fi
mkdir -p "$SPARK_LOG_DIR"
if touch "$SPARK_LOG_DIR"/.spark_test > /dev/null 2>&1; then
  rm -f "$SPARK_LOG_DIR"/.spark_test
else
  chown "$SPARK_IDENT_STRING" "$SPARK_LOG_DIR"
fi

if [ "$SPARK_PID_DIR" = "" ]; then
  SPARK_PID_DIR=/tmp
fi

log="$SPARK_LOG_DIR/spark-$SPARK_IDENT_STRING-$command-$instance-$HOSTNAME.out"
pid="$SPARK_PID_DIR/spark-$SPARK_IDENT_STRING-$command-$instance.pid"

if [ "$SPARK_NICENESS" = "" ]; then
  export SPARK_NICENESS=0
fi

# The daemons are recognised by their process name, "java".
is_daemon() {
  [[ $(ps -p "$1" -o comm= 2>/dev/null) =~ "java" ]]
}

launch() {
  if [ -n "${SPARK_NO_DAEMONIZE+set}" ]; then
    "$@"
    return
  fi
  nohup -- "$@" >> "$log" 2>&1 < /dev/null &
  newpid="$!"
  echo "$newpid" > "$pid"
  for _ in 1 2 3 4 5 6 7 8 9 10; do   # up to 5 s for the process to become java
    is_daemon "$newpid" && break
    sleep 0.5
  done
  sleep 2
  if ! is_daemon "$newpid"; then
    echo "failed to launch: $*"
    tail -10 "$log" | sed 's/^/  /'
    echo "full log in $log"
  fi
}

start() {
  local mode=$1
  shift
  mkdir -p "$SPARK_PID_DIR"
  if running; then
    echo "$command running as process $TARGET_ID.  Stop it first."
    exit 1
  fi
  if [ "$SPARK_MASTER" != "" ]; then
    echo rsync from "$SPARK_MASTER"
    rsync -a -e ssh --delete --exclude=.svn --exclude='logs/*' --exclude='contrib/hod/logs/*' "$SPARK_MASTER/" "${SPARK_HOME}"
  fi
  rotate_log "$log"
  echo "starting $command, logging to $log"
  case "$mode" in
    (class)  launch nice -n "$SPARK_NICENESS" "${SPARK_HOME}"/bin/spark-class "$command" "$@" ;;
    (submit) launch nice -n "$SPARK_NICENESS" bash "${SPARK_HOME}"/bin/spark-submit --class "$command" "$@" ;;
  esac
}

running() { # the pid file names a live daemon (its pid in TARGET_ID)
  [ -f "$pid" ] && TARGET_ID="$(cat "$pid")" && is_daemon "$TARGET_ID"
}

case $option in
  (submit)
    start submit "$@"
    ;;
  (start)
    start class "$@"
    ;;
  (stop)
    if running; then
      echo "stopping $command"
      kill "$TARGET_ID" && rm -f "$pid"
    else
      echo "no $command to stop"
    fi
    ;;
  (decommission)
    if running; then
      echo "decommissioning $command"
      kill -s SIGPWR "$TARGET_ID"
    else
      echo "no $command to decommission"
    fi
    ;;
  (status)
    if [ -f "$pid" ]; then
      TARGET_ID="$(cat "$pid")"
      if is_daemon "$TARGET_ID"; then
        echo $command is running.
        exit 0
      fi
      echo $pid file is present but $command not running
      exit 1
    fi
    echo $command not running.
    exit 2
    ;;
  (*)
    echo $usage
    exit 1
    ;;
esac
