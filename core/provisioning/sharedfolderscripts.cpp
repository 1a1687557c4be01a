#include "sharedfolderscripts.h"

#include "render/nfsconfig.h"
#include "ssh/shellcommand.h"

#include <QCryptographicHash>

namespace SparkDeck {

namespace {

/// Every program starts here: sbin on PATH (exportfs, mount.nfs, ganesha.nfsd live there and a
/// non-root login's PATH lacks it), and two helpers: `alive PID` (running, not a zombie: the
/// hosts of a lab, and containers, may reap late) and `ours PID CONF` (PID is a ganesha.nfsd
/// started with exactly this configuration file: a stale pid file never kills a stranger).
constexpr char kPrelude[] = R"SH(PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"; export PATH
alive() { [ -n "$1" ] && s=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) && [ -n "$s" ] && [ "$s" != Z ]; }
ours() { alive "$1" && tr '\000' '\n' < "/proc/$1/cmdline" 2>/dev/null | grep -qxF -- "$2"; }
nfs_mounted() { awk -v m="$1" -v s="$2" '$2 == m && $1 == s && $3 ~ /^nfs/ { f = 1 } END { exit !f }' /proc/mounts; }
bind_mounted() { [ "$1" != "$2" ] && mountpoint -q "$1" 2>/dev/null && [ "$(stat -c %d:%i "$1" 2>/dev/null)" = "$(stat -c %d:%i "$2" 2>/dev/null)" ]; }
tcp_open() {
  if command -v bash >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then
    timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket, sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), 5).close()' "$1" "$2" 2>/dev/null
  else
    return 2
  fi
}
install_packages() { # apt rpm zypper apk: package lists for each family
  export DEBIAN_FRONTEND=noninteractive
  if command -v apt-get >/dev/null 2>&1; then
    apt-get -q -o DPkg::Lock::Timeout=600 update >/dev/null || exit 75
    apt-get -q -y -o DPkg::Lock::Timeout=600 install --no-install-recommends $1 || exit 1
  elif command -v dnf >/dev/null 2>&1; then dnf -y install $2 || exit 1
  elif command -v yum >/dev/null 2>&1; then yum -y install $2 || exit 1
  elif command -v zypper >/dev/null 2>&1; then zypper -n install $3 || exit 1
  elif command -v apk >/dev/null 2>&1; then apk add $4 || exit 1
  else echo 'no supported package manager (apt-get, dnf, yum, zypper, apk)' >&2; exit 3; fi
}
)SH";

CommandRequest program(const char *text, const QStringList &arguments, bool asRoot, int timeoutMs)
{
    QStringList words{QStringLiteral("-c"), QString::fromLatin1(kPrelude) + QString::fromLatin1(text),
                      QStringLiteral("sparkdeck")};
    words << arguments;
    return {ShellCommand(QStringLiteral("sh"), words).toString(), {}, asRoot, timeoutMs};
}

constexpr int kShort = 30000;
constexpr int kInstall = 20 * 60 * 1000;

} // namespace

QString SharedFolderScripts::mountSource() const
{
    return NfsConfigRenderer::mountSource(m_paths.serverAddress, m_paths.exportPath);
}

QString SharedFolderScripts::url(const QString &file) const
{
    return NfsConfigRenderer::url(m_paths.serverAddress, m_paths.exportPath, m_paths.port, file);
}

CommandRequest SharedFolderScripts::serverKind() const
{
    return program(R"SH(
if ours "$(cat "$1" 2>/dev/null)" "$2"; then echo ganesha; exit 0; fi
if grep -qw nfsd /proc/filesystems 2>/dev/null \
   || { command -v modprobe >/dev/null 2>&1 && modprobe -n -q nfsd >/dev/null 2>&1; }; then
  echo kernel
else
  echo ganesha
fi
)SH", {ganeshaPidFile(), ganeshaConfigPath()}, false, kShort);
}

CommandRequest SharedFolderScripts::kernelServerInstalled()
{
    return program("command -v exportfs >/dev/null 2>&1 || exit 1\n", {}, false, kShort);
}

CommandRequest SharedFolderScripts::installKernelServer()
{
    return program("install_packages nfs-kernel-server nfs-utils nfs-kernel-server nfs-utils\n", {}, true, kInstall);
}

