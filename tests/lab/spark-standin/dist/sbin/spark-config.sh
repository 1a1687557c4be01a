#!/usr/bin/env bash
# SparkDeck Spark stand-in. Sourced by the sbin/ scripts: SPARK_HOME (the directory above sbin/),
# SPARK_CONF_DIR (default $SPARK_HOME/conf) and PYTHONPATH, as Apache Spark's spark-config.sh.

if [ -z "${SPARK_HOME}" ]; then
  SPARK_HOME="$(cd "$(dirname "$0")"/..; pwd)"
  export SPARK_HOME
fi

export SPARK_CONF_DIR="${SPARK_CONF_DIR:-"${SPARK_HOME}/conf"}"

if [ -z "${PYSPARK_PYTHONPATH_SET}" ]; then
  export PYTHONPATH="${SPARK_HOME}/python:${PYTHONPATH}"
  export PYSPARK_PYTHONPATH_SET=1
fi
