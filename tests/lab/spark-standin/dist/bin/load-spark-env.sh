#!/usr/bin/env bash
# SparkDeck Spark stand-in. Sourced by the other scripts: loads ${SPARK_CONF_DIR}/spark-env.sh
# once per process tree (SPARK_ENV_LOADED), with every variable it sets exported (set -a),
# exactly like Apache Spark's bin/load-spark-env.sh.

if [ -z "${SPARK_HOME}" ]; then
  source "$(dirname "${BASH_SOURCE[0]}")"/find-spark-home
fi

if [ -z "${SPARK_ENV_LOADED}" ]; then
  export SPARK_ENV_LOADED=1
  export SPARK_CONF_DIR="${SPARK_CONF_DIR:-"${SPARK_HOME}"/conf}"
  if [[ -f "${SPARK_CONF_DIR}/spark-env.sh" ]]; then
    set -a
    . "${SPARK_CONF_DIR}/spark-env.sh"
    set +a
  fi
fi

# A binary distribution has no assembly/ directory: Scala 2.12 for Spark 3.x, 2.13 for 4.x.
if [ -z "${SPARK_SCALA_VERSION}" ]; then
  case "$(sed -n '1s/^Spark \([0-9]*\)\..*/\1/p' "${SPARK_HOME}/RELEASE" 2>/dev/null)" in
    3|2) export SPARK_SCALA_VERSION=2.12 ;;
    *) export SPARK_SCALA_VERSION=2.13 ;;
  esac
fi
