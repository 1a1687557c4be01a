"""What the stand-in's master and worker share: configuration (SparkConf), log4j-style logging,
Java-style errors, Jackson-style JSON, sizes, host names, port binding and the daemon lifecycle.

Each piece copies what Apache Spark 3.5 does where a provisioning tool can see it (log lines,
exit codes, defaults, units); nothing here knows about SparkDeck.
"""

import ctypes
import decimal
import fcntl
import json
import os
import re
import shlex
import signal
import socket
import struct
import sys
import threading
import time

SPARK_HOME = os.environ.get("SPARK_HOME") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def spark_version():
    """The version in RELEASE's first line ("Spark 3.5.8 built for Hadoop 3.3.4")."""
    try:
        with open(os.path.join(SPARK_HOME, "RELEASE"), encoding="utf-8") as f:
            m = re.match(r"Spark (\S+) built", f.readline())
            if m:
                return m.group(1)
    except OSError:
        pass
    return "3.5.8"


def version_at_least(major, minor):
    nums = [int(x) for x in re.findall(r"\d+", spark_version())[:2]] + [0, 0]
    return (nums[0], nums[1]) >= (major, minor)


# ---------------------------------------------------------------------------------------------
# Logging: Spark's default log4j2 profile, "%d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex" on stderr.

_log_lock = threading.Lock()


def log(level, logger, message, exc=None):
    line = "%s %s %s: %s\n" % (time.strftime("%y/%m/%d %H:%M:%S"), level, logger, message)
    if exc is not None:
        line += exc.render()
    with _log_lock:
        sys.stderr.write(line)
        sys.stderr.flush()


def info(logger, message, exc=None):
    log("INFO", logger, message, exc)


def warn(logger, message, exc=None):
    log("WARN", logger, message, exc)


def error(logger, message, exc=None):
    log("ERROR", logger, message, exc)


class JavaError(Exception):
    """An error shown the way a JVM shows it: class, message, frames, "Caused by:" chain."""

    def __init__(self, cls, message, frames=(), cause=None):
        super().__init__(message)
        self.cls, self.message, self.frames, self.cause = cls, message, list(frames), cause

    def headline(self):
        return "%s: %s" % (self.cls, self.message) if self.message is not None else self.cls

    def render(self, caused=False):
        out = ("Caused by: " if caused else "") + self.headline() + "\n"
        out += "".join("\tat %s\n" % f for f in self.frames)
        if self.cause is not None:
            out += self.cause.render(caused=True)
        return out


def die_uncaught(err):
    """A JVM whose main thread throws: Spark's handler logs it, the JVM exits with status 1."""
    error("SparkUncaughtExceptionHandler", "Uncaught exception in thread Thread[main,5,main]", err)
    os._exit(1)


# ---------------------------------------------------------------------------------------------
# Configuration.

def parse_java_properties(text):
    """java.util.Properties.load: comments (#, !), key=value / key:value / key value,
    backslash line continuations and escapes."""
    props = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].lstrip(" \t\f")
        i += 1
        if not line or line[0] in "#!":
            continue
        while (len(line) - len(line.rstrip("\\"))) % 2 == 1:
            line = line[:-1]
            if i >= len(lines):
                break
            line += lines[i].lstrip(" \t\f")
            i += 1
        key, j, escaped = [], 0, False
        while j < len(line):
            c = line[j]
            if escaped:
                key.append("\\" + c)
                escaped = False
            elif c == "\\":
                escaped = True
            elif c in "=: \t\f":
                break
            else:
                key.append(c)
            j += 1
        rest = line[j:].lstrip(" \t\f")
        if rest[:1] in ("=", ":"):
            rest = rest[1:].lstrip(" \t\f")
        props[_unescape("".join(key))] = _unescape(rest)
    return props


