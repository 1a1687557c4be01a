#include "sparkscripts.h"

#include "render/sparkconfig.h"
#include "ssh/shellcommand.h"
#include "util/networkaddress.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace SparkDeck {

namespace {

constexpr char kMasterClass[] = "org.apache.spark.deploy.master.Master";
constexpr char kWorkerClass[] = "org.apache.spark.deploy.worker.Worker";

QString sh(const QString &program, const QStringList &arguments)
{
    return ShellCommand(program, arguments).toString();
}

/// `printf '%s  %s\n' SUM PATH | sha512sum -c --status`: exit 0 when PATH has that checksum.
QString checksumMatches(const char *tool, const QString &sum, const QString &path)
{
    return sh(QStringLiteral("printf"), {QStringLiteral("%s  %s\\n"), sum, path})
           + QStringLiteral(" | ") + QString::fromLatin1(tool) + QStringLiteral(" -c --status >/dev/null 2>&1");
}

/// Fetches URL to PATH with whichever of curl, wget or python3 the host has.
QString fetch(const QString &url, const QString &path, bool httpsOnly)
{
    const QString curl = sh(QStringLiteral("curl"), httpsOnly ? QStringList{QStringLiteral("-fsSL"), QStringLiteral("--proto"), QStringLiteral("=https"), QStringLiteral("--retry"), QStringLiteral("3"), QStringLiteral("-o"), path, url}
                                                              : QStringList{QStringLiteral("-fsS"), QStringLiteral("--retry"), QStringLiteral("3"), QStringLiteral("-o"), path, url});
    const QString wget = sh(QStringLiteral("wget"), {QStringLiteral("-q"), QStringLiteral("-O"), path, url});
    const QString python = sh(QStringLiteral("python3"), {QStringLiteral("-c"),
                                                          QStringLiteral("import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])"),
                                                          url, path});
    return QStringLiteral("if command -v curl >/dev/null 2>&1; then %1; "
                          "elif command -v wget >/dev/null 2>&1; then %2; "
                          "elif command -v python3 >/dev/null 2>&1; then %3; "
                          "else echo 'neither curl, wget nor python3 is installed' >&2; exit 3; fi")
        .arg(curl, wget, python);
}

} // namespace

CommandRequest SparkScripts::javaPresent()
{
    return {QStringLiteral("command -v java >/dev/null 2>&1 || "
                           "{ [ -n \"${JAVA_HOME:-}\" ] && [ -x \"$JAVA_HOME/bin/java\" ]; } || exit 1"),
            {}, false, 30000};
}

CommandRequest SparkScripts::installJava()
{
    // Waits for the dpkg lock (first-boot VMs run apt themselves); a lock still held after
    // ten minutes is reported as "try later" (75).
    return {QStringLiteral(
                "export DEBIAN_FRONTEND=noninteractive\n"
                "if command -v apt-get >/dev/null 2>&1; then\n"
                "  apt-get -q -o DPkg::Lock::Timeout=600 update >/dev/null || exit 75\n"
                "  apt-get -q -y -o DPkg::Lock::Timeout=600 install --no-install-recommends "
                "openjdk-17-jre-headless || apt-get -q -y -o DPkg::Lock::Timeout=600 install "
                "--no-install-recommends default-jre-headless\n"
                "elif command -v dnf >/dev/null 2>&1; then dnf -y install java-17-openjdk-headless\n"
                "elif command -v yum >/dev/null 2>&1; then yum -y install java-17-openjdk-headless\n"
                "elif command -v zypper >/dev/null 2>&1; then zypper -n install java-17-openjdk-headless\n"
                "elif command -v apk >/dev/null 2>&1; then apk add openjdk17-jre-headless\n"
                "else echo 'no supported package manager (apt-get, dnf, yum, zypper, apk)' >&2; exit 3; fi"),
            {}, true, 20 * 60 * 1000};
}

namespace {

/// Downloads URL to TARGET through TARGET.part, kept only when its SHA-512 matches.
CommandRequest download(const QString &url, const QString &sha512, const QString &target, bool httpsOnly)
{
    const QString part = target + QStringLiteral(".part");
    return {ShellCommand::allOf({ShellCommand(QStringLiteral("mkdir"), {QStringLiteral("-p"), QFileInfo(target).path()})})
                + QStringLiteral(" && { ") + fetch(url, part, httpsOnly) + QStringLiteral("; }")
                + QStringLiteral(" && { ") + checksumMatches("sha512sum", sha512, part)
                + QStringLiteral(" || { echo 'the download does not match its SHA-512; it was not used' >&2; ")
                + sh(QStringLiteral("rm"), {QStringLiteral("-f"), part}) + QStringLiteral("; exit 4; }; }")
                + QStringLiteral(" && ") + sh(QStringLiteral("mv"), {QStringLiteral("-f"), part, target}),
            {}, false, 60 * 60 * 1000};
}

} // namespace

