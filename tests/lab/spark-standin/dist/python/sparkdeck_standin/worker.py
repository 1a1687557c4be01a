"""org.apache.spark.deploy.worker.Worker, as far as a provisioning tool can see it: arguments and
environment (cores, memory with Spark's units and checks), registration with the master (retried
on Spark's schedule, then "All masters are unresponsive! Giving up."), heartbeats every
spark.worker.timeout / 4, re-registration when the master asks or the connection drops,
decommissioning on SIGPWR when spark.decommission.enabled=true, and the worker web UI."""

import html
import math
import os
import random
import re
import signal
import socket
import sys
import threading
import time

from . import common as c
from . import rpc, ui
from .common import JavaError, info, warn, error
from .master import int_param, env_int

LOG = "Worker"


def default_cores():
    """Runtime.availableProcessors: CPU affinity, capped by a cgroup CPU quota."""
    cores = len(os.sched_getaffinity(0))
    for path in _cgroup_files("cpu.max"):
        try:
            quota, period = open(path).read().split()[:2]
            if quota != "max":
                cores = min(cores, max(1, math.ceil(int(quota) / int(period))))
            break
        except (OSError, ValueError):
            continue
    return cores


def default_memory_mb():
    """Total RAM (or the cgroup limit) minus 1 GiB for the OS, at least 1 GiB."""
    total = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    total = int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    for path in _cgroup_files("memory.max"):
        try:
            limit = open(path).read().strip()
            if limit != "max":
                total = min(total or int(limit), int(limit))
            break
        except (OSError, ValueError):
            continue
    if total is None:
        print("Failed to get total physical memory. Using 2048 MB")
        total_mb = 2048
    else:
        total_mb = total // 1024 // 1024
    return max(total_mb - 1024, 1024)


def _cgroup_files(name):
    paths = []
    try:
        for line in open("/proc/self/cgroup"):
            if line.startswith("0::"):
                paths.append("/sys/fs/cgroup" + line[3:].strip().rstrip("/") + "/" + name)
    except OSError:
        pass
    return paths + ["/sys/fs/cgroup/" + name]


def memory_param(s):
    """MemoryParam: the size in MiB, or no match when it is not a size."""
    try:
        return c.memory_string_to_mb(s)
    except JavaError:
        return None


def parse_master_address(url):
    """RpcAddress.fromSparkURL: spark://host:port, nothing else."""
    m = re.fullmatch(r"spark://(\[[^\]]+\]|[^:/?#\[\]]+):(\d+)", url)
    if not m:
        raise JavaError("org.apache.spark.SparkException", "Invalid master URL: " + url,
                        ["org.apache.spark.util.Utils$.extractHostPortFromSparkUrl(Utils.scala:2448)",
                         "org.apache.spark.rpc.RpcAddress$.fromSparkURL(RpcAddress.scala:47)"])
    return m.group(1).strip("[]"), int(m.group(2))


