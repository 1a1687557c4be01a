#include "preflightfacts.h"

#include "ssh/shellcommand.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QtEndian>

namespace SparkDeck {

namespace {

/// The facts script: a fixed program; the cluster's values arrive as its arguments
/// (`--base DIR`, `--peer ADDRESS PORT`..., `--nfs-server`, `--nfs-client`). It only reads.
/// Reachability probes start first, in the background, and are waited for at the end; each
/// prints one short line (one write, so lines never mix).
constexpr char kFactsScript[] = R"SH(
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"; export PATH
say() { printf '%s=%s\n' "$1" "$2"; }
probe() {
  if command -v bash >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then
    err=$(timeout 10 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>&1); rc=$?
    # A busy host may not even start bash in time, a first SYN may be lost: try once more.
    [ $rc = 124 ] && { err=$(timeout 10 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>&1); rc=$?; }
  elif command -v python3 >/dev/null 2>&1; then
    err=$(python3 -c 'import socket, sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), 5).close()' "$1" "$2" 2>&1); rc=$?
  elif command -v nc >/dev/null 2>&1; then
    err=$(nc -z -w 5 "$1" "$2" 2>&1); rc=$?
  else
    printf 'reach=%s %s notool\n' "$1" "$2"; return
  fi
  case $rc:$err in
    0:*) r=ok ;;
    124:*) r=timeout ;;
    *refused*|*Refused*) r=refused ;;
    *"timed out"*|*timeout*) r=timeout ;;
    *"not known"*|*resolve*|*nodename*|*gaierror*|*"No address"*) r=unresolved ;;
    *"No route"*|*nreachable*) r=unreachable ;;
    *) r=error ;;
  esac
  printf 'reach=%s %s %s\n' "$1" "$2" "$r"
}
kmod() { command -v modprobe >/dev/null 2>&1 && modprobe -n -q "$1" >/dev/null 2>&1; }
base=/opt/sparkdeck; nfs_server=0; nfs_client=0; docker=0; swarm_id_file=
while [ $# -gt 0 ]; do
  case $1 in
    --base) base=$2; shift 2 ;;
    --run-dir) for f in "$2"/*.pid; do [ -r "$f" ] && say ownpid "$(cat "$f")"; done; shift 2 ;;
    --peer) probe "$2" "$3" & shift 3 ;;
    --nfs-server) nfs_server=1; shift ;;
    --nfs-client) nfs_client=1; shift ;;
    --docker) docker=1; swarm_id_file=$2; shift 2 ;;
    *) shift ;;
  esac
done
say time "$(date +%s.%N)"
say format 1
if [ -r /etc/os-release ]; then
  osr() { sed -n "s/^$1=//p" /etc/os-release | head -n 1 | sed -e 's/^"//' -e 's/"$//' -e "s/^'//" -e "s/'\$//"; }
  say os_id "$(osr ID)"; say os_like "$(osr ID_LIKE)"; say os_version "$(osr VERSION_ID)"; say os_name "$(osr PRETTY_NAME)"
fi
say kernel "$(uname -sr 2>/dev/null)"
say arch "$(uname -m 2>/dev/null)"
for t in apt-get dnf yum zypper apk; do
  if command -v "$t" >/dev/null 2>&1; then say pkg "$t"; break; fi
done
say cpus "$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null)"
awk '/^MemTotal:/ { print "mem_total_kib=" $2 } /^MemAvailable:/ { print "mem_available_kib=" $2 }' /proc/meminfo 2>/dev/null
d=$base
while [ -n "$d" ] && [ ! -d "$d" ]; do d=${d%/*}; done
[ -n "$d" ] || d=/
say disk_path "$d"
df -Pk "$d" 2>/dev/null | awk 'NR == 2 { print "disk_free_kib=" $4 }'
if [ -w "$d" ]; then say base_writable 1; else say base_writable 0; fi
uid=$(id -u); say uid "$uid"; say user "$(id -un 2>/dev/null)"
sudo_ok=0
if [ "$uid" != 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then say sudo missing
  elif sudo -n true >/dev/null 2>&1; then say sudo ok; sudo_ok=1
  else say sudo password; fi
fi
for t in python3 curl wget tar gzip sha512sum sha256sum bash nc timeout ss ip systemctl getent \
         java nfs-cp nfs-ls nfs-cat exportfs ganesha.nfsd mount.nfs4 mount.nfs modprobe; do
  command -v "$t" >/dev/null 2>&1 && say tool "$t"
done
j=$(command -v java 2>/dev/null)
if [ -z "$j" ] && [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then j=$JAVA_HOME/bin/java; fi
if [ -n "$j" ]; then say java "$j"; say java_version "$("$j" -version 2>&1 | head -n 1)"; fi
# Only the packages 'up' may have to install: loading apt's cache costs a third of a second.
pkgs=
[ -n "$j" ] || pkgs="openjdk-17-jre-headless default-jre-headless"
[ "$nfs_server" = 0 ] || pkgs="$pkgs nfs-ganesha nfs-ganesha-vfs"
[ "$docker" = 0 ] || command -v docker >/dev/null 2>&1 || pkgs="$pkgs docker.io"
if command -v apt-cache >/dev/null 2>&1; then
  if ls /var/lib/apt/lists/ 2>/dev/null | grep -q '_Packages'; then say apt_lists 1; else say apt_lists 0; fi
  [ -z "$pkgs" ] || LC_ALL=C apt-cache policy $pkgs 2>/dev/null |
    awk '/^[^ ]/ { p = $1; sub(/:$/, "", p) } /^  Candidate:/ { print "candidate=" p " " $2 }'
fi
h=$(hostname 2>/dev/null || uname -n); say hostname "$h"
if command -v getent >/dev/null 2>&1; then
  a=$(getent hosts "$h" 2>/dev/null | awk '{ print $1; exit }')
  if [ -n "$a" ]; then say hostname_resolves yes; say hostname_address "$a"; else say hostname_resolves no; fi
fi
if command -v ip >/dev/null 2>&1; then
  ip -o addr show 2>/dev/null | awk '{ sub(/\/.*/, "", $4); print "address=" $4 }'