CommandRequest SparkScripts::fileCached(const QString &path, const QString &sha512)
{
    return {checksumMatches("sha512sum", sha512, path) + QStringLiteral(" || exit 1"), {}, false, 120000};
}

CommandRequest SparkScripts::distributionCached(const QString &sha512) const
{
    return fileCached(m_layout.cachedDistribution(sha512), sha512);
}

CommandRequest SparkScripts::downloadDistribution(const QString &url, const QString &sha512) const
{
    return download(url, sha512, m_layout.cachedDistribution(sha512), true);
}

namespace {

/// A fixed program: serves DIRECTORY on ADDRESS:PORT over plain http, each file straight from
/// the page cache (sendfile: the master sends every worker the whole archive). It binds first,
/// so that a port in use fails the step, then leaves a daemon behind and writes its pid.
constexpr char kShareDirectory[] = R"PY(
import http.server, os, socket, sys
directory, address, port, pidfile = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=directory, **kwargs)
    def copyfile(self, source, destination):
        self.connection.sendfile(source)
    def log_message(self, *args):
        pass
class Server(http.server.ThreadingHTTPServer):
    address_family = socket.AF_INET6 if ":" in address else socket.AF_INET
    daemon_threads = True
server = Server((address, port), Handler)
pid = os.fork()
if pid:
    with open(pidfile, "w") as f:
        f.write("%d\n" % pid)
    os._exit(0)
os.setsid()
null = os.open(os.devnull, os.O_RDWR)
for fd in (0, 1, 2):
    os.dup2(null, fd)
server.serve_forever()
)PY";

} // namespace

CommandRequest SparkScripts::shareDistribution(const QString &sha512, const QString &address, int port) const
{
    return {ShellCommand::allOf({ShellCommand(QStringLiteral("mkdir"), {QStringLiteral("-p"), m_layout.runDir()}),
                                 ShellCommand(QStringLiteral("python3"),
                                              {QStringLiteral("-c"), QString::fromLatin1(kShareDirectory),
                                               QFileInfo(m_layout.cachedDistribution(sha512)).path(), address, QString::number(port),
                                               m_layout.runDir() + QStringLiteral("/share.pid")})}),
            {}, false, 30000};
}

CommandRequest SparkScripts::sharingDistribution() const
{
    const QString pidFile = ShellCommand::quote(m_layout.runDir() + QStringLiteral("/share.pid"));
    return {QStringLiteral("pid=$(cat %1 2>/dev/null) && kill -0 \"$pid\" 2>/dev/null || exit 1").arg(pidFile), {}, false, 30000};
}

CommandRequest SparkScripts::notSharingDistribution() const
{
    const QString pidFile = ShellCommand::quote(m_layout.runDir() + QStringLiteral("/share.pid"));
    return {QStringLiteral("pid=$(cat %1 2>/dev/null) && kill -0 \"$pid\" 2>/dev/null && exit 1; exit 0").arg(pidFile), {}, false, 30000};
}

CommandRequest SparkScripts::stopSharingDistribution() const
{
    const QString pidFile = ShellCommand::quote(m_layout.runDir() + QStringLiteral("/share.pid"));
    return {QStringLiteral("pid=$(cat %1 2>/dev/null) && kill \"$pid\" 2>/dev/null; rm -f %1").arg(pidFile), {}, false, 30000};
}

namespace {

/// A fixed program: one pass over a copy, checksummed (OpenSSL's SHA-512) and, as it arrives,
/// either inflated (zlib, twice as fast as gzip) and fed to tar into the directory DEST
/// (SINK "tree"), or written to DEST.part, renamed to DEST when right (SINK "file"). It takes
/// the first source that gives the right bytes: a host that passes the copy on (refused
/// connections are retried for PATIENCE seconds, it may not listen yet), then the master. With
/// RELAY_HOSTS > 0 the first source's bytes go into a spool (in memory where there is room) as
/// fast as they come, and from there to that many hosts and to this host's own sink: the hosts
/// further on never wait for this one's disk. Exit 4 when the last source's copy does not
/// match its checksum.
constexpr char kCopyInCluster[] = R"PY(
import hashlib, http.client, os, shutil, socket, struct, subprocess, sys, tempfile, threading, time
import urllib.parse, urllib.request, zlib
want, sink, dest, patience, relay_address, relay_port, relay_hosts = sys.argv[1:8]
patience, relay_port, relay_hosts, sources = float(patience), int(relay_port), int(relay_hosts), sys.argv[8:]
CHUNK = 1 << 20
GRACE = 2  # seconds a relay waits, its copy whole, for a host that has not come for it yet

def whole(answer):
    """Raises when the source ended before the length it announced."""
    if answer.length:
        raise ConnectionError("the connection ended %d bytes early" % answer.length)

def spool_for(size):
    """In memory where the host has twice the room (a spool on disk writes every copy twice)."""
    with open("/proc/meminfo") as meminfo:
        available = next((int(line.split()[1]) * 1024 for line in meminfo if line.startswith("MemAvailable:")), 0)
    if size and available > 2 * size and hasattr(os, "memfd_create"):  # Python >= 3.8
        return os.fdopen(os.memfd_create("sparkdeck-relay"), "w+b")
    return tempfile.TemporaryFile(dir=os.path.dirname(dest))

class Relay:
    def __init__(self):
        family = socket.AF_INET6 if ":" in relay_address else socket.AF_INET
        self.server = socket.create_server((relay_address, relay_port), family=family)
        self.spool = None
        self.cond = threading.Condition()
        self.started, self.size, self.length, self.state, self.failure = False, None, 0, "open", None
        self.active = self.served = 0
        threading.Thread(target=self.accept, daemon=True).start()

