"""org.apache.spark.deploy.master.Master, as far as a provisioning tool can see it: arguments and
environment, the RPC port workers register on, worker states (ALIVE, DEAD at once when the
connection drops or after spark.worker.timeout without heartbeat, DECOMMISSIONED), the web UI
(/, /json/, /proxy/<id>/, /workers/kill/) and the REST server switch."""

import html
import http.client
import os
import re
import sys
import threading
import time
import urllib.parse

from . import common as c
from . import rpc, ui
from .common import JavaError, info, warn, error

LOG = "Master"


def now_ms():
    return int(time.time() * 1000)


def int_param(s):
    """IntParam: Integer.parseInt or no match."""
    if re.fullmatch(r"[+-]?\d+", s or "") and -2 ** 31 <= int(s) < 2 ** 31:
        return int(s)
    return None


def env_int(name):
    v = os.environ.get(name)
    if v is None:
        return None
    n = int_param(v)
    if n is None:
        raise JavaError("java.lang.NumberFormatException", 'For input string: "%s"' % v)
    return n


class MasterArguments:
    def __init__(self, argv, conf):
        self.host = c.local_host_name(LOG)  # evaluated before the arguments, as in Spark
        self.port = 7077
        self.webui_port = 8080
        self.properties_file = None
        if os.environ.get("SPARK_MASTER_IP"):
            warn(LOG, "SPARK_MASTER_IP is deprecated, please use SPARK_MASTER_HOST")
            self.host = os.environ["SPARK_MASTER_IP"]
        if os.environ.get("SPARK_MASTER_HOST"):
            self.host = os.environ["SPARK_MASTER_HOST"]
        if os.environ.get("SPARK_MASTER_PORT"):
            self.port = env_int("SPARK_MASTER_PORT")
        if os.environ.get("SPARK_MASTER_WEBUI_PORT"):
            self.webui_port = env_int("SPARK_MASTER_WEBUI_PORT")
        self._parse(list(argv))
        self.properties_file = conf.load_defaults(self.properties_file)
        if conf.contains("spark.master.ui.port"):
            self.webui_port = conf.get_int("spark.master.ui.port", self.webui_port)

    def _parse(self, args):
        while args:
            a = args[0]
            if a in ("--ip", "-i", "--host", "-h") and len(args) > 1:
                c.check_host(args[1])
                self.host = args[1]
            elif a in ("--port", "-p") and len(args) > 1 and int_param(args[1]) is not None:
                self.port = int_param(args[1])
            elif a == "--webui-port" and len(args) > 1 and int_param(args[1]) is not None:
                self.webui_port = int_param(args[1])
            elif a == "--properties-file" and len(args) > 1:
                self.properties_file = args[1]
            elif a == "--help":
                usage(0)
            else:
                usage(1)
            args = args[2:]


def usage(status):
    sys.stderr.write(
        "Usage: Master [options]\n\nOptions:\n"
        "  -i HOST, --ip HOST     Hostname to listen on (deprecated, please use --host or -h) \n"
        "  -h HOST, --host HOST   Hostname to listen on\n"
        "  -p PORT, --port PORT   Port to listen on (default: 7077)\n"
        "  --webui-port PORT      Port for web UI (default: 8080)\n"
        "  --properties-file FILE Path to a custom Spark properties file.\n"
        "                         Default is conf/spark-defaults.conf.\n")
    sys.stderr.flush()
    os._exit(status)


class WorkerInfo:
    def __init__(self, msg, conn):
        self.id = str(msg["id"])
        self.host = str(msg["host"])
        self.port = int(msg["port"])
        self.cores = int(msg["cores"])
        self.memory = int(msg["memory"])
        self.webui_address = str(msg["webUiUrl"])
        self.conn = conn
        self.state = "ALIVE"
        self.last_heartbeat = now_ms()
        self.cores_used = 0
        self.memory_used = 0

    @property
    def address(self):
        return (self.host, self.port)

    @property
    def host_port(self):
        return "%s:%d" % (self.host, self.port)

    def to_json(self):  # JsonProtocol.writeWorkerInfo
        return {"id": self.id, "host": self.host, "port": self.port,
                "webuiaddress": self.webui_address, "cores": self.cores,
                "coresused": self.cores_used, "coresfree": self.cores - self.cores_used,
                "memory": self.memory, "memoryused": self.memory_used,
                "memoryfree": self.memory - self.memory_used, "resources": {},
                "resourcesused": {}, "resourcesfree": {}, "state": self.state,
                "lastheartbeat": self.last_heartbeat}