class WorkerArguments:
    def __init__(self, argv, conf):
        self.host = c.local_host_name(LOG)  # evaluated before the arguments, as in Spark
        self.port = 0
        self.webui_port = 8081
        self.cores = default_cores()
        self.memory = default_memory_mb()
        self.masters = None
        self.work_dir = None
        self.properties_file = None
        if os.environ.get("SPARK_WORKER_PORT") is not None:
            self.port = env_int("SPARK_WORKER_PORT")
        if os.environ.get("SPARK_WORKER_CORES") is not None:
            self.cores = env_int("SPARK_WORKER_CORES")
        if os.environ.get("SPARK_WORKER_MEMORY") is not None:
            self.memory = c.memory_string_to_mb(os.environ["SPARK_WORKER_MEMORY"])
        if os.environ.get("SPARK_WORKER_WEBUI_PORT") is not None:
            self.webui_port = env_int("SPARK_WORKER_WEBUI_PORT")
        if os.environ.get("SPARK_WORKER_DIR") is not None:
            self.work_dir = os.environ["SPARK_WORKER_DIR"]
        self._parse(list(argv))
        self.properties_file = conf.load_defaults(self.properties_file)
        if conf.contains("spark.worker.ui.port"):
            self.webui_port = conf.get_int("spark.worker.ui.port", self.webui_port)
        if self.memory <= 0:
            raise JavaError(
                "java.lang.IllegalStateException",
                "Memory is below 1MB, or missing a M/G at the end of the memory specification?",
                ["org.apache.spark.deploy.worker.WorkerArguments.checkWorkerMemory"
                 "(WorkerArguments.scala:180)",
                 "org.apache.spark.deploy.worker.WorkerArguments.<init>(WorkerArguments.scala:65)",
                 "org.apache.spark.deploy.worker.Worker$.main(Worker.scala:952)",
                 "org.apache.spark.deploy.worker.Worker.main(Worker.scala)"])

    def _parse(self, args):
        while True:
            if not args:
                if self.masters is None:
                    usage(1)
                return
            a, value = args[0], (args[1] if len(args) > 1 else None)
            if a in ("--ip", "-i", "--host", "-h") and value is not None:
                c.check_host(value)
                self.host = value
            elif a in ("--port", "-p") and int_param(value) is not None:
                self.port = int_param(value)
            elif a in ("--cores", "-c") and int_param(value) is not None:
                self.cores = int_param(value)
            elif a in ("--memory", "-m") and value is not None and memory_param(value) is not None:
                self.memory = memory_param(value)
            elif a in ("--work-dir", "-d") and value is not None:
                self.work_dir = value
            elif a == "--webui-port" and int_param(value) is not None:
                self.webui_port = int_param(value)
            elif a == "--properties-file" and value is not None:
                self.properties_file = value
            elif a == "--help":
                usage(0)
            else:  # the positional master URL(s)
                if self.masters is not None:
                    usage(1)
                self.masters = ["spark://" + u for u in a[len("spark://"):].split(",")] \
                    if a.startswith("spark://") else ["spark://" + u for u in a.split(",")]
                args = args[1:]
                continue
            args = args[2:]


def usage(status):
    sys.stderr.write(
        "Usage: Worker [options] <master>\n\n"
        "Master must be a URL of the form spark://hostname:port\n\n"
        "Options:\n"
        "  -c CORES, --cores CORES  Number of cores to use\n"
        "  -m MEM, --memory MEM     Amount of memory to use (e.g. 1000M, 2G)\n"
        "  -d DIR, --work-dir DIR   Directory to run apps in (default: SPARK_HOME/work)\n"
        "  -i HOST, --ip IP         Hostname to listen on (deprecated, please use --host or -h)\n"
        "  -h HOST, --host HOST     Hostname to listen on\n"
        "  -p PORT, --port PORT     Port to listen on (default: random)\n"
        "  --webui-port PORT        Port for web UI (default: 8081)\n"
        "  --properties-file FILE   Path to a custom Spark properties file.\n"
        "                           Default is conf/spark-defaults.conf.\n")
    sys.stderr.flush()
    os._exit(status)


def _connect_failure(address, cause):
    return JavaError("org.apache.spark.SparkException", "Exception thrown in awaitResult: ",
                     ["org.apache.spark.util.SparkThreadUtils$.awaitResult(SparkThreadUtils.scala:56)",
                      "org.apache.spark.util.ThreadUtils$.awaitResult(ThreadUtils.scala:310)",
                      "org.apache.spark.rpc.RpcTimeout.awaitResult(RpcTimeout.scala:75)",
                      "org.apache.spark.rpc.RpcEnv.setupEndpointRefByURI(RpcEnv.scala:102)",
                      "org.apache.spark.rpc.RpcEnv.setupEndpointRef(RpcEnv.scala:110)",
                      "org.apache.spark.deploy.worker.Worker$$anon$1.run(Worker.scala:312)"],
                     cause=cause)