    def fill(self, answer):
        """Source -> spool, until the source ends ("done") or fails ("broken")."""
        self.spool = spool_for(answer.length)
        with self.cond:
            self.started, self.size = True, answer.length
            self.cond.notify_all()
        try:
            while True:
                chunk = answer.read(CHUNK)
                if not chunk:
                    break
                os.pwrite(self.spool.fileno(), chunk, self.length)
                with self.cond:
                    self.length += len(chunk)
                    self.cond.notify_all()
            whole(answer)
            state = "done"
        except (OSError, http.client.HTTPException) as e:
            state, self.failure = "broken", e
        with self.cond:
            self.state = state
            self.cond.notify_all()
        if state == "broken":  # the hosts waiting on it go to the master
            self.server.shutdown(socket.SHUT_RDWR)
            self.server.close()

    def spooled(self, sent):
        """Waits for bytes past SENT; the new end, or SENT when the copy is done."""
        with self.cond:
            self.cond.wait_for(lambda: self.length > sent or self.state != "open")
            if self.state == "broken":
                raise ConnectionError(str(self.failure))
            return self.length

    def chunks(self):
        offset = 0
        while True:
            end = self.spooled(offset)
            if end == offset:
                return
            while offset < end:
                data = os.pread(self.spool.fileno(), min(end - offset, CHUNK), offset)
                offset += len(data)
                yield data

    def accept(self):
        while True:
            try:
                conn = self.server.accept()[0]
            except OSError:
                return
            with self.cond:
                self.active += 1
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn):
        sent = 0
        try:
            stalled = struct.pack("ll", 60, 0)  # a host that stops reading is dropped
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, stalled)
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, stalled)
            request = b""
            while b"\r\n\r\n" not in request:
                data = conn.recv(4096)
                if not data:
                    return
                request += data
            with self.cond:
                self.cond.wait_for(lambda: self.started or self.state != "open")
                if self.state == "broken":
                    return
                length = b"" if self.size is None else b"Content-Length: %d\r\n" % self.size
            conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n" + length + b"\r\n")
            while True:
                end = self.spooled(sent)
                if end == sent:
                    break
                while sent < end:
                    sent += os.sendfile(conn.fileno(), self.spool.fileno(), sent, end - sent)
            with self.cond:
                self.served += 1
        except OSError:
            pass
        finally:
            conn.close()
            with self.cond:
                self.active -= 1
                self.cond.notify_all()

    def finish(self):
        deadline = time.monotonic() + GRACE
        with self.cond:
            while self.active or (self.served < relay_hosts and time.monotonic() < deadline):
                self.cond.wait(0.2)

def answer_of(url, wait):
    """The source's answer. A host that passes the copy on (WAIT > 0) and refuses is waited for
    until WAIT runs out; one that does not answer at all within 5 s (a firewall that drops) is
    passed over: on a private network a listening host answers at once."""
    if wait:
        where, deadline = urllib.parse.urlsplit(url), time.monotonic() + wait
        while True:
            try:
                socket.create_connection((where.hostname, where.port), timeout=5).close()
                break
            except ConnectionRefusedError:
                if time.monotonic() > deadline:
                    raise
            time.sleep(0.2)
    return urllib.request.urlopen(url, timeout=60)

class Unpacked:
    """The archive into DEST as it arrives; a corrupt one is told as such."""
    def __init__(self):
        shutil.rmtree(dest, ignore_errors=True)
        os.makedirs(dest)
        self.tar = subprocess.Popen(["tar", "-xf", "-", "-C", dest, "--strip-components=1", "--no-same-owner"],
                                    stdin=subprocess.PIPE)
        self.inflate, self.broken = zlib.decompressobj(31), None
    def write(self, data):
        try:
            while data and not self.broken:
                self.tar.stdin.write(self.inflate.decompress(data))
                data = self.inflate.unused_data if self.inflate.eof else b""
                if self.inflate.eof:
                    self.inflate = zlib.decompressobj(31)  # the next gzip member, if any
        except (zlib.error, OSError) as e:  # keep reading: the checksum comes first
            self.broken = "cannot unpack it: %s" % e
    def abort(self):
        self.tar.kill()
        self.tar.wait()
    def close(self):
        try:
            self.tar.stdin.close()
        except OSError:  # tar ended early: its exit code tells
            pass
        code = self.tar.wait()
        return self.broken or ("tar could not unpack it (exit %d)" % code if code else None)
    def keep(self, right):
        pass  # the caller's shell moves the tree into place, or removes it