CommandRequest SharedFolderScripts::ganeshaInstalled()
{
    return program(R"SH(
command -v ganesha.nfsd >/dev/null 2>&1 || exit 1
for f in /usr/lib/x86_64-linux-gnu/ganesha/libfsalvfs.so /usr/lib/aarch64-linux-gnu/ganesha/libfsalvfs.so \
         /usr/lib64/ganesha/libfsalvfs.so /usr/lib/ganesha/libfsalvfs.so /usr/lib/*/ganesha/libfsalvfs.so; do
  [ -e "$f" ] && exit 0
done
exit 1
)SH", {}, false, kShort);
}

CommandRequest SharedFolderScripts::installGanesha()
{
    return program(R"SH(
install_packages 'nfs-ganesha nfs-ganesha-vfs' 'nfs-ganesha nfs-ganesha-vfs' 'nfs-ganesha nfs-ganesha-vfs' 'nfs-ganesha'
# A distribution's own service would hold port 2049 with its default configuration.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nfs-ganesha 2>/dev/null; then
  systemctl disable --now nfs-ganesha >/dev/null 2>&1 \
    && echo "stopped the distribution's nfs-ganesha service: SparkDeck runs its own for this cluster"
fi
exit 0
)SH", {}, true, kInstall);
}

CommandRequest SharedFolderScripts::exportDirectoryExists() const
{
    return program("[ -d \"$1\" ] || exit 1\n", {m_paths.exportPath}, false, kShort);
}

CommandRequest SharedFolderScripts::createExportDirectory() const
{
    return program(R"SH(
[ -d "$1" ] && exit 0
mkdir -p -- "$1" && chown -- "${SUDO_USER:-$(id -un)}" "$1"
)SH", {m_paths.exportPath}, true, kShort);
}

CommandRequest SharedFolderScripts::fileHasContent(const QString &path, const QByteArray &content) const
{
    const QString sum = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    return program("printf '%s  %s\\n' \"$2\" \"$1\" | sha256sum -c --status >/dev/null 2>&1 || exit 1\n",
                   {path, sum}, true, kShort);
}

CommandRequest SharedFolderScripts::writeExportsFile(const QString &path, const QByteArray &content) const
{
    CommandRequest request = program(R"SH(
umask 022
mkdir -p -- "${1%/*}" && cat > "$1.part" && chmod 644 "$1.part" && mv -f -- "$1.part" "$1" || exit 1
if command -v exportfs >/dev/null 2>&1; then exportfs -ra || exit 1; fi
)SH", {path}, true, kShort);
    request.standardInput = content;
    return request;
}

CommandRequest SharedFolderScripts::writeGaneshaConfig(const QByteArray &content) const
{
    CommandRequest request = program(R"SH(
umask 022
mkdir -p -- "$2/recovery" && cat > "$1.part" && chmod 644 "$1.part" && mv -f -- "$1.part" "$1"
)SH", {ganeshaConfigPath(), m_paths.nfsDir}, true, kShort);
    request.standardInput = content;
    return request;
}

CommandRequest SharedFolderScripts::kernelServing() const
{
    return program(R"SH(
[ "$(cat /proc/fs/nfsd/threads 2>/dev/null || echo 0)" -gt 0 ] 2>/dev/null || exit 1
exportfs -v 2>/dev/null | awk -v p="$1" '$1 == p { f = 1 } END { exit !f }' || exit 1
)SH", {m_paths.exportPath}, true, kShort);
}

CommandRequest SharedFolderScripts::startKernelServer() const
{
    return program(R"SH(
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl enable --now nfs-server >/dev/null 2>&1 || systemctl enable --now nfs-kernel-server || exit 1
elif [ -x /etc/init.d/nfs-kernel-server ]; then /etc/init.d/nfs-kernel-server start || exit 1
elif command -v rc-service >/dev/null 2>&1; then rc-service nfs start || exit 1
else echo 'cannot start the kernel NFS server here: neither systemd nor an init script' >&2; exit 3; fi
exportfs -ra
)SH", {}, true, 120000);
}

CommandRequest SharedFolderScripts::ganeshaServing() const
{
    return program(R"SH(
conf=$1/ganesha.conf
ours "$(cat "$1/ganesha.pid" 2>/dev/null)" "$conf" || exit 1
sha256sum -c --status "$1/ganesha.started" >/dev/null 2>&1 || exit 1
if command -v nfs-ls >/dev/null 2>&1; then
  nfs-ls "$4" >/dev/null 2>&1 || exit 1
else
  tcp_open "$2" "$3"; rc=$?
  [ $rc = 0 ] || [ $rc = 2 ] || exit 1
fi
exit 0
)SH", {m_paths.nfsDir, m_paths.serverAddress, QString::number(m_paths.port), url()}, true, kShort);
}

CommandRequest SharedFolderScripts::startGanesha() const
{
    return program(R"SH(
d=$1; conf=$d/ganesha.conf
mkdir -p -- "$d/recovery" || exit 1
pid=$(cat "$d/ganesha.pid" 2>/dev/null)
if ours "$pid" "$conf"; then
  echo "restarting nfs-ganesha (pid $pid) with the new configuration"
  kill "$pid" 2>/dev/null
  i=0; while alive "$pid" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  alive "$pid" && kill -9 "$pid" 2>/dev/null
fi
rm -f -- "$d/ganesha.pid" "$d/ganesha.started"
: > "$d/ganesha.log"
if ! ganesha.nfsd -L "$d/ganesha.log" -f "$conf" -p "$d/ganesha.pid" -N NIV_EVENT </dev/null >/dev/null 2>&1; then
  echo "ganesha.nfsd did not start:" >&2; tail -n 5 "$d/ganesha.log" >&2; exit 1
fi
i=0
while [ $i -lt 150 ] && ! grep -q 'NFS SERVER INITIALIZED' "$d/ganesha.log" 2>/dev/null; do
  sleep 0.1; i=$((i + 1))
done
pid=$(cat "$d/ganesha.pid" 2>/dev/null)
if ! alive "$pid" || ! grep -q 'NFS SERVER INITIALIZED' "$d/ganesha.log" 2>/dev/null; then
  echo "nfs-ganesha did not come up; from its log $d/ganesha.log:" >&2
  grep -E ':(FATAL|CRIT|MAJ) :' "$d/ganesha.log" 2>/dev/null \
    | grep -vE ':DBUS :|krb5|credentials for principal|Register_program' | tail -n 5 | sed 's/^.*\] //' >&2
  ours "$pid" "$conf" && kill "$pid" 2>/dev/null
  exit 1
fi
sha256sum "$conf" > "$d/ganesha.started"
echo "nfs-ganesha serves $2 (pid $pid)"
)SH", {m_paths.nfsDir, url()}, true, 60000);
}

CommandRequest SharedFolderScripts::stopServing(const QString &exportsFile) const
{
    return program(R"SH(
d=$1; conf=$d/ganesha.conf
pid=$(cat "$d/ganesha.pid" 2>/dev/null)
if ours "$pid" "$conf"; then
  kill "$pid" 2>/dev/null
  i=0; while alive "$pid" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  if alive "$pid"; then kill -9 "$pid" 2>/dev/null; sleep 0.2; fi
  echo "stopped nfs-ganesha (pid $pid)"
fi
if [ -f "$2" ]; then
  rm -f -- "$2"
  if command -v exportfs >/dev/null 2>&1; then exportfs -ra; fi
  echo "removed $2"
fi
rm -rf -- "$d"
)SH", {m_paths.nfsDir, exportsFile}, true, 60000);
}

CommandRequest SharedFolderScripts::deleteExportData() const
{
    return program(R"SH(
case $1 in /|/bin|/boot|/dev|/etc|/home|/lib|/lib64|/opt|/proc|/root|/run|/sbin|/srv|/sys|/tmp|/usr|/var)
  echo "refusing to delete $1" >&2; exit 3 ;;
esac
[ -n "$1" ] || exit 3
rm -rf -- "$1"
)SH", {m_paths.exportPath}, true, 10 * 60 * 1000);
}

CommandRequest SharedFolderScripts::mounted() const
{
    return program("nfs_mounted \"$1\" \"$2\" || bind_mounted \"$1\" \"$3\" || exit 1\n",
                   {m_paths.mountPath, mountSource(), m_paths.exportPath}, false, kShort);
}

CommandRequest SharedFolderScripts::mount(const QString &options) const
{
    return program(R"SH(
nfs_mounted "$1" "$2" && exit 0
libnfs() { if command -v nfs-cp >/dev/null 2>&1; then echo libnfs=yes; else echo libnfs=no; fi; }
# Kernel support: listed, loadable, or (without modprobe) only known by trying.
known=unknown
if grep -qw nfs4 /proc/filesystems 2>/dev/null; then known=yes
elif command -v modprobe >/dev/null 2>&1; then
  if { modprobe -q nfsv4 || modprobe -q nfs; } >/dev/null 2>&1 && grep -qw nfs4 /proc/filesystems 2>/dev/null; then known=yes
  else known=no; fi
fi
if [ "$known" = no ]; then libnfs; echo 'the kernel has no NFS client' >&2; exit 3; fi
if ! command -v mount.nfs4 >/dev/null 2>&1 && ! command -v mount.nfs >/dev/null 2>&1; then
  install_packages nfs-common nfs-utils nfs-client nfs-utils
fi
if mountpoint -q "$1" 2>/dev/null; then
  echo "$1 is already a mount point of something else; unmount it or choose another shared_folder.mount" >&2
  exit 1
fi
mkdir -p -- "$1" || exit 1
out=$(mount -t nfs4 -o "$3" "$2" "$1" 2>&1) && exit 0
case $out in
  *"unknown filesystem type"*|*"No such device"*|*"not supported"*)
    libnfs; echo 'the kernel has no NFS client' >&2; exit 3 ;;
esac
echo "$out" >&2
case $out in
  *denied*|*"No such file"*) exit 1 ;;
  *) exit 75 ;;
esac
)SH", {m_paths.mountPath, mountSource(),
           options.isEmpty() ? (m_paths.port == 2049 ? QStringLiteral("rw")
                                                     : QStringLiteral("rw,port=%1").arg(m_paths.port))
                             : options},
                   true, 20 * 60 * 1000);
}

CommandRequest SharedFolderScripts::bindMount() const
{
    return program(R"SH(
bind_mounted "$1" "$2" && exit 0
if mountpoint -q "$1" 2>/dev/null; then
  echo "$1 is already a mount point of something else; unmount it or choose another shared_folder.mount" >&2
  exit 1
fi
mkdir -p -- "$1" && mount --bind "$2" "$1"
)SH", {m_paths.mountPath, m_paths.exportPath}, true, kShort);
}

CommandRequest SharedFolderScripts::unmount() const
{
    return program(R"SH(
if nfs_mounted "$1" "$2" || bind_mounted "$1" "$3"; then
  umount -- "$1" 2>/dev/null || umount -l -- "$1" || exit 1
  echo "unmounted $1"
fi
exit 0
)SH", {m_paths.mountPath, mountSource(), m_paths.exportPath}, true, 60000);
}

CommandRequest SharedFolderScripts::writeProbe(const QString &name, const QString &token) const
{
    return program(R"SH(
if nfs_mounted "$1" "$2" || bind_mounted "$1" "$5"; then
  printf '%s\n' "$4" > "$1/$3" || exit 1
  echo mount
elif command -v nfs-cp >/dev/null 2>&1; then
  t=$(mktemp) || exit 1
  printf '%s\n' "$4" > "$t"
  out=$(nfs-cp "$t" "$6" 2>&1); rc=$?
  rm -f -- "$t"
  if [ $rc != 0 ]; then echo "$out" >&2; exit 1; fi
  echo libnfs
else
  echo "the shared folder is not mounted at $1 and there are no libnfs tools (nfs-cp) to reach it" >&2
  exit 3
fi
)SH", {m_paths.mountPath, mountSource(), name, token, m_paths.exportPath, url(name)}, false, 60000);
}

CommandRequest SharedFolderScripts::readProbe(const QString &name, const QString &token) const
{
    return program(R"SH(
f=$1/$2
if [ ! -f "$f" ]; then echo "$2 did not arrive in $1 on the server" >&2; exit 1; fi
if ! grep -qxF -- "$3" "$f"; then rm -f -- "$f"; echo "$f holds something else than was written" >&2; exit 1; fi
rm -f -- "$f"
)SH", {m_paths.exportPath, name, token}, true, kShort);
}

CommandRequest SharedFolderScripts::readProbeBack(const QString &name, const QString &token) const
{
    return program(R"SH(
if nfs_mounted "$1" "$2"; then
  grep -qxF -- "$4" "$1/$3" 2>/dev/null || { echo "$1/$3 does not hold what was written" >&2; exit 1; }
  rm -f -- "$1/$3"
elif command -v nfs-cat >/dev/null 2>&1; then
  nfs-cat "$5" 2>/dev/null | grep -qxF -- "$4" || { echo "reading $5 back gave something else" >&2; exit 1; }
else
  exit 3
fi
)SH", {m_paths.mountPath, mountSource(), name, token, url(name)}, false, 60000);
}

CommandRequest SharedFolderScripts::serverAnswers() const
{
    return program(R"SH(
tcp_open "$1" "$2"; rc=$?
[ $rc = 0 ] && exit 0
[ $rc = 2 ] && { echo "cannot test TCP here (neither bash with timeout nor python3)" >&2; exit 0; }
echo "the NFS server $1 does not answer on port $2" >&2; exit 75
)SH", {m_paths.serverAddress, QString::number(m_paths.port)}, false, kShort);
}

} // namespace SparkDeck
