#!/usr/bin/env bash
# SparkDeck Spark stand-in: sbin/stop-master.sh stops the master started by start-master.sh
# (SIGTERM to the process in its pid file).

if [ -z "${SPARK_HOME}" ]; then
  SPARK_HOME="$(cd "$(dirname "$0")"/..; pwd)"
  export SPARK_HOME
fi

. "${SPARK_HOME}/sbin/spark-config.sh"

"${SPARK_HOME}/sbin"/spark-daemon.sh stop org.apache.spark.deploy.master.Master 1