class Saved:
    """DEST.part, renamed to DEST when right."""
    def __init__(self):
        self.file = open(dest + ".part", "wb")
    def write(self, data):
        self.file.write(data)
    def abort(self):
        self.keep(False)
    def close(self):
        self.file.close()
        return None
    def keep(self, right):
        self.file.close()
        if right:
            os.replace(dest + ".part", dest)
        else:
            os.unlink(dest + ".part")

def copy(url, wait, relay):
    """None when DEST holds the right copy, else (exit code, why)."""
    digest, out = hashlib.sha512(), Unpacked() if sink == "tree" else Saved()
    try:
        with answer_of(url, wait) as answer:
            if relay:
                threading.Thread(target=relay.fill, args=(answer,), daemon=True).start()
                chunks = relay.chunks()
            else:
                chunks = iter(lambda: answer.read(CHUNK), b"")
            for chunk in chunks:
                digest.update(chunk)
                out.write(chunk)
            whole(answer)
    except (OSError, http.client.HTTPException) as e:
        out.abort()
        return 1, "cannot copy %s: %s" % (url, e)
    broken, right = out.close(), digest.hexdigest() == want
    out.keep(right and not broken)
    if not right:
        return 4, "the copy from %s does not match its SHA-512; it was not used" % url
    if broken:
        return 1, broken
    return None

relay = None
if relay_hosts:
    try:
        relay = Relay()
    except (OSError, AttributeError) as e:  # AttributeError: Python < 3.8 has no create_server
        print("cannot pass Spark on from port %d (%s): those hosts copy from the master" % (relay_port, e), file=sys.stderr)
for i, url in enumerate(sources):
    last = i == len(sources) - 1
    failure = copy(url, 0 if last else patience, relay if i == 0 else None)
    if failure is None:
        if relay and i == 0:
            relay.finish()
        sys.exit(0)
    print(failure[1] + ("" if last else "; copying from %s instead" % sources[i + 1]), file=sys.stderr)
sys.exit(failure[0])
)PY";

} // namespace

QString SparkScripts::copyInCluster(const CopyRoute &route, const QString &sha512, const char *sink, const QString &dest)
{
    return sh(QStringLiteral("python3"), QStringList{QStringLiteral("-c"), QString::fromLatin1(kCopyInCluster), sha512,
                                                     QString::fromLatin1(sink), dest, QString::number(route.patienceSeconds),
                                                     route.relayAddress, QString::number(route.relayPort),
                                                     QString::number(route.relayHosts)}
                                             + route.urls);
}

CommandRequest SparkScripts::fetchAndUnpack(const CopyRoute &route, const QString &sha512) const
{
    const QString part = m_layout.sparkHome() + QStringLiteral(".part");
    return {ShellCommand::allOf({ShellCommand(QStringLiteral("rm"), {QStringLiteral("-rf"), part}),
                                 ShellCommand(QStringLiteral("mkdir"), {QStringLiteral("-p"), part})})
                + QStringLiteral(" && { ") + copyInCluster(route, sha512, "tree", part)
                + QStringLiteral(" || { r=$?; ") + sh(QStringLiteral("rm"), {QStringLiteral("-rf"), part})
                + QStringLiteral("; exit $r; }; } && ") + installUnpacked(sha512),
            {}, false, 60 * 60 * 1000};
}

CommandRequest SparkScripts::fetchFile(const CopyRoute &route, const QString &sha512, const QString &target)
{
    return {sh(QStringLiteral("mkdir"), {QStringLiteral("-p"), QFileInfo(target).path()}) + QStringLiteral(" && ")
                + copyInCluster(route, sha512, "file", target),
            {}, false, 60 * 60 * 1000};
}

CommandRequest SparkScripts::unpacked(const QString &sha512) const
{
    const QString home = m_layout.sparkHome();
    return {sh(QStringLiteral("test"), {QStringLiteral("-x"), home + QStringLiteral("/sbin/spark-daemon.sh")}) + QStringLiteral(" && ")
                + sh(QStringLiteral("grep"), {QStringLiteral("-qx"), sha512, home + QStringLiteral("/.sparkdeck-distribution")})
                + QStringLiteral(" 2>/dev/null || exit 1"),
            {}, false, 30000};
}