else
  for a in $(hostname -I 2>/dev/null); do say address "$a"; done
fi
ssp() { if [ "$uid" != 0 ] && [ "$sudo_ok" = 1 ]; then sudo -n ss -Hltnp; else ss -Hltnp; fi; }
if command -v ss >/dev/null 2>&1 && out=$(ssp 2>/dev/null); then
  say listeners ss
  printf '%s\n' "$out" | awk 'NF >= 4 { print "listen=" $4 " " $6 }'
  for pid in $(printf '%s\n' "$out" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do
    say cmd "$pid $(tr '\000\n' '  ' < "/proc/$pid/cmdline" 2>/dev/null | cut -c 1-300)"
  done
elif [ -r /proc/net/tcp ]; then
  say listeners proc
  awk 'FNR > 1 && $4 == "0A" { print "tcp=" $2 }' /proc/net/tcp /proc/net/tcp6 2>/dev/null
fi
if [ "$nfs_server" = 1 ]; then
  if grep -qw nfsd /proc/filesystems 2>/dev/null; then say nfsd yes
  elif kmod nfsd; then say nfsd module
  else say nfsd no; fi
  for f in /usr/lib/x86_64-linux-gnu/ganesha/libfsalvfs.so /usr/lib/aarch64-linux-gnu/ganesha/libfsalvfs.so \
           /usr/lib64/ganesha/libfsalvfs.so /usr/lib/ganesha/libfsalvfs.so; do
    if [ -e "$f" ]; then say ganesha_vfs "$f"; break; fi
  done
fi
if [ "$nfs_client" = 1 ]; then
  if grep -qw nfs4 /proc/filesystems 2>/dev/null; then say nfs_client yes
  elif kmod nfsv4 || kmod nfs; then say nfs_client module
  else say nfs_client no; fi
fi
if [ "$docker" = 1 ] && command -v docker >/dev/null 2>&1; then
  say docker_client "$(command -v docker)"
  dk() { if [ "$uid" != 0 ] && [ "$sudo_ok" = 1 ]; then sudo -n docker "$@"; else docker "$@"; fi; }
  if v=$(dk version --format '{{.Server.Version}}' 2>&1); then
    say docker_server "$v"
    say swarm "$(dk info --format '{{.Swarm.LocalNodeState}} {{if .Swarm.Cluster}}{{.Swarm.Cluster.ID}}{{end}}' 2>/dev/null)"
    say swarm_managers "$(dk info --format '{{range .Swarm.RemoteManagers}}{{.Addr}} {{end}}' 2>/dev/null)"
    say swarm_ours "$(cat "$swarm_id_file" 2>/dev/null)"
  else
    say docker_error "$(printf '%s\n' "$v" | tail -n 1)"
  fi
fi
wait
say end 1
)SH";

QString stripBrackets(QString address)
{
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
        address = address.mid(1, address.size() - 2);
    const int zone = address.indexOf(QLatin1Char('%'));
    if (zone >= 0)
        address.truncate(zone);
    return address;
}

/// "10.0.0.1:8080", "[::]:22", "*:22", "127.0.0.53%lo:53" -> address and port.
bool splitHostPort(const QString &text, QString *address, int *port)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    bool ok = false;
    *port = text.mid(colon + 1).toInt(&ok);
    *address = stripBrackets(text.left(colon));
    return ok && *port > 0 && *port < 65536;
}

} // namespace