class Worker:
    def __init__(self, args, conf, rpc_socket, port):
        self.conf = conf
        self.host, self.port = args.host, port
        self.rpc_socket = rpc_socket
        self.cores, self.memory = args.cores, args.memory
        self.webui_port = args.webui_port
        self.master_addresses = [parse_master_address(u) for u in args.masters]
        self.spark_home = os.environ.get("SPARK_HOME", ".")
        self.work_dir = args.work_dir or os.path.join(self.spark_home, "work")
        self.public_address = os.environ.get("SPARK_PUBLIC_DNS") or self.host
        self.worker_id = "worker-%s-%s-%d" % (time.strftime("%Y%m%d%H%M%S"), self.host, port)
        self.heartbeat_s = conf.get_int("spark.worker.timeout", 60) * 1000 // 4 / 1000.0
        self.auth = conf.get_bool("spark.authenticate", False)
        self.connect_timeout = conf.get_time_seconds("spark.network.timeout", "120s")
        self.reverse_proxy = conf.get_bool("spark.ui.reverseProxy", False)
        fuzz = random.random() + 0.5
        self.initial_retries = conf.get_int("spark.worker.initialRegistrationRetries", 6)
        self.total_retries = conf.get_int("spark.worker.maxRegistrationRetries", 16)
        self.initial_interval = round(10 * fuzz)
        self.prolonged_interval = round(60 * fuzz)
        self.lock = threading.RLock()
        self.registered = False
        self.connected = False
        self.decommissioned = False
        self.master_conn = None  # the connection to the active master
        self.master_address = None
        self.conns = {}  # master address -> connection that passed the handshake
        self.active_master_url = ""
        self.active_master_webui_url = ""
        self.registration_round = 0
        self.retrying = False
        self.decommission_enabled = conf.get_bool("spark.decommission.enabled", False)
        if self.decommission_enabled:
            sig = conf.get("spark.worker.decommission.signal", "PWR").upper()
            info(LOG, "Registering SIG%s handler to trigger decommissioning." % sig)
            signum = getattr(signal, "SIG" + sig, None)
            if signum is None:
                warn("SignalUtils", "Failed to register SIG%s handler - disabling worker "
                     "decommission feature." % sig)
            else:
                signal.signal(signum, lambda n, f: c.start_thread(self.on_decommission_signal,
                                                                  "decommission"))
        else:
            info(LOG, "Worker decommissioning not enabled.")

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self):
        info(LOG, "Starting Spark worker %s:%d with %d cores, %s RAM"
             % (self.host, self.port, self.cores, c.megabytes_to_string(self.memory)))
        info(LOG, "Running Spark version %s" % c.spark_version())
        info(LOG, "Spark home: %s" % self.spark_home)
        try:
            os.makedirs(self.work_dir, exist_ok=True)
            if not os.path.isdir(self.work_dir):
                raise OSError()
        except OSError:
            error(LOG, "Failed to create work directory %s" % self.work_dir)
            c.shutdown(1)
        info("ResourceUtils", "=" * 62)
        info("ResourceUtils", "No custom resources configured for spark.worker.")
        info("ResourceUtils", "=" * 62)
        public = os.environ.get("SPARK_PUBLIC_DNS") or self.conf.get("spark.driver.host") or \
            os.environ.get("SPARK_LOCAL_HOSTNAME") or c.canonical_host_name(c.local_ip_address(LOG))
        self.webui = WorkerWebUI(self, public)
        self.webui.bind()
        self.webui_url = "http://%s:%d" % (self.public_address, self.webui.port)
        c.start_thread(self._accept_loop, "rpc-server")
        c.start_thread(self._heartbeat_loop, "heartbeat")
        self.register_with_master()

    def _accept_loop(self):
        while True:  # nothing talks to the worker's own RPC port in the stand-in
            try:
                sock, _ = self.rpc_socket.accept()
                sock.close()
            except OSError:
                time.sleep(0.1)

    def _heartbeat_loop(self):
        while True:
            time.sleep(self.heartbeat_s)
            with self.lock:
                conn = self.master_conn if self.connected else None
            if conn is not None:
                try:
                    conn.send({"type": "Heartbeat", "id": self.worker_id})
                except OSError:
                    pass

    # -- registration ---------------------------------------------------------------------------

    def register_with_master(self):
        with self.lock:
            if self.retrying:
                info(LOG, "Not spawning another attempt to register with the master, since "
                     "there is an attempt scheduled already.")
                return
            self.registered = False
            self.retrying = True
            self.registration_round += 1
            round_ = self.registration_round
        self._try_register_all_masters()
        c.start_thread(self._retry_loop, "worker-register-retry", round_)

    def _retry_loop(self, round_):
        attempts = 0
        interval = self.initial_interval
        while True:
            time.sleep(interval)
            with self.lock:
                if round_ != self.registration_round or not self.retrying:
                    return
                attempts += 1
                if self.registered:
                    self.retrying = False
                    return
            if attempts <= self.total_retries:
                info(LOG, "Retrying connection to master (attempt # %d)" % attempts)
                self._try_register_all_masters()
                if attempts == self.initial_retries:
                    interval = self.prolonged_interval
            else:
                error(LOG, "All masters are unresponsive! Giving up.")
                c.shutdown(1)

    def _try_register_all_masters(self):
        with self.lock:
            targets = [self.master_address] if self.master_address else self.master_addresses
        for address in targets:
            c.start_thread(self._try_register, "worker-register-master-threadpool", address)

    def _try_register(self, address):
        info(LOG, "Connecting to master %s:%d..." % address)
        try:
            conn = self._connection_to(address)
            conn.send({"type": "RegisterWorker", "id": self.worker_id, "host": self.host,
                       "port": self.port, "cores": self.cores, "memory": self.memory,
                       "webUiUrl": self.webui_url, "masterAddress": "%s:%d" % address})
        except JavaError as e:
            warn(LOG, "Failed to connect to master %s:%d" % address, _connect_failure(address, e))
        except OSError as e:
            warn(LOG, "Failed to connect to master %s:%d" % address, _connect_failure(
                address, JavaError("java.io.IOException", str(e))))

    def _connection_to(self, address):
        with self.lock:
            conn = self.conns.get(address)
        if conn is not None and not conn.closed:
            return conn
        host, port = address
        where = "/%s:%d" % (host, port)
        started = time.time()
        try:
            sock = socket.create_connection(address, timeout=self.connect_timeout)
        except socket.timeout:
            raise JavaError("java.io.IOException", "Failed to connect to %s" % where,
                            cause=JavaError("io.netty.channel.ConnectTimeoutException",
                                            "connection timed out: %s" % where))
        except OSError as e:
            reason = e.strerror or str(e)
            raise JavaError("java.io.IOException", "Failed to connect to %s" % where,
                            ["org.apache.spark.network.client.TransportClientFactory.createClient"
                             "(TransportClientFactory.java:294)"],
                            cause=JavaError("io.netty.channel.AbstractChannel$"
                                            "AnnotatedConnectException",
                                            "%s: %s" % (reason, where),
                                            cause=JavaError("java.net.ConnectException", reason)))
        conn = rpc.Connection(sock)
        boot = time.time()
        try:
            if self.auth:
                rpc.client_handshake(conn, c.auth_secret(self.conf))
        except rpc.RemoteFailure as e:
            conn.close()
            raise JavaError("java.lang.RuntimeException", e.text,
                            ["org.apache.spark.network.sasl.SaslClientBootstrap.doBootstrap"
                             "(SaslClientBootstrap.java:74)"])
        except (OSError, EOFError, rpc.FrameError):
            conn.close()
            raise JavaError("java.io.IOException", "Connection reset by peer")
        sock.settimeout(None)
        info("TransportClientFactory", "Successfully created connection to %s after %d ms (%d ms "
             "spent in bootstraps)" % (where, (time.time() - started) * 1000,
                                       (time.time() - boot) * 1000))
        with self.lock:
            self.conns[address] = conn
        c.start_thread(self._read_loop, "dispatcher-Worker", conn, address)
        return conn

    def _read_loop(self, conn, address):
        try:
            while True:
                self._handle(conn.recv(), conn, address)
        except (EOFError, OSError, rpc.FrameError):
            pass
        conn.close()
        with self.lock:
            if self.conns.get(address) is conn:
                del self.conns[address]
            active = conn is self.master_conn
        if active:
            info(LOG, "%s:%d Disassociated !" % address)
            self.master_disconnected()

    def _handle(self, msg, conn, address):
        kind = msg["type"]
        if kind == "RegisteredWorker":
            if msg.get("duplicate"):
                warn(LOG, "Duplicate registration at master %s" % msg["masterUrl"])
            info(LOG, "Successfully registered with master %s" % msg["masterUrl"])
            with self.lock:
                self.registered = True
                self.connected = True
                self.retrying = False
                self.master_conn = conn
                self.master_address = address
                self.active_master_url = msg["masterUrl"]
                self.active_master_webui_url = msg["masterWebUiUrl"]
            if self.reverse_proxy:
                info(LOG, "WorkerWebUI is available at %s/proxy/%s"
                     % (self.active_master_webui_url.rstrip("/"), self.worker_id))
        elif kind == "RegisterWorkerFailed":
            if not self.registered:
                error(LOG, "Worker registration failed: %s" % msg.get("message"))
                c.shutdown(1)
        elif kind == "ReconnectWorker":
            info(LOG, "Master with url %s requested this worker to reconnect." % msg.get("masterUrl"))
            self.register_with_master()
        elif kind == "DecommissionWorker":
            self.decommission_self()
        elif kind == "RpcFailure":
            warn(LOG, "Failed to send message to master", rpc.java_error_from_text(msg["error"]))

    def master_disconnected(self):
        error(LOG, "Connection to master failed! Waiting for master to reconnect...")
        with self.lock:
            self.connected = False
            self.master_conn = None
        self.register_with_master()

    # -- decommissioning ------------------------------------------------------------------------

    def on_decommission_signal(self):
        self.decommission_self()
        with self.lock:
            conn = self.master_conn if self.connected else None
        if conn is None:
            warn(LOG, "Dropping WorkerDecommissioning because the connection to master has not "
                 "yet been established")
            return
        try:
            conn.send({"type": "WorkerDecommissioning", "id": self.worker_id})
        except OSError:
            pass

    def decommission_self(self):
        with self.lock:
            if self.decommission_enabled and not self.decommissioned:
                self.decommissioned = True
                info(LOG, "Decommission worker %s." % self.worker_id)
            elif self.decommissioned:
                warn(LOG, "Worker %s already started decommissioning." % self.worker_id)
            else:
                warn(LOG, "Receive decommission request, but decommission feature is disabled.")

    def state_json(self):  # JsonProtocol.writeWorkerState
        with self.lock:
            return {"id": self.worker_id, "masterurl": self.active_master_url,
                    "masterwebuiurl": self.active_master_webui_url, "cores": self.cores,
                    "coresused": 0, "memory": self.memory, "memoryused": 0, "resources": {},
                    "resourcesused": {}, "executors": [], "finishedexecutors": []}