CommandRequest SparkScripts::unpack(const QString &sha512) const
{
    const QString home = m_layout.sparkHome();
    const QString part = home + QStringLiteral(".part");
    return {ShellCommand::allOf({ShellCommand(QStringLiteral("rm"), {QStringLiteral("-rf"), part}),
                                 ShellCommand(QStringLiteral("mkdir"), {QStringLiteral("-p"), part}),
                                 ShellCommand(QStringLiteral("tar"), {QStringLiteral("-xzf"), m_layout.cachedDistribution(sha512),
                                                                       QStringLiteral("-C"), part, QStringLiteral("--strip-components=1"),
                                                                       QStringLiteral("--no-same-owner")})})
                + QStringLiteral(" && ") + installUnpacked(sha512),
            {}, false, 10 * 60 * 1000};
}

QString SparkScripts::installUnpacked(const QString &sha512) const
{
    // The tree in SPARK_HOME.part becomes SPARK_HOME, marked with the checksum it came from.
    const QString home = m_layout.sparkHome();
    const QString part = home + QStringLiteral(".part");
    return sh(QStringLiteral("printf"), {QStringLiteral("%s\\n"), sha512})
           + QStringLiteral(" > ") + ShellCommand::quote(part + QStringLiteral("/.sparkdeck-distribution"))
           + QStringLiteral(" && ") + ShellCommand::allOf({ShellCommand(QStringLiteral("rm"), {QStringLiteral("-rf"), home}),
                                                          ShellCommand(QStringLiteral("mv"), {part, home})});
}

CommandRequest SparkScripts::fileHasContent(const QString &path, const QByteArray &content)
{
    const QString sum = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    return {checksumMatches("sha256sum", sum, path) + QStringLiteral(" || exit 1"), {}, false, 30000};
}

CommandRequest SparkScripts::writeFile(const QString &path, const QByteArray &content, int mode)
{
    const QString part = path + QStringLiteral(".part");
    // umask first: a secret is never readable by others, not even for a moment.
    return {QStringLiteral("umask 077 && ")
                + ShellCommand::allOf({ShellCommand(QStringLiteral("mkdir"), {QStringLiteral("-p"), QFileInfo(path).path()})})
                + QStringLiteral(" && cat > ") + ShellCommand::quote(part) + QStringLiteral(" && ")
                + ShellCommand::allOf({ShellCommand(QStringLiteral("chmod"), {QString::number(mode, 8), part}),
                                       ShellCommand(QStringLiteral("mv"), {QStringLiteral("-f"), part, path})}),
            content, false, 30000};
}

QString SparkScripts::sparkDaemon() const
{
    return m_layout.sparkHome() + QStringLiteral("/sbin/spark-daemon.sh");
}

namespace {

/// Where systemd is the init system, daemons run as its units; elsewhere through Spark's own
/// daemon script (pid files). The choice is made on the host, when the step runs.
QString eitherSystemdOr(const QString &withSystemd, const QString &withoutSystemd)
{
    return QStringLiteral("if [ -d /run/systemd/system ]; then s=; [ \"$(id -u)\" = 0 ] || s='sudo -n'; %1; else %2; fi")
        .arg(withSystemd, withoutSystemd);
}

QString unitPath(const QString &unit)
{
    return QStringLiteral("/etc/systemd/system/") + unit;
}

/// Installs the unit read from standard input and starts it now and at every boot.
QString installAndStart(const QString &unit)
{
    const QString path = ShellCommand::quote(unitPath(unit));
    return QStringLiteral("$s tee %1.part >/dev/null && $s mv -f %1.part %1 && $s systemctl daemon-reload && "
                          "$s systemctl enable --now %2")
        .arg(path, ShellCommand::quote(unit));
}

/// Stops and removes the unit; nothing to do when there is none.
QString stopAndRemove(const QString &unit)
{
    return QStringLiteral("$s systemctl disable --now %2 2>/dev/null; $s rm -f %1 && $s systemctl daemon-reload")
        .arg(ShellCommand::quote(unitPath(unit)), ShellCommand::quote(unit));
}

QString isActive(const QString &unit)
{
    return QStringLiteral("systemctl is-active --quiet %1 || exit 1").arg(ShellCommand::quote(unit));
}

} // namespace

