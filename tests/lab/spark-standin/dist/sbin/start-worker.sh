#!/usr/bin/env bash
# SparkDeck Spark stand-in: sbin/start-worker.sh <master> [options], as Apache Spark's: starts
# SPARK_WORKER_INSTANCES workers (default 1), instance i with --webui-port
# $SPARK_WORKER_WEBUI_PORT+i-1 (8081...) and, when SPARK_WORKER_PORT is set, --port
# $SPARK_WORKER_PORT+i-1; then the master URL and your options.

if [ -z "${SPARK_HOME}" ]; then
  SPARK_HOME="$(cd "$(dirname "$0")"/..; pwd)"
  export SPARK_HOME
fi

CLASS="org.apache.spark.deploy.worker.Worker"

if [[ $# -lt 1 ]] || [[ "$@" = *--help ]] || [[ "$@" = *-h ]]; then
  echo "Usage: ./sbin/start-worker.sh <master> [options]"
  pattern="Usage:"
  pattern+="\|Using Spark's default log4j profile:"
  pattern+="\|Started daemon with process name"
  pattern+="\|Registering signal handler for"
  "${SPARK_HOME}"/bin/spark-class $CLASS --help 2>&1 | grep -v "$pattern" 1>&2
  exit 1
fi

. "${SPARK_HOME}/sbin/spark-config.sh"
. "${SPARK_HOME}/bin/load-spark-env.sh"

MASTER=$1
shift

if [ "$SPARK_WORKER_WEBUI_PORT" = "" ]; then
  SPARK_WORKER_WEBUI_PORT=8081
fi

start_instance() {
  local n=$1
  shift
  local port_flag= port_num=
  if [ "$SPARK_WORKER_PORT" != "" ]; then
    port_flag="--port"
    port_num=$(( SPARK_WORKER_PORT + n - 1 ))
  fi
  "${SPARK_HOME}/sbin"/spark-daemon.sh start $CLASS $n \
    --webui-port "$(( SPARK_WORKER_WEBUI_PORT + n - 1 ))" $port_flag $port_num $MASTER "$@"
}

if [ "$SPARK_WORKER_INSTANCES" = "" ]; then
  start_instance 1 "$@"
else
  for ((i = 1; i <= SPARK_WORKER_INSTANCES; i++)); do
    start_instance $i "$@"
  done
fi