bool ListeningSocket::isWildcard() const
{
    return address == QLatin1String("0.0.0.0") || address == QLatin1String("::")
           || address == QLatin1String("*") || address.isEmpty();
}

int HostFacts::javaMajor() const
{
    static const QRegularExpression version(QStringLiteral("version \"(\\d+)(?:\\.(\\d+))?"));
    const QRegularExpressionMatch match = version.match(javaVersionLine);
    if (!match.hasMatch())
        return 0;
    const int first = match.captured(1).toInt();
    return first == 1 ? match.captured(2).toInt() : first;
}

QList<ListeningSocket> HostFacts::listenersOn(int port) const
{
    QList<ListeningSocket> found;
    for (const ListeningSocket &socket : listening) {
        if (socket.port == port)
            found << socket;
    }
    return found;
}

CommandRequest PreflightFacts::script(const PreflightProbeOptions &options)
{
    QStringList arguments{QStringLiteral("-c"), QString::fromLatin1(kFactsScript),
                          QStringLiteral("sparkdeck-preflight"), QStringLiteral("--base"), options.base};
    if (!options.runDir.isEmpty())
        arguments << QStringLiteral("--run-dir") << options.runDir;
    for (const PreflightProbeOptions::Peer &peer : options.peers)
        arguments << QStringLiteral("--peer") << peer.address << QString::number(peer.port);
    if (options.nfsServer)
        arguments << QStringLiteral("--nfs-server");
    if (options.nfsClient)
        arguments << QStringLiteral("--nfs-client");
    if (options.docker)
        arguments << QStringLiteral("--docker") << options.swarmIdFile;
    return {ShellCommand(QStringLiteral("sh"), arguments).toString(), {}, false, 60000};
}

bool PreflightFacts::decodeProcNetAddress(const QString &hex, QString *address, int *port)
{
    const QString host = hex.section(QLatin1Char(':'), 0, 0);
    bool ok = false;
    *port = hex.section(QLatin1Char(':'), 1).toInt(&ok, 16);
    if (!ok || *port <= 0 || *port > 65535)
        return false;
    // The kernel prints each 32-bit word in host byte order (little-endian on x86 and arm).
    auto word = [&](int index, bool *good) {
        return quint32(host.mid(index * 8, 8).toUInt(good, 16));
    };
    if (host.size() == 8) {
        const quint32 raw = word(0, &ok);
        if (!ok)
            return false;
        *address = QHostAddress(qbswap(raw)).toString();
        return true;
    }
    if (host.size() == 32) {
        Q_IPV6ADDR bytes;
        for (int i = 0; i < 4; ++i) {
            const quint32 raw = word(i, &ok);
            if (!ok)
                return false;
            for (int b = 0; b < 4; ++b)
                bytes[i * 4 + b] = quint8(raw >> (8 * b));
        }
        QHostAddress parsed(bytes);
        *address = parsed.toString();
        if (*address == QLatin1String("::ffff:0.0.0.0"))
            *address = QStringLiteral("::");
        return true;
    }
    return false;
}