namespace {

/// A fixed program; every value reaches it as an argument, never as program text. Waits until
/// the master's /json/ shows WHAT; with a start command after the output file, it first starts
/// that command in a session of its own (Spark's daemon script, which lingers seconds after the
/// launch to see the daemon survive), gives up early when that command fails, and ends its
/// lingering (the script alone, not the daemon it launched) once the master shows the daemon.
constexpr char kWaitForMaster[] = R"PY(
import json, subprocess, sys, time, urllib.request
url, what, arg, deadline = sys.argv[1], sys.argv[2], sys.argv[3], time.time() + float(sys.argv[4])
def alive(s):
    return [w for w in s.get("workers", []) if w.get("state") == "ALIVE"]
def listed(s):
    host, port = arg.rsplit(":", 1)
    return any(w.get("host") == host and w.get("webuiaddress", "").endswith(":" + port) for w in alive(s))
def holds(s):
    if what == "master":
        # Another master on the same port would answer too: it must be ours.
        return s.get("status") == "ALIVE" and s.get("url") == arg
    if what == "workers":
        return len(alive(s)) >= int(arg)
    if what == "exactly":
        return len(alive(s)) == int(arg)
    if what == "registered":
        return listed(s)
    return not listed(s)
def said():
    with open(sys.argv[5], errors="replace") as f:
        return f.read()
starter = None
if len(sys.argv) > 6:
    with open(sys.argv[5], "wb") as out:
        starter = subprocess.Popen(sys.argv[6:], stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
last, pause = "no answer", 0.1
while True:  # at least one look, so that a wait of 0 s is a plain check
    if starter is not None and starter.poll() is not None:
        if starter.returncode != 0:
            sys.stderr.write(said())
            sys.exit(starter.returncode)
        starter = None
    try:
        s = json.load(urllib.request.urlopen(url, timeout=5))
        if holds(s):
            if starter is not None:
                starter.terminate()
                starter.wait()
            if len(sys.argv) > 6:
                sys.stdout.write(said())
            sys.exit(0)
        last = "master %s %s, %d workers ALIVE" % (s.get("url"), s.get("status"), len(alive(s)))
    except Exception as e:
        last = str(e)
    if time.time() >= deadline:
        break
    time.sleep(pause)
    pause = min(pause * 1.5, 1.0)  # quick for what is quick, light on the master for long waits
print("gave up waiting for the master at %s (%s)" % (url, last), file=sys.stderr)
sys.exit(1)
)PY";

QStringList waitForMasterProgram(const QString &address, int webUiPort, const QString &what,
                                 const QString &argument, int seconds)
{
    return {QStringLiteral("-c"), QString::fromLatin1(kWaitForMaster),
            NetworkAddress::httpUrl(address, webUiPort, QStringLiteral("/json/")), what, argument, QString::number(seconds)};
}

CommandRequest waitForMaster(const QString &address, int webUiPort, const QString &what,
                             const QString &argument, int seconds)
{
    return {sh(QStringLiteral("python3"), waitForMasterProgram(address, webUiPort, what, argument, seconds)),
            {}, false, (seconds + 30) * 1000};
}

} // namespace

CommandRequest SparkScripts::masterRunning(const QString &unit) const
{
    return {eitherSystemdOr(isActive(unit),
                            sh(sparkDaemon(), {QStringLiteral("status"), QString::fromLatin1(kMasterClass), QStringLiteral("1")})
                                + QStringLiteral(" >/dev/null 2>&1 || exit 1")),
            {}, false, 30000};
}

CommandRequest SparkScripts::startMaster(const SystemdUnit &unit, const MasterWatch &watch) const
{
    return {eitherSystemdOr(installAndStart(unit.name),
                            startUntilListed(QStringList{QStringLiteral("start"), QString::fromLatin1(kMasterClass), QStringLiteral("1")},
                                             watch, QStringLiteral("master"), SparkConfigRenderer::masterUrl(watch.address))),
            unit.content.toUtf8(), false, (watch.seconds + 30) * 1000};
}

QString SparkScripts::startUntilListed(const QStringList &daemonArguments, const MasterWatch &watch, const QString &what,
                                       const QString &argument) const
{
    // spark-daemon.sh start sleeps about two seconds after the launch, to see the daemon
    // survive them: the master's view tells sooner, and the script's failure still stops the wait.
    const QString output = m_layout.runDir() + QStringLiteral("/start-") + daemonArguments.value(1) + QLatin1Char('-')
                           + daemonArguments.value(2) + QStringLiteral(".out");
    return ShellCommand::allOf({ShellCommand(QStringLiteral("mkdir"), {QStringLiteral("-p"), m_layout.runDir()})})
           + QStringLiteral(" && ")
           + sh(QStringLiteral("python3"), waitForMasterProgram(watch.address, watch.webUiPort, what, argument, watch.seconds)
                                               + QStringList{output, sparkDaemon()} + daemonArguments);
}

QString SparkScripts::unlessUninstalled(const QString &script) const
{
    // Nothing installed here means nothing runs here: stopping is then already done.
    return sh(QStringLiteral("test"), {QStringLiteral("-x"), sparkDaemon()}) + QStringLiteral(" || exit 0; ") + script;
}

QString SparkScripts::stopDaemon(const char *className, int instance) const
{
    // spark-daemon.sh stop only sends the signal: wait (up to 10 s) until the process is gone,
    // so that nothing it still writes on its way out lands after the files are removed.
    const QString pidFiles = ShellCommand::quote(m_layout.runDir()) + QStringLiteral("/spark-*-")
                             + QString::fromLatin1(className) + QLatin1Char('-') + QString::number(instance) + QStringLiteral(".pid");
    return unlessUninstalled(QStringLiteral("pids=$(cat %1 2>/dev/null); ").arg(pidFiles)
                             + sh(sparkDaemon(), {QStringLiteral("stop"), QString::fromLatin1(className), QString::number(instance)})
                             + QStringLiteral("; for p in $pids; do i=0; while [ $i -lt 100 ] && kill -0 \"$p\" 2>/dev/null && "
                                              "! ps -o stat= -p \"$p\" 2>/dev/null | grep -q Z; do sleep 0.1; i=$((i+1)); done; done; exit 0"));
}