class Master:
    def __init__(self, conf, host, port, rpc_socket, webui_port):
        self.conf = conf
        self.host, self.port = host, port
        self.rpc_socket = rpc_socket
        self.webui_port = webui_port
        self.master_url = "spark://%s:%d" % (host, port)
        self.worker_timeout_ms = conf.get_int("spark.worker.timeout", 60) * 1000
        self.reaper_iterations = conf.get_int("spark.dead.worker.persistence", 15)
        self.reverse_proxy = conf.get_bool("spark.ui.reverseProxy", False)
        self.proxy_base = ""
        self.auth = conf.get_bool("spark.authenticate", False)
        self.rest_enabled = conf.get_bool("spark.master.rest.enabled", c.version_at_least(4, 1))
        self.lock = threading.RLock()
        self.workers = []  # every worker still listed, DEAD ones included
        self.id_to_worker = {}
        self.address_to_worker = {}
        self.state = "STANDBY"
        self.rest_url = None
        if conf.get("spark.authenticate.secret") is not None and self.rest_enabled:
            raise JavaError(
                "java.lang.IllegalArgumentException",
                "requirement failed: The RestSubmissionServer does not support authentication "
                "via spark.authenticate.secret.  Either turn off the RestSubmissionServer with "
                "spark.master.rest.enabled=false, or do not use authentication.",
                ["scala.Predef$.require(Predef.scala:281)",
                 "org.apache.spark.deploy.master.Master.<init>(Master.scala:140)",
                 "org.apache.spark.deploy.master.Master$.startRpcEnvAndEndpoint(Master.scala:1347)",
                 "org.apache.spark.deploy.master.Master$.main(Master.scala:1328)",
                 "org.apache.spark.deploy.master.Master.main(Master.scala)"])

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self):
        info(LOG, "Starting Spark master at %s" % self.master_url)
        info(LOG, "Running Spark version %s" % c.spark_version())
        public = os.environ.get("SPARK_PUBLIC_DNS") or self.conf.get("spark.driver.host") or \
            os.environ.get("SPARK_LOCAL_HOSTNAME") or c.canonical_host_name(c.local_ip_address(LOG))
        self.webui = MasterWebUI(self, public)
        self.webui.bind()
        self.master_webui_url = self.webui.web_url
        if self.reverse_proxy:
            proxy_url = (self.conf.get("spark.ui.reverseProxyUrl") or "").rstrip("/")
            if proxy_url:
                self.proxy_base = urllib.parse.urlsplit(proxy_url).path.rstrip("/") \
                    if "://" in proxy_url else proxy_url
                self.master_webui_url = proxy_url + "/"
            info(LOG, "Spark Master is acting as a reverse proxy. Master, Workers and Applications "
                 "UIs are available at %s" % self.master_webui_url)
        c.start_thread(self._accept_loop, "dispatcher-event-loop")
        c.start_thread(self._timeout_loop, "master-forward-message-thread")
        if self.rest_enabled:
            self._start_rest_server()
        mode = self.conf.get("spark.deploy.recoveryMode", "NONE").upper()
        if mode == "ZOOKEEPER":
            info(LOG, "Persisting recovery state to ZooKeeper")
            info("ZooKeeperLeaderElectionAgent", "Starting ZooKeeper LeaderElection agent")
            warn("ZooKeeperLeaderElectionAgent", "The SparkDeck Spark stand-in has no ZooKeeper "
                 "client: this master stays STANDBY")
            return
        with self.lock:
            self.state = "ALIVE"
        info(LOG, "I have been elected leader! New state: ALIVE")

    def _start_rest_server(self):
        rest_port = self.conf.get_int("spark.master.rest.port", 6066)
        rest_host = self.conf.get("spark.master.rest.host") or self.host
        master = self

        class RestUI(ui.WebUI):
            name = ""
            class_name = "StandaloneRestServer"
            contexts = ()

            def bind(self):
                self.bind_host = c.resolve_first(rest_host)
                self.serve()

            def route(self, req):
                return master.rest_route(req)

        self.rest = RestUI(self.conf, rest_port, rest_host)
        self.rest.bind()
        self.rest_url = "spark://%s:%d" % (rest_host, self.rest.port)
        info("StandaloneRestServer", "Started REST server for submitting applications on %s "
             "with port %d" % (self.master_url, self.rest.port))

    def rest_route(self, req):
        version = c.spark_version()
        m = re.match(r"^/(v\d+)/submissions/(create|kill|status)(/.*)?$", req.path)
        if not m:
            body = {"action": "ErrorResponse", "message": "Missing protocol version. Please submit "
                    "requests through http://[host]:[port]/v1/submissions/...",
                    "serverSparkVersion": version}
            return ui.Response(400, c.pretty_json(body), "application/json;charset=utf-8")
        action = {"create": "CreateSubmissionResponse", "kill": "KillSubmissionResponse",
                  "status": "SubmissionStatusResponse"}[m.group(2)]
        body = {"action": action, "message": "The SparkDeck Spark stand-in cannot run drivers.",
                "serverSparkVersion": version, "success": False}
        return ui.Response(200, c.pretty_json(body), "application/json;charset=utf-8")

    # -- RPC ------------------------------------------------------------------------------------

    def _accept_loop(self):
        while True:
            try:
                sock, addr = self.rpc_socket.accept()
            except OSError:
                continue
            c.start_thread(self._serve_connection, "rpc-client", sock, addr)

    def _serve_connection(self, sock, addr):
        client = "%s:%d" % (addr[0], addr[1])
        conn = rpc.Connection(sock)
        associated = False
        worker_address = None
        try:
            if self.auth:
                failure = rpc.server_handshake(conn, c.auth_secret(self.conf))
                if failure is not None:
                    error("TransportRequestHandler", "Error while invoking RpcHandler#receive() "
                          "on RPC id %d" % (abs(hash((client, time.time()))) % 10 ** 18),
                          _server_error(failure))
                    return
            while True:
                msg = conn.recv()
                kind = msg["type"]
                if kind == "SaslMessage":  # an authenticating client, but no auth here
                    rpc._fail(conn, "java.io.StreamCorruptedException: invalid stream header: "
                                    "EA000000")
                    error("TransportRequestHandler", "Error while invoking RpcHandler#receive() "
                          "on RPC id %d" % (abs(hash(client)) % 10 ** 18),
                          JavaError("java.io.StreamCorruptedException",
                                    "invalid stream header: EA000000"))
                    return
                associated = True
                if kind == "RegisterWorker":
                    worker_address = (str(msg["host"]), int(msg["port"]))
                    self.handle_register_worker(msg, conn)
                elif kind == "Heartbeat":
                    self.handle_heartbeat(str(msg.get("id")), conn)
                elif kind == "WorkerDecommissioning":
                    self.handle_worker_decommissioning(str(msg.get("id")), conn)
        except rpc.FrameError as e:
            warn("TransportChannelHandler", "Exception in connection from /%s" % client, e.java())
        except (EOFError, OSError, ValueError, KeyError, TypeError):
            pass
        finally:
            conn.close()
            if associated:
                self.on_disconnected(client)
                if worker_address is not None:
                    self.on_disconnected("%s:%d" % worker_address, worker_address)

    def on_disconnected(self, address_text, worker_address=None):
        info(LOG, "%s got disassociated, removing it." % address_text)
        with self.lock:
            w = self.address_to_worker.get(worker_address) if worker_address else None
            if w is not None:
                self.remove_worker(w, "%s got disassociated" % address_text)

    def handle_register_worker(self, msg, conn):
        w = WorkerInfo(msg, conn)
        info(LOG, "Registering worker %s:%d with %d cores, %s RAM"
             % (w.host, w.port, w.cores, c.megabytes_to_string(w.memory)))
        with self.lock:
            if self.state == "STANDBY":
                conn.send({"type": "MasterInStandby"})
                return
            if w.id in self.id_to_worker:
                old = self.id_to_worker[w.id]
                if old.state == "UNKNOWN":
                    info(LOG, "Worker has been re-registered: " + w.id)
                    old.state = "ALIVE"
                conn.send(self._registered(True))
                return
            if self.register_worker(w):
                conn.send(self._registered(False))
            else:
                warn(LOG, "Worker registration failed. Attempted to re-register worker at same "
                     "address: %s" % w.host_port)
                conn.send({"type": "RegisterWorkerFailed",
                           "message": "Attempted to re-register worker at same address: %s"
                           % w.host_port})

    def _registered(self, duplicate):
        return {"type": "RegisteredWorker", "masterUrl": self.master_url,
                "masterWebUiUrl": self.master_webui_url, "duplicate": duplicate}

    def register_worker(self, w):
        # Dead workers on the same host:port are replaced by the new one.
        self.workers = [o for o in self.workers
                        if not (o.address == w.address and o.state == "DEAD")]
        old = self.address_to_worker.get(w.address)
        if old is not None:
            if old.state == "UNKNOWN":
                self.remove_worker(old, "Worker replaced by a new worker with same address")
            else:
                info(LOG, "Attempted to re-register worker at same address: %s" % w.host_port)
                return False
        self.workers.append(w)
        self.id_to_worker[w.id] = w
        self.address_to_worker[w.address] = w
        return True

    def handle_heartbeat(self, worker_id, conn):
        with self.lock:
            w = self.id_to_worker.get(worker_id)
            if w is not None:
                w.last_heartbeat = now_ms()
            elif any(o.id == worker_id for o in self.workers):
                warn(LOG, "Got heartbeat from unregistered worker %s. Asking it to re-register."
                     % worker_id)
                conn.send({"type": "ReconnectWorker", "masterUrl": self.master_url})
            else:
                warn(LOG, "Got heartbeat from unregistered worker %s. This worker was never "
                     "registered, so ignoring the heartbeat." % worker_id)

    def handle_worker_decommissioning(self, worker_id, conn):
        with self.lock:
            if self.state == "STANDBY":
                conn.send({"type": "MasterInStandby"})
                return
            w = self.id_to_worker.get(worker_id)
            if w is not None:
                self.decommission_worker(w)

    def decommission_worker(self, w):
        if w.state != "DECOMMISSIONED":
            info(LOG, "Decommissioning worker %s on %s:%d" % (w.id, w.host, w.port))
            w.state = "DECOMMISSIONED"
        else:
            warn(LOG, "Skipping decommissioning worker %s on %s:%d as worker is already "
                 "decommissioned" % (w.id, w.host, w.port))

    def decommission_workers_on_hosts(self, hostnames):
        wanted = {h.lower() for h in hostnames}
        with self.lock:
            if self.state == "STANDBY":
                return 0
            chosen = [w for addr, w in self.address_to_worker.items() if addr[0].lower() in wanted]
            info(LOG, "Decommissioning the workers with host:ports List(%s)"
                 % ", ".join(w.host_port for w in chosen))
            for w in chosen:
                self.decommission_worker(w)
                try:
                    w.conn.send({"type": "DecommissionWorker"})
                except OSError:
                    pass
            return len(chosen)

    def remove_worker(self, w, message):
        info(LOG, "Removing worker %s on %s:%d" % (w.id, w.host, w.port))
        w.state = "DEAD"
        self.id_to_worker.pop(w.id, None)
        if self.address_to_worker.get(w.address) is w:
            del self.address_to_worker[w.address]
        info(LOG, "Telling app of lost worker: " + w.id)

    def _timeout_loop(self):
        while True:
            self.time_out_dead_workers()
            time.sleep(self.worker_timeout_ms / 1000.0)

    def time_out_dead_workers(self):
        now = now_ms()
        with self.lock:
            for w in [w for w in self.workers if w.last_heartbeat < now - self.worker_timeout_ms]:
                if w.state != "DEAD":
                    secs = self.worker_timeout_ms // 1000
                    warn(LOG, "Removing %s because we got no heartbeat in %d seconds" % (w.id, secs))
                    self.remove_worker(w, "Not receiving heartbeat for %d seconds" % secs)
                elif w.last_heartbeat < now - (self.reaper_iterations + 1) * self.worker_timeout_ms:
                    self.workers.remove(w)

    # -- state for the UI -----------------------------------------------------------------------

    def state_json(self):  # JsonProtocol.writeMasterState
        with self.lock:
            workers = list(self.workers)
            status = self.state
        alive = [w for w in workers if w.state == "ALIVE"]
        return {"url": self.master_url, "workers": [w.to_json() for w in workers],
                "aliveworkers": len(alive), "cores": sum(w.cores for w in alive),
                "coresused": sum(w.cores_used for w in alive),
                "memory": sum(w.memory for w in alive),
                "memoryused": sum(w.memory_used for w in alive),
                "resources": [{} for _ in alive], "resourcesused": [{} for _ in alive],
                "activeapps": [], "completedapps": [], "activedrivers": [],
                "completeddrivers": [], "status": status}

    def worker_ui_address(self, worker_id):
        with self.lock:
            for w in self.workers:
                if w.id == worker_id:
                    return w.webui_address
        return None


