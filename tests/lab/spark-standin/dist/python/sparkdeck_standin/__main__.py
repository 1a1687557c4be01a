"""`python3 -m sparkdeck_standin <class> [args]`: what bin/spark-class runs in place of
`java -cp <conf>:<jars> <options> <class> [args]`.

Like Spark's launcher it collects the class's JVM options (SPARK_DAEMON_JAVA_OPTS, then
SPARK_MASTER_OPTS or SPARK_WORKER_OPTS, so the latter win) and the heap size
(SPARK_DAEMON_MEMORY, 1g), prints "Spark Command: ..." when SPARK_PRINT_LAUNCH_COMMAND is set
(spark-daemon.sh sets it), and then behaves like that JVM: -Dspark.x=y become the properties
SparkConf reads, a word that is not an option is taken for the main class.
"""

import os
import shutil
import sys

from . import common as c

MASTER = "org.apache.spark.deploy.master.Master"
WORKER = "org.apache.spark.deploy.worker.Worker"
SUBMIT = "org.apache.spark.deploy.SparkSubmit"

OPTS_KEYS = {MASTER: ["SPARK_DAEMON_JAVA_OPTS", "SPARK_MASTER_OPTS"],
             WORKER: ["SPARK_DAEMON_JAVA_OPTS", "SPARK_WORKER_OPTS"],
             SUBMIT: ["SPARK_SUBMIT_OPTS"]}

MODULE_OPTIONS = ["-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                  "--add-opens=java.base/java.nio=ALL-UNNAMED",
                  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                  "--add-opens=java.base/java.util=ALL-UNNAMED",
                  "-Djdk.reflect.useDirectMethodHandle=false"]


def java_binary():
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        return os.path.join(java_home, "bin", "java")
    found = shutil.which("java")
    return os.path.realpath(found) if found else "java"


def no_main_class(name):
    sys.stderr.write("Error: Could not find or load main class %s\nCaused by: "
                     "java.lang.ClassNotFoundException: %s\n" % (name, name))
    sys.exit(1)


def main(argv):
    if not argv:
        sys.stderr.write("Exception in thread \"main\" java.lang.IllegalArgumentException: "
                         "Not enough arguments: missing class name.\n")
        sys.exit(1)
    cls, args = argv[0], argv[1:]
    try:
        opts = c.java_options(OPTS_KEYS.get(cls, []))
    except c.JavaError as e:
        sys.stderr.write("Exception in thread \"main\" " + e.render())
        sys.exit(1)
    memory = os.environ.get("SPARK_DAEMON_MEMORY") if cls in (MASTER, WORKER) else \
        os.environ.get("SPARK_DRIVER_MEMORY")
    conf_dir = os.environ.get("SPARK_CONF_DIR") or os.path.join(c.SPARK_HOME, "conf")
    classpath = "%s/:%s/jars/*" % (conf_dir, c.SPARK_HOME)
    if os.environ.get("SPARK_DAEMON_CLASSPATH") and cls in (MASTER, WORKER):
        classpath += ":" + os.environ["SPARK_DAEMON_CLASSPATH"]
    command = [java_binary(), "-cp", classpath] + opts + ["-Xmx" + (memory or "1g")] + \
        MODULE_OPTIONS + [cls] + args
    if os.environ.get("SPARK_PRINT_LAUNCH_COMMAND"):
        sys.stderr.write("Spark Command: %s\n%s\n" % (" ".join(command), "=" * 40))
        sys.stderr.flush()

    # From here on, what the JVM does with that command line.
    properties = {}
    for opt in opts:
        if not opt.startswith("-"):
            no_main_class(opt)
        if opt.startswith("-D"):
            key, _, value = opt[2:].partition("=")
            properties[key] = value
    if cls not in (MASTER, WORKER, SUBMIT):
        no_main_class(cls)
    if not os.path.isfile(os.path.join(conf_dir, "log4j2.properties")):
        sys.stderr.write("Using Spark's default log4j profile: "
                         "org/apache/spark/log4j2-defaults.properties\n")
        sys.stderr.flush()
    if cls == MASTER:
        from . import master
        master.main(args, properties)
    elif cls == WORKER:
        from . import worker
        worker.main(args, properties)
    else:
        submit(args)


def submit(args):
    if "--version" in args:
        version = c.spark_version()
        java = os.environ.get("SPARK_STANDIN_JAVA_VERSION", "17")
        sys.stderr.write(
            "Welcome to\n"
            "      ____              __\n"
            "     / __/__  ___ _____/ /__\n"
            "    _\\ \\/ _ \\/ _ `/ __/  '_/\n"
            "   /___/ .__/\\_,_/_/ /_/\\_\\   version %s\n"
            "      /_/\n"
            "                        \n"
            "Using Scala version %s, OpenJDK 64-Bit Server VM, %s\n"
            "Branch HEAD\n"
            "Compiled by user sparkdeck on the SparkDeck test stand-in\n"
            "Revision stand-in\n"
            "Url (not Apache Spark: the SparkDeck test stand-in, see RELEASE)\n"
            "Type --help for more information.\n"
            % (version, "2.13.16" if c.version_at_least(4, 0) else "2.12.18", java))
        sys.exit(0)
    sys.stderr.write("Error: the SparkDeck Spark stand-in cannot submit applications "
                     "(it only runs the standalone master and worker).\n")
    sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