CommandRequest SparkScripts::stopMaster(const QString &unit) const
{
    return {eitherSystemdOr(stopAndRemove(unit), stopDaemon(kMasterClass, 1)), {}, false, 120000};
}

CommandRequest SparkScripts::workerRunning(int instance, const QString &unit) const
{
    return {eitherSystemdOr(isActive(unit),
                            sh(sparkDaemon(), {QStringLiteral("status"), QString::fromLatin1(kWorkerClass), QString::number(instance)})
                                + QStringLiteral(" >/dev/null 2>&1 || exit 1")),
            {}, false, 30000};
}

CommandRequest SparkScripts::startWorker(int instance, const QString &address, int webUiPort, const MasterWatch &watch,
                                         const SystemdUnit &unit) const
{
    const QStringList arguments{QStringLiteral("start"), QString::fromLatin1(kWorkerClass), QString::number(instance),
                                QStringLiteral("--webui-port"), QString::number(webUiPort),
                                SparkConfigRenderer::masterUrl(watch.address)};
    return {eitherSystemdOr(installAndStart(unit.name),
                            startUntilListed(arguments, watch, QStringLiteral("registered"),
                                             address + QLatin1Char(':') + QString::number(webUiPort))),
            unit.content.toUtf8(), false, (watch.seconds + 30) * 1000};
}

CommandRequest SparkScripts::decommissionWorker(int instance, const QString &unit) const
{
    // SIGPWR: with spark.decommission.enabled the worker decommissions and keeps running.
    return {eitherSystemdOr(QStringLiteral("$s systemctl kill --signal=SIGPWR ") + ShellCommand::quote(unit),
                            sh(sparkDaemon(), {QStringLiteral("decommission"), QString::fromLatin1(kWorkerClass), QString::number(instance)})),
            {}, false, 60000};
}

CommandRequest SparkScripts::stopWorker(int instance, const QString &unit) const
{
    return {eitherSystemdOr(stopAndRemove(unit), stopDaemon(kWorkerClass, instance)), {}, false, 120000};
}


CommandRequest SparkScripts::waitForMasterAlive(const QString &address, int webUiPort, int seconds)
{
    return waitForMaster(address, webUiPort, QStringLiteral("master"), SparkConfigRenderer::masterUrl(address), seconds);
}

CommandRequest SparkScripts::waitForAliveWorkers(const QString &address, int webUiPort, int count, int seconds)
{
    return waitForMaster(address, webUiPort, QStringLiteral("workers"), QString::number(count), seconds);
}

CommandRequest SparkScripts::waitForExactlyAliveWorkers(const QString &address, int webUiPort, int count, int seconds)
{
    return waitForMaster(address, webUiPort, QStringLiteral("exactly"), QString::number(count), seconds);
}

CommandRequest SparkScripts::waitForWorkerGone(const QString &address, int webUiPort,
                                               const QString &workerHost, int workerWebUiPort, int seconds)
{
    return waitForMaster(address, webUiPort, QStringLiteral("gone"),
                         workerHost + QLatin1Char(':') + QString::number(workerWebUiPort), seconds);
}

CommandRequest SparkScripts::readAuthenticationSecret() const
{
    return {QStringLiteral("sed -n 's/^spark\\.authenticate\\.secret[[:space:]]*//p' ")
                + ShellCommand::quote(m_layout.confDir() + QStringLiteral("/spark-defaults.conf")) + QStringLiteral(" 2>/dev/null; exit 0"),
            {}, false, 30000};
}

CommandRequest SparkScripts::jupyterPresent()
{
    return {QStringLiteral("command -v jupyter-notebook >/dev/null 2>&1 || exit 1"), {}, false, 30000};
}

CommandRequest SparkScripts::installJupyter()
{
    return {QStringLiteral(
                "export DEBIAN_FRONTEND=noninteractive\n"
                "if command -v apt-get >/dev/null 2>&1; then\n"
                "  apt-get -q -y -o DPkg::Lock::Timeout=600 install --no-install-recommends jupyter-notebook || exit 75\n"
                "elif command -v dnf >/dev/null 2>&1; then dnf -y install python3-notebook\n"
                "elif command -v pip3 >/dev/null 2>&1; then pip3 install notebook\n"
                "else echo 'no package manager can install Jupyter here (apt-get, dnf, pip3)' >&2; exit 3; fi"),
            {}, true, 20 * 60 * 1000};
}

QString SparkScripts::jupyterTokenFile() const
{
    return m_layout.root() + QStringLiteral("/jupyter/token");
}

CommandRequest SparkScripts::readJupyterToken() const
{
    return {sh(QStringLiteral("cat"), {jupyterTokenFile()}) + QStringLiteral(" 2>/dev/null; exit 0"), {}, false, 30000};
}