class WorkerWebUI(ui.WebUI):
    name = "WorkerUI"
    class_name = "WorkerWebUI"
    contexts = ("/json", "/logPage", "/log", "/static")

    def __init__(self, worker, public_host):
        super().__init__(worker.conf, worker.webui_port, public_host)
        self.worker = worker

    def route(self, req):
        if req.method not in ("GET", "HEAD"):
            return ui.method_not_allowed(req)
        if req.path.startswith("/json/"):
            return ui.json_page(self.worker.state_json())
        if req.path.startswith("/static/"):
            return ui.error_page(404, "Not Found", req.raw_path)
        return self.worker_page(req)

    def worker_page(self, req):
        w = self.worker
        s = w.state_json()
        base = ""
        if w.reverse_proxy and req.headers.get("X-Forwarded-Host"):
            base = "/proxy/" + w.worker_id
        summary = (
            "<div class=\"row\"><div class=\"col-12\"><ul class=\"list-unstyled\">"
            "<li><strong>ID:</strong> %s</li><li><strong>Master URL:</strong> %s</li>"
            "<li><strong>Cores:</strong> %d (%d Used)</li>"
            "<li><strong>Memory:</strong> %s (%s Used)</li>"
            "<li><strong>Resources:</strong> </li></ul>"
            "<p><a href=\"%s\">Back to Master</a></p></div></div>"
            % (html.escape(s["id"]), html.escape(s["masterurl"]), s["cores"], s["coresused"],
               c.megabytes_to_string(s["memory"]), c.megabytes_to_string(s["memoryused"]),
               html.escape(s["masterwebuiurl"], quote=True)))
        executors = ("<div class=\"row\"><div class=\"col-12\"><h4>Running Executors (0)</h4>%s"
                     "</div></div>" % ui.table(["ExecutorID", "State", "Cores", "Memory",
                                                "Resources", "Job Details", "Logs"], []))
        return ui.spark_page("Spark Worker at %s:%d" % (w.host, w.port), summary + executors,
                             base=base)


def main(argv, system_properties):
    c.set_process_name("java")
    c.init_daemon(LOG)
    try:
        conf = c.SparkConf(system_properties)
        args = WorkerArguments(argv, conf)
        conf.get_bool("spark.authenticate", False)
        c.log_security_manager(conf)
        sock, port = c.start_service_on_port(
            args.port, lambda p: (lambda s: (s, s.getsockname()[1]))(c.listen_tcp(args.host, p)),
            conf, "sparkWorker")
        worker = Worker(args, conf, sock, port)
        worker.start()
    except JavaError as e:
        c.die_uncaught(e)
    c.wait_forever()
