#!/usr/bin/env bash
# SparkDeck Spark stand-in: sbin/decommission-worker.sh [--block-until-exit] sends SIGPWR to the
# worker(s) of this machine (instances 1..SPARK_WORKER_INSTANCES). A worker started with
# spark.decommission.enabled=true is then listed DECOMMISSIONED by the master and keeps running
# until stop-worker.sh; without that setting SIGPWR kills it. Like Spark's script it traces its
# commands (set -ex).

set -ex

if [ -z "${SPARK_HOME}" ]; then
  SPARK_HOME="$(cd "$(dirname "$0")"/..; pwd)"
  export SPARK_HOME
fi

. "${SPARK_HOME}/sbin/spark-config.sh"
. "${SPARK_HOME}/bin/load-spark-env.sh"

if [ "$SPARK_WORKER_INSTANCES" = "" ]; then
  "${SPARK_HOME}/sbin"/spark-daemon.sh decommission org.apache.spark.deploy.worker.Worker 1
else
  for ((i = 1; i <= SPARK_WORKER_INSTANCES; i++)); do
    "${SPARK_HOME}/sbin"/spark-daemon.sh decommission org.apache.spark.deploy.worker.Worker $i
  done
fi

# --block-until-exit: wait for instance 1 to exit (used where the script's exit ends the machine).
if [ "$1" == "--block-until-exit" ]; then
  pid="${SPARK_PID_DIR:-/tmp}/spark-${SPARK_IDENT_STRING:-$USER}-org.apache.spark.deploy.worker.Worker-1.pid"
  while [ -f "$pid" ] && kill -0 "$(cat "$pid")" 2>/dev/null; do
    sleep 1
  done
fi