def _unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            if n == "u" and re.match(r"[0-9a-fA-F]{4}", s[i + 2:i + 6]):
                out.append(chr(int(s[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append({"t": "\t", "n": "\n", "r": "\r", "f": "\f"}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _trim_except_crlf(s):
    """Spark trims property values of whitespace and control characters, but keeps CR and LF."""
    def trimmable(c):
        return c <= " " and c not in "\r\n"
    a, b = 0, len(s)
    while a < b and trimmable(s[a]):
        a += 1
    while b > a and trimmable(s[b - 1]):
        b -= 1
    return s[a:b]


class SparkConf:
    """spark.* settings: JVM system properties (-D in the daemon's java options) first, then
    spark-defaults.conf for the keys still missing, as Utils.loadDefaultSparkProperties does."""

    def __init__(self, system_properties):
        self.settings = {k: v for k, v in system_properties.items() if k.startswith("spark.")}

    def load_defaults(self, properties_file):
        path = properties_file
        if path is None:
            conf_dir = os.environ.get("SPARK_CONF_DIR") or os.path.join(
                os.environ.get("SPARK_HOME", SPARK_HOME), "conf")
            candidate = os.path.join(conf_dir, "spark-defaults.conf")
            path = candidate if os.path.isfile(candidate) else None
        if path is None:
            return None
        if not os.path.exists(path):
            raise JavaError("java.lang.IllegalArgumentException",
                            "requirement failed: Properties file %s does not exist" % path)
        if not os.path.isfile(path):
            raise JavaError("java.lang.IllegalArgumentException",
                            "requirement failed: Properties file %s is not a normal file" % path)
        try:
            with open(path, encoding="utf-8") as f:
                props = parse_java_properties(f.read())
        except OSError as e:
            raise JavaError("org.apache.spark.SparkException",
                            "Failed when loading Spark properties from %s" % path,
                            cause=JavaError("java.io.FileNotFoundException",
                                            "%s (%s)" % (path, e.strerror)))
        for k, v in props.items():
            if k.startswith("spark.") and k not in self.settings:
                self.settings[k] = _trim_except_crlf(v)
        return path

    def contains(self, key):
        return key in self.settings

    def get(self, key, default=None):
        return self.settings.get(key, default)

    def get_bool(self, key, default):
        v = self.settings.get(key)
        if v is None:
            return default
        if v.strip().lower() in ("true", "false"):
            return v.strip().lower() == "true"
        raise JavaError("java.lang.IllegalArgumentException",
                        "%s should be boolean, but was %s" % (key, v))

    def get_int(self, key, default):
        v = self.settings.get(key)
        if v is None:
            return default
        try:
            return int(v.strip())
        except ValueError:
            raise JavaError("java.lang.NumberFormatException",
                            "%s should be int, but was %s" % (key, v))

    def get_time_seconds(self, key, default):
        """timeConf in seconds: "120s", "2m", "500ms"; a bare number is seconds."""
        v = self.settings.get(key, default)
        m = re.fullmatch(r"\s*(-?\d+)\s*(us|ms|s|m|min|h|d)?\s*", str(v).lower())
        if not m:
            raise JavaError("java.lang.NumberFormatException",
                            "Time must be specified as seconds (s), milliseconds (ms), "
                            "microseconds (us), minutes (m or min), hour (h), or day (d). "
                            "E.g. 50s, 100ms, or 250us.\nFailed to parse time string: %s" % v)
        scale = {"us": 1e-6, "ms": 1e-3, "s": 1, None: 1, "m": 60, "min": 60, "h": 3600,
                 "d": 86400}[m.group(2)]
        return int(m.group(1)) * scale


def auth_secret(conf):
    """SecurityManager.getSecretKey for standalone daemons: the _SPARK_AUTH_SECRET variable, then
    spark.authenticate.secret. (spark.authenticate.secret.file only works on Kubernetes.)"""
    return os.environ.get("_SPARK_AUTH_SECRET") or conf.get("spark.authenticate.secret")


def log_security_manager(conf):
    user = os.environ.get("SPARK_USER") or os.environ.get("USER") or _user_name()
    for what in ("view acls", "modify acls"):
        info("SecurityManager", "Changing %s to: %s" % (what, user))
    for what in ("view acls groups", "modify acls groups"):
        info("SecurityManager", "Changing %s to: " % what)
    auth = "enabled" if conf.get_bool("spark.authenticate", False) else "disabled"
    info("SecurityManager", "SecurityManager: authentication %s; ui acls disabled; users with "
         "view permissions: %s; groups with view permissions: EMPTY; users with modify "
         "permissions: %s; groups with modify permissions: EMPTY" % (auth, user, user))


def _user_name():
    try:
        import pwd
        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        return str(os.getuid())


# ---------------------------------------------------------------------------------------------
# Sizes.

_BYTE_SUFFIXES = {"b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20, "mb": 1 << 20,
                  "g": 1 << 30, "gb": 1 << 30, "t": 1 << 40, "tb": 1 << 40, "p": 1 << 50,
                  "pb": 1 << 50}


def byte_string_as_bytes(s):
    """JavaUtils.byteStringAsBytes: "512m", "2g", "1024" (bytes: no suffix means bytes)."""
    lower = s.lower().strip()
    try:
        m = re.fullmatch(r"([0-9]+)([a-z]+)?", lower)
        if m:
            if m.group(2) and m.group(2) not in _BYTE_SUFFIXES:
                raise ValueError('Invalid suffix: "%s"' % m.group(2))
            return int(m.group(1)) * _BYTE_SUFFIXES.get(m.group(2) or "b")
        frac = re.fullmatch(r"([0-9]+\.[0-9]+)([a-z]+)?", lower)
        if frac:
            raise ValueError("Fractional values are not supported. Input was: " + frac.group(1))
        raise ValueError("Failed to parse byte string: " + s)
    except ValueError as e:
        raise JavaError("java.lang.NumberFormatException",
                        "Size must be specified as bytes (b), kibibytes (k), mebibytes (m), "
                        "gibibytes (g), tebibytes (t), or pebibytes(p). E.g. 50b, 100k, or 250m."
                        "\n" + str(e))


def memory_string_to_mb(s):
    return byte_string_as_bytes(s) // 1024 // 1024


def bytes_to_string(size):
    """Utils.bytesToString: "7.0 GiB", "512.0 MiB" (one decimal, rounded half up)."""
    units = [(1 << 60, "EiB"), (1 << 50, "PiB"), (1 << 40, "TiB"), (1 << 30, "GiB"),
             (1 << 20, "MiB"), (1 << 10, "KiB")]
    value, unit = decimal.Decimal(size), "B"
    for scale, name in units:
        if size >= 2 * scale:
            value, unit = decimal.Decimal(size) / decimal.Decimal(scale), name
            break
    return "%s %s" % (value.quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP),
                      unit)


def megabytes_to_string(mb):
    return bytes_to_string(mb * 1024 * 1024)


# ---------------------------------------------------------------------------------------------
# JSON as Spark's json4s/Jackson pretty printer writes it: 2-space indent, "key" : value,
# arrays inline ("[ {", "}, {", "} ]"), empty containers as "{ }" and "[ ]".

def pretty_json(value, level=0):
    if isinstance(value, dict):
        if not value:
            return "{ }"
        pad = "  " * (level + 1)
        items = ["%s%s : %s" % (pad, json.dumps(k, ensure_ascii=False), pretty_json(v, level + 1))
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * level + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[ ]"
        return "[ " + ", ".join(pretty_json(v, level) for v in value) + " ]"
    return json.dumps(value, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# Host names and addresses (Utils.localHostName / findLocalInetAddress).

def resolve_first(name):
    infos = socket.getaddrinfo(name, None, 0, socket.SOCK_STREAM)
    v4 = [i[4][0] for i in infos if i[0] == socket.AF_INET]
    return v4[0] if v4 else infos[0][4][0]


def _unknown_host(name, e, frames):
    return JavaError("java.net.UnknownHostException", "%s: %s" % (name, e.strerror), frames)


def interface_addresses():
    """(interface, IPv4 address) of every interface that has one, in index order."""
    result = []
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        for _, name in socket.if_nameindex():
            try:
                data = fcntl.ioctl(s.fileno(), 0x8915,  # SIOCGIFADDR
                                   struct.pack("256s", name.encode()[:15]))
                result.append((name, socket.inet_ntoa(data[20:24])))
            except OSError:
                pass
    finally:
        s.close()
    return result


_local_ip = None


def local_ip_address(logger):
    """The address a daemon calls its own: SPARK_LOCAL_IP, else the address the host name
    resolves to (UnknownHostException when it does not resolve); a loopback answer is replaced
    by the address of a network interface, with Spark's warning."""
    global _local_ip
    if _local_ip is not None:
        return _local_ip
    override = os.environ.get("SPARK_LOCAL_IP")
    if override:
        try:
            _local_ip = resolve_first(override)
        except socket.gaierror as e:
            raise JavaError("java.net.UnknownHostException", "%s: %s" % (override, e.strerror),
                            ["java.base/java.net.InetAddress.getByName(InetAddress.java:1306)",
                             "org.apache.spark.util.Utils$.findLocalInetAddress(Utils.scala:1039)"])
        return _local_ip
    name = socket.gethostname()
    try:
        address = resolve_first(name)
    except socket.gaierror as e:
        raise JavaError(
            "java.net.UnknownHostException", "%s: %s: %s" % (name, name, e.strerror),
            ["java.base/java.net.InetAddress.getLocalHost(InetAddress.java:1670)",
             "org.apache.spark.util.Utils$.findLocalInetAddress(Utils.scala:1041)",
             "org.apache.spark.util.Utils$.localIpAddress$lzycompute(Utils.scala:1029)",
             "org.apache.spark.util.Utils$.localIpAddress(Utils.scala:1029)",
             "org.apache.spark.util.Utils$.localHostName(Utils.scala:1099)"],
            cause=JavaError("java.net.UnknownHostException", "%s: %s" % (name, e.strerror),
                            ["java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)"]))
    if address.startswith("127.") or address == "::1":
        for ifname, ip in reversed(interface_addresses()):
            if not ip.startswith("127.") and not ip.startswith("169.254."):
                warn("Utils", "Your hostname, %s, resolves to a loopback address: %s; using %s "
                     "instead (on interface %s)" % (name, address, ip, ifname))
                warn("Utils", "Set SPARK_LOCAL_IP if you need to bind to another address")
                _local_ip = ip
                return ip
        warn("Utils", "Your hostname, %s, resolves to a loopback address: %s, but we couldn't "
             "find any external IP address!" % (name, address))
        warn("Utils", "Set SPARK_LOCAL_IP if you need to bind to another address")
    _local_ip = address
    return address


def local_host_name(logger):
    """Utils.localHostName: SPARK_LOCAL_HOSTNAME, else the local IP address."""
    return os.environ.get("SPARK_LOCAL_HOSTNAME") or local_ip_address(logger)


def canonical_host_name(ip):
    """InetAddress.getCanonicalHostName: the reverse-lookup name if it maps back, else the IP."""
    try:
        name = socket.gethostbyaddr(ip)[0]
        if ip in [i[4][0] for i in socket.getaddrinfo(name, None)]:
            return name
    except OSError:
        pass
    return ip


def is_local_address(address):
    if address in ("127.0.0.1", "::1", "0.0.0.0", "::") or address.startswith("127."):
        return True
    if address.startswith("::ffff:"):
        return is_local_address(address[7:])
    return address in [ip for _, ip in interface_addresses()]


def check_host(host):
    if host is None or ":" in host:
        raise JavaError("java.lang.AssertionError",
                        "assertion failed: Expected hostname or IP but got %s" % host)


# ---------------------------------------------------------------------------------------------
# Ports (Utils.startServiceOnPort: try port, port+1, ... up to spark.port.maxRetries).

def start_service_on_port(start_port, bind, conf, name):
    """bind(port) -> (result, bound_port), raising OSError when the port is taken."""
    max_retries = conf.get_int("spark.port.maxRetries", 16)
    service = " '%s'" % name if name else ""
    for offset in range(max_retries + 1):
        port = start_port if start_port == 0 else (start_port + offset - 1024) % (65536 - 1024) + 1024
        try:
            result, bound = bind(port)
            info("Utils", "Successfully started service%s on port %d." % (service, bound))
            return result, bound
        except OSError as e:
            reason = e.strerror or str(e)
            if offset >= max_retries:
                if start_port == 0:
                    msg = ("%s: Service%s failed after %d retries (on a random free port)! "
                           "Consider explicitly setting the appropriate binding address for the "
                           "service%s (for example spark.driver.bindAddress for SparkDriver) to "
                           "the correct binding address." % (reason, service, max_retries, service))
                else:
                    msg = ("%s: Service%s failed after %d retries (starting from %d)! Consider "
                           "explicitly setting the appropriate port for the service%s (for "
                           "example spark.ui.port for SparkUI) to an available port or "
                           "increasing spark.port.maxRetries." % (reason, service, max_retries,
                                                                  start_port, service))
                raise JavaError("java.net.BindException", msg)
            if start_port == 0:
                warn("Utils", "Service%s could not bind on a random free port. You may check "
                     "whether configuring an appropriate binding address." % service)
            else:
                warn("Utils", "Service%s could not bind on port %d. Attempting port %d."
                     % (service, port, port + 1))


def listen_tcp(host, port):
    """A listening TCP socket on host:port (host may be a name); SO_REUSEADDR as Netty/Jetty."""
    try:
        address = resolve_first(host)
    except socket.gaierror as e:
        raise OSError(0, "Cannot assign requested address (%s: %s)" % (host, e.strerror))
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    s = socket.socket(family, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind((address, port))
        s.listen(128)
    except OSError:
        s.close()
        raise
    return s


# ---------------------------------------------------------------------------------------------
# The daemon process.

def set_process_name(name):
    """Name the process like the JVM it stands in for, so that `ps -o comm=` says "java":
    spark-daemon.sh recognises its daemons by that name."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(15, ctypes.c_char_p(name.encode()), 0, 0, 0)  # PR_SET_NAME
    except (OSError, AttributeError):
        pass


_SIGNALS = {"TERM": signal.SIGTERM, "HUP": signal.SIGHUP, "INT": signal.SIGINT}


def init_daemon(logger):
    """Utils.initDaemon: announce the process and log TERM/HUP/INT before the JVM exits on them
    (with 128 + signal, after the shutdown hooks). Signals the daemon was started with ignored
    (nohup: HUP; a background job of a script: INT) stay ignored, as in a JVM."""
    info(logger, "Started daemon with process name: %d@%s" % (os.getpid(), socket.gethostname()))
    for name, signum in _SIGNALS.items():
        info("SignalUtils", "Registering signal handler for %s" % name)
        if signal.getsignal(signum) == signal.SIG_IGN:
            continue

        def handler(num, frame, name=name, logger=logger):
            error(logger, "RECEIVED SIGNAL %s" % name)
            shutdown(128 + num)
        signal.signal(signum, handler)


_shutdown_hooks = []


def add_shutdown_hook(fn):
    _shutdown_hooks.append(fn)


def shutdown(status):
    for fn in _shutdown_hooks:
        try:
            fn()
        except Exception:
            pass
    info("ShutdownHookManager", "Shutdown hook called")
    os._exit(status)


def wait_forever():
    while True:
        time.sleep(3600)


def start_thread(target, name, *args):
    t = threading.Thread(target=target, name=name, args=args, daemon=True)
    t.start()
    return t


def java_options(names):
    """The JVM options of SPARK_DAEMON_JAVA_OPTS etc., split like the launcher splits them."""
    opts = []
    for n in names:
        v = os.environ.get(n)
        if v:
            try:
                opts += shlex.split(v)
            except ValueError as e:
                raise JavaError("java.lang.IllegalArgumentException",
                                "Invalid option string: %s (%s)" % (v, e))
    return opts