def _server_error(text):
    cls, _, message = text.partition(": ")
    return JavaError(cls, message, ["org.apache.spark.network.sasl.SparkSaslServer.response"
                                    "(SparkSaslServer.java:121)",
                                    "org.apache.spark.network.sasl.SaslRpcHandler.doAuthChallenge"
                                    "(SaslRpcHandler.java:94)"])


_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
               "trailer", "transfer-encoding", "upgrade", "content-length"}


class MasterWebUI(ui.WebUI):
    name = "MasterUI"
    class_name = "MasterWebUI"

    def __init__(self, master, public_host):
        super().__init__(master.conf, master.webui_port, public_host)
        self.master = master
        self.decommission_mode = master.conf.get("spark.master.ui.decommission.allow.mode",
                                                 "LOCAL").upper()
        self.contexts = ("/json", "/app", "/static", "/workers/kill", "/environment") + \
            (("/proxy",) if master.reverse_proxy else ())

    def route(self, req):
        path, m = req.path, req.method
        if path.startswith("/workers/kill/"):
            return self.kill_workers(req) if m == "POST" else ui.method_not_allowed(req)
        if self.master.reverse_proxy and path.startswith("/proxy/"):
            return self.proxy(req)
        if m not in ("GET", "HEAD"):
            return ui.method_not_allowed(req)
        if path.startswith("/json/"):
            return ui.json_page(self.master.state_json())
        if path.startswith("/static/"):
            return ui.error_page(404, "Not Found", req.raw_path)
        if path.startswith("/app/"):
            app_id = (req.params.get("appId") or [""])[0]
            return ui.spark_page("Not Found", "<div class=\"row\">No running application with ID "
                                 "%s</div>" % html.escape(app_id), base=self.master.proxy_base)
        return self.master_page()

    def kill_workers(self, req):
        allowed = {"ALLOW": True, "LOCAL": c.is_local_address(req.remote_addr)}.get(
            self.decommission_mode, False)
        if not allowed:
            return ui.error_page(405, "Method Not Allowed", req.raw_path)
        hosts = req.params.get("host", [])
        removed = self.master.decommission_workers_on_hosts(hosts)
        info(self.class_name, "Decommissioning of hosts WrappedArray(%s) decommissioned %d workers"
             % (", ".join(hosts), removed))
        if removed > 0:
            return ui.Response(200, b"")
        return ui.error_page(404, "Not Found", req.raw_path)

    def proxy(self, req):
        rest = req.raw_path[len("/proxy/"):]
        target_id, _, sub = rest.partition("/")
        target_id = urllib.parse.unquote(target_id)
        address = self.master.worker_ui_address(target_id)
        if address is None:
            return ui.error_page(403, "Forbidden", req.raw_path)
        target = urllib.parse.urlsplit(address)
        path = "/" + sub + ("?" + req.query if req.query else "")
        headers = {k: v for k, v in req.headers.items()
                   if k.lower() not in _HOP_BY_HOP and k.lower() != "host"}
        headers["X-Forwarded-For"] = req.remote_addr
        headers["X-Forwarded-Host"] = req.host_header()
        try:
            conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=30)
            conn.request(req.method, path, body=req.body or None, headers=headers)
            r = conn.getresponse()
            body = r.read()
            conn.close()
        except (OSError, http.client.HTTPException):
            return ui.error_page(502, "Bad Gateway", req.raw_path)
        out = []
        base = "%s://%s" % (target.scheme, target.netloc)
        for k, v in r.getheaders():
            if k.lower() in _HOP_BY_HOP or k.lower() == "date":
                continue
            if k.lower() == "location" and v.startswith(base):
                v = "http://%s/proxy/%s%s" % (req.host_header(), target_id, v[len(base):])
            out.append((k, v))
        return ui.Response(r.status, body, None, headers=out)

    def master_page(self):
        s = self.master.state_json()
        alive = [w for w in s["workers"] if w["state"] == "ALIVE"]
        rest = ("<li><strong>REST URL:</strong> %s<span class=\"rest-uri\"> (cluster mode)</span>"
                "</li>" % self.master.rest_url) if self.master.rest_url else ""
        summary = (
            "<div class=\"row\"><div class=\"col-12\"><ul class=\"list-unstyled\">"
            "<li><strong>URL:</strong> %s</li>%s"
            "<li><strong>Alive Workers:</strong> %d</li>"
            "<li><strong>Cores in use:</strong> %d Total, %d Used</li>"
            "<li><strong>Memory in use:</strong> %s Total, %s Used</li>"
            "<li><strong>Resources in use:</strong> </li>"
            "<li><strong>Applications:</strong> 0 <a href=\"#running-app\">Running</a>, "
            "0 <a href=\"#completed-app\">Completed</a> </li>"
            "<li><strong>Drivers:</strong> 0 Running (0 Waiting), 0 Completed (0 Killed, 0 Failed, "
            "0 Error)</li>"
            "<li><strong>Status:</strong> %s</li></ul></div></div>"
            % (html.escape(s["url"]), rest, len(alive), s["cores"], s["coresused"],
               c.megabytes_to_string(s["memory"]), c.megabytes_to_string(s["memoryused"]),
               s["status"]))
        rows = []
        for w in s["workers"]:
            wid = html.escape(w["id"])
            if w["state"] == "ALIVE":
                href = (self.master.proxy_base + "/proxy/" + w["id"]) if self.master.reverse_proxy \
                    else w["webuiaddress"]
                wid = "<a href=\"%s\">%s</a>" % (html.escape(href, quote=True), wid)
            rows.append([wid, "%s:%d" % (html.escape(w["host"]), w["port"]), w["state"],
                         "%d (%d Used)" % (w["cores"], w["coresused"]),
                         "%s (%s Used)" % (c.megabytes_to_string(w["memory"]),
                                           c.megabytes_to_string(w["memoryused"])), ""])
        workers = ("<div class=\"row\"><div class=\"col-12\"><span class=\"collapse-aggregated-"
                   "workers collapse-table\"><h4>Workers (%d)</h4></span><div class=\"aggregated-"
                   "workers collapsible-table\">%s</div></div></div>"
                   % (len(s["workers"]), ui.table(["Worker Id", "Address", "State", "Cores",
                                                    "Memory", "Resources"], rows)))
        apps = ""
        for anchor, title in (("running-app", "Running Applications"),
                              ("completed-app", "Completed Applications")):
            apps += ("<div class=\"row\"><div class=\"col-12\"><span id=\"%s\" class=\"collapse-"
                     "aggregated-activeApps collapse-table\"><h4>%s (0)</h4></span>%s</div></div>"
                     % (anchor, title, ui.table(["Application ID", "Name", "Cores",
                                                 "Memory per Executor", "Resources Per Executor",
                                                 "Submitted Time", "User", "State", "Duration"],
                                                [])))
        return ui.spark_page("Spark Master at %s" % s["url"], summary + workers + apps,
                             base=self.master.proxy_base)


def main(argv, system_properties):
    c.set_process_name("java")
    c.init_daemon(LOG)
    try:
        conf = c.SparkConf(system_properties)
        args = MasterArguments(argv, conf)
        conf.get_bool("spark.authenticate", False)
        c.log_security_manager(conf)
        sock, port = c.start_service_on_port(
            args.port, lambda p: (lambda s: (s, s.getsockname()[1]))(c.listen_tcp(args.host, p)),
            conf, "sparkMaster")
        master = Master(conf, args.host, port, sock, args.webui_port)
        master.start()
    except JavaError as e:
        c.die_uncaught(e)
    c.wait_forever()
