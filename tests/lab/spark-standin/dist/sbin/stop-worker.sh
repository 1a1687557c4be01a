#!/usr/bin/env bash
# SparkDeck Spark stand-in: sbin/stop-worker.sh stops the worker(s) started by start-worker.sh
# on this machine: instances 1..SPARK_WORKER_INSTANCES (default 1), by pid file.

if [ -z "${SPARK_HOME}" ]; then
  SPARK_HOME="$(cd "$(dirname "$0")"/..; pwd)"
  export SPARK_HOME
fi

. "${SPARK_HOME}/sbin/spark-config.sh"
. "${SPARK_HOME}/bin/load-spark-env.sh"

if [ "$SPARK_WORKER_INSTANCES" = "" ]; then
  "${SPARK_HOME}/sbin"/spark-daemon.sh stop org.apache.spark.deploy.worker.Worker 1
else
  for ((i = 1; i <= SPARK_WORKER_INSTANCES; i++)); do
    "${SPARK_HOME}/sbin"/spark-daemon.sh stop org.apache.spark.deploy.worker.Worker $i
  done
fi