CommandRequest SparkScripts::jupyterRunning() const
{
    const QString pidFile = ShellCommand::quote(m_layout.runDir() + QStringLiteral("/jupyter.pid"));
    return {QStringLiteral("pid=$(cat %1 2>/dev/null) && kill -0 \"$pid\" 2>/dev/null || exit 1").arg(pidFile), {}, false, 30000};
}

CommandRequest SparkScripts::startJupyter(const QString &address, int port, const QString &masterUrl) const
{
    const QString notebooks = m_layout.root() + QStringLiteral("/notebooks");
    const QString pidFile = m_layout.runDir() + QStringLiteral("/jupyter.pid");
    const QString log = m_layout.logDir() + QStringLiteral("/jupyter.log");
    // pyspark from the distribution, wired to the master; spark-defaults.conf brings the secret.
    const QString environment =
        QStringLiteral("SPARK_HOME=%1; export SPARK_HOME; ").arg(ShellCommand::quote(m_layout.sparkHome()))
        + QStringLiteral("PYTHONPATH=\"$SPARK_HOME/python:$(ls \"$SPARK_HOME\"/python/lib/py4j-*.zip 2>/dev/null | head -n 1)\"; export PYTHONPATH; ")
        + QStringLiteral("PYSPARK_SUBMIT_ARGS=%1; export PYSPARK_SUBMIT_ARGS; ")
              .arg(ShellCommand::quote(QStringLiteral("--master %1 pyspark-shell").arg(masterUrl)));
    const QString start = sh(QStringLiteral("nohup"), {QStringLiteral("jupyter-notebook"), QStringLiteral("--no-browser"), QStringLiteral("--allow-root"),
                                                       QStringLiteral("--ip=") + address, QStringLiteral("--port=") + QString::number(port),
                                                       QStringLiteral("--port-retries=0"), QStringLiteral("--notebook-dir=") + notebooks});
    return {ShellCommand::allOf({ShellCommand(QStringLiteral("mkdir"), {QStringLiteral("-p"), notebooks, m_layout.runDir(), m_layout.logDir()})})
                + QStringLiteral(" && JUPYTER_TOKEN=$(cat ") + ShellCommand::quote(jupyterTokenFile()) + QStringLiteral(") && export JUPYTER_TOKEN && ")
                + environment + start + QStringLiteral(" </dev/null >>") + ShellCommand::quote(log)
                + QStringLiteral(" 2>&1 & echo $! > ") + ShellCommand::quote(pidFile) + QStringLiteral("; sleep 1"),
            {}, false, 60000};
}

CommandRequest SparkScripts::stopJupyter() const
{
    const QString pidFile = ShellCommand::quote(m_layout.runDir() + QStringLiteral("/jupyter.pid"));
    // Waits (up to 10 s) until it is gone, or only a zombie waiting for its parent.
    return {QStringLiteral("pid=$(cat %1 2>/dev/null) && kill \"$pid\" 2>/dev/null && for i in $(seq 100); do "
                           "ps -o stat= -p \"$pid\" 2>/dev/null | grep -qv Z || break; sleep 0.1; done; rm -f %1; exit 0").arg(pidFile),
            {}, false, 30000};
}

CommandRequest SparkScripts::waitForJupyter(const QString &address, int port, int seconds)
{
    // /api answers without a token: enough to know the server is up, nothing to leak.
    const QString program = QStringLiteral(
        "import sys, time, urllib.request\n"
        "deadline = time.time() + float(sys.argv[2])\n"
        "while True:\n"
        "    try:\n"
        "        urllib.request.urlopen(sys.argv[1], timeout=5); sys.exit(0)\n"
        "    except Exception as e:\n"
        "        last = str(e)\n"
        "    if time.time() >= deadline: break\n"
        "    time.sleep(0.5)\n"
        "print('Jupyter at %s does not answer (%s)' % (sys.argv[1], last), file=sys.stderr)\n"
        "sys.exit(1)\n");
    return {sh(QStringLiteral("python3"), {QStringLiteral("-c"), program, NetworkAddress::httpUrl(address, port, QStringLiteral("/api")),
                                           QString::number(seconds)}),
            {}, false, (seconds + 30) * 1000};
}

CommandRequest SparkScripts::removeClusterFiles() const
{
    // The distribution cache serves every cluster of the host: it goes with the last one.
    const QString base = ShellCommand::quote(m_layout.base());
    return {sh(QStringLiteral("rm"), {QStringLiteral("-rf"), QStringLiteral("--"), m_layout.root()})
                + QStringLiteral(" && if [ -z \"$(ls -A %1 2>/dev/null | grep -vx cache)\" ]; then rm -rf -- %1/cache && "
                                 "rmdir -- %1 2>/dev/null; fi; exit 0").arg(base),
            {}, true, 120000};
}

} // namespace SparkDeck