HostFacts PreflightFacts::parse(const QByteArray &output)
{
    HostFacts facts;
    static const QRegularExpression process(QStringLiteral("\\(\"([^\"]*)\",pid=(\\d+)"));
    const QStringList lines = QString::fromUtf8(output).split(QLatin1Char('\n'));
    for (QString line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const int equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            continue;
        const QString key = line.left(equals);
        const QString value = line.mid(equals + 1).trimmed();
        if (key == QLatin1String("end")) {
            facts.complete = value == QLatin1String("1");
        } else if (key == QLatin1String("os_id")) {
            facts.osId = value;
        } else if (key == QLatin1String("os_like")) {
            facts.osLike = value;
        } else if (key == QLatin1String("os_version")) {
            facts.osVersion = value;
        } else if (key == QLatin1String("os_name")) {
            facts.osName = value;
        } else if (key == QLatin1String("kernel")) {
            facts.kernel = value;
        } else if (key == QLatin1String("arch")) {
            facts.arch = value;
        } else if (key == QLatin1String("pkg")) {
            facts.packageManager = value;
        } else if (key == QLatin1String("cpus")) {
            facts.cpus = value.toInt();
        } else if (key == QLatin1String("mem_total_kib")) {
            facts.memTotalKiB = value.toLongLong();
        } else if (key == QLatin1String("mem_available_kib")) {
            facts.memAvailableKiB = value.toLongLong();
        } else if (key == QLatin1String("disk_path")) {
            facts.diskPath = value;
        } else if (key == QLatin1String("disk_free_kib")) {
            bool ok = false;
            const qint64 free = value.toLongLong(&ok);
            facts.diskFreeKiB = ok ? free : -1;
        } else if (key == QLatin1String("base_writable")) {
            facts.baseWritable = value == QLatin1String("1");
        } else if (key == QLatin1String("time")) {
            // `date +%s.%N`; a date without %N (busybox) prints the letter: whole seconds.
            bool ok = false;
            const double seconds = value.toDouble(&ok);
            facts.epochMs = ok ? qint64(seconds * 1000.0)
                               : value.section(QLatin1Char('.'), 0, 0).toLongLong() * 1000;
            facts.clockResolutionMs = ok && value.contains(QLatin1Char('.')) ? 1 : 1000;
        } else if (key == QLatin1String("uid")) {
            bool ok = false;
            const int uid = value.toInt(&ok);
            facts.uid = ok ? uid : -1;
        } else if (key == QLatin1String("user")) {
            facts.user = value;
        } else if (key == QLatin1String("sudo")) {
            facts.sudo = value;
        } else if (key == QLatin1String("tool")) {
            facts.tools.insert(value);
        } else if (key == QLatin1String("java")) {
            facts.javaPath = value;
        } else if (key == QLatin1String("java_version")) {
            facts.javaVersionLine = value;
        } else if (key == QLatin1String("apt_lists")) {
            facts.aptListsPresent = value == QLatin1String("1");
        } else if (key == QLatin1String("candidate")) {
            const QString package = value.section(QLatin1Char(' '), 0, 0);
            if (!package.isEmpty())
                facts.candidates.insert(package, value.section(QLatin1Char(' '), 1).trimmed());
        } else if (key == QLatin1String("hostname")) {
            facts.hostname = value;
        } else if (key == QLatin1String("hostname_resolves")) {
            facts.hostnameResolves = value;
        } else if (key == QLatin1String("hostname_address")) {
            facts.hostnameAddress = value;
        } else if (key == QLatin1String("address")) {
            if (!value.isEmpty() && !facts.addresses.contains(value))
                facts.addresses << value;
        } else if (key == QLatin1String("listeners")) {
            facts.listenersKnown = true;
        } else if (key == QLatin1String("listen")) {
            ListeningSocket socket;
            if (!splitHostPort(value.section(QLatin1Char(' '), 0, 0), &socket.address, &socket.port))
                continue;
            const QRegularExpressionMatch match = process.match(value.section(QLatin1Char(' '), 1));
            if (match.hasMatch()) {
                socket.program = match.captured(1);
                socket.pid = match.captured(2).toLongLong();
            }
            facts.listening << socket;
        } else if (key == QLatin1String("tcp")) {
            ListeningSocket socket;
            if (decodeProcNetAddress(value, &socket.address, &socket.port))
                facts.listening << socket;
        } else if (key == QLatin1String("ownpid")) {
            if (const qint64 pid = value.trimmed().toLongLong(); pid > 0)
                facts.ownPids.insert(pid);
        } else if (key == QLatin1String("cmd")) {
            const qint64 pid = value.section(QLatin1Char(' '), 0, 0).toLongLong();
            if (pid > 0)
                facts.commands.insert(pid, value.section(QLatin1Char(' '), 1).trimmed());
        } else if (key == QLatin1String("reach")) {
            // "ADDRESS PORT RESULT"; the address is everything before the last two words.
            const int last = value.lastIndexOf(QLatin1Char(' '));
            const int middle = last > 0 ? value.lastIndexOf(QLatin1Char(' '), last - 1) : -1;
            if (middle > 0)
                facts.reach << ReachProbe{value.left(middle), value.mid(middle + 1, last - middle - 1).toInt(),
                                          value.mid(last + 1)};
        } else if (key == QLatin1String("nfsd")) {
            facts.kernelNfsd = value;
        } else if (key == QLatin1String("nfs_client")) {
            facts.kernelNfsClient = value;
        } else if (key == QLatin1String("docker_client")) {
            facts.dockerClient = value;
        } else if (key == QLatin1String("docker_server")) {
            facts.dockerServer = value;
        } else if (key == QLatin1String("docker_error")) {
            facts.dockerError = value;
        } else if (key == QLatin1String("swarm")) {
            facts.swarmState = value.section(QLatin1Char(' '), 0, 0);
            facts.swarmClusterId = value.section(QLatin1Char(' '), 1).trimmed();
        } else if (key == QLatin1String("swarm_managers")) {
            facts.swarmManagers = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        } else if (key == QLatin1String("swarm_ours")) {
            facts.ourSwarmId = value;
        } else if (key == QLatin1String("ganesha_vfs")) {
            facts.ganeshaVfs = value;
        }
    }
    return facts;
}

} // namespace SparkDeck
