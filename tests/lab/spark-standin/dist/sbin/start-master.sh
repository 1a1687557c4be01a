#!/usr/bin/env bash
# SparkDeck Spark stand-in: sbin/start-master.sh [options], as Apache Spark's: starts the master
# daemon (instance 1) with --host $SPARK_MASTER_HOST (default: `hostname -f`) --port
# $SPARK_MASTER_PORT (7077) --webui-port $SPARK_MASTER_WEBUI_PORT (8080) and then your options.

if [ -z "${SPARK_HOME}" ]; then
  SPARK_HOME="$(cd "$(dirname "$0")"/..; pwd)"
  export SPARK_HOME
fi

CLASS="org.apache.spark.deploy.master.Master"

if [[ "$@" = *--help ]] || [[ "$@" = *-h ]]; then
  echo "Usage: ./sbin/start-master.sh [options]"
  pattern="Usage:"
  pattern+="\|Using Spark's default log4j profile:"
  pattern+="\|Started daemon with process name"
  pattern+="\|Registering signal handler for"
  "${SPARK_HOME}"/bin/spark-class $CLASS --help 2>&1 | grep -v "$pattern" 1>&2
  exit 1
fi

ORIGINAL_ARGS="$@"

. "${SPARK_HOME}/sbin/spark-config.sh"
. "${SPARK_HOME}/bin/load-spark-env.sh"

if [ "$SPARK_MASTER_PORT" = "" ]; then
  SPARK_MASTER_PORT=7077
fi

if [ "$SPARK_MASTER_HOST" = "" ]; then
  case $(uname) in
    (SunOS) SPARK_MASTER_HOST="$(/usr/sbin/check-hostname | awk '{print $NF}')" ;;
    (*)     SPARK_MASTER_HOST="$(hostname -f)" ;;
  esac
fi

if [ "$SPARK_MASTER_WEBUI_PORT" = "" ]; then
  SPARK_MASTER_WEBUI_PORT=8080
fi

# Unquoted, like Spark's script: an empty host or port shifts the arguments.
"${SPARK_HOME}/sbin"/spark-daemon.sh start $CLASS 1 \
  --host $SPARK_MASTER_HOST --port $SPARK_MASTER_PORT --webui-port $SPARK_MASTER_WEBUI_PORT \
  $ORIGINAL_ARGS
