#pragma once

#include "provisioning/machine.h"

#include <QByteArray>
#include <QString>

namespace SparkDeck {

/// Where a shared folder lives and how clients reach it: the values its scripts need.
struct SharedFolderPaths
{
    QString cluster;        ///< the cluster's name
    QString exportPath;     ///< the directory on the server
    QString mountPath;      ///< where workers see it
    QString serverAddress;  ///< the NFS server's address (clients mount from it)
    int port = 2049;
    QString nfsDir;         ///< the server's state for nfs-ganesha: /opt/sparkdeck/<name>/nfs
};

/// The shell scripts of a cluster's shared folder, as pairs of check and apply. Pure
/// functions, in the manner of SparkScripts: each is a fixed POSIX sh program and every value
/// reaches it as an argument (`sh -c PROGRAM sparkdeck VALUE...`), never as program text.
/// A check exits 0 when the world holds and 1 when it does not; 75 means "try later"
/// (dpkg lock held, the server not answering yet); 3 means "this host cannot" (no kernel NFS
/// client, no package manager), which no retry changes.
class SharedFolderScripts
{
public:
    static constexpr int kCannotExitCode = 3;

    explicit SharedFolderScripts(const SharedFolderPaths &paths) : m_paths(paths) {}

    QString ganeshaConfigPath() const { return m_paths.nfsDir + QStringLiteral("/ganesha.conf"); }
    QString ganeshaPidFile() const { return m_paths.nfsDir + QStringLiteral("/ganesha.pid"); }
    QString ganeshaLogFile() const { return m_paths.nfsDir + QStringLiteral("/ganesha.log"); }

    // Server: which NFS server, its packages, the folder, the export, the daemon.
    /// Prints "kernel" (the kernel has nfsd) or "ganesha"; "ganesha" too while our ganesha runs.
    CommandRequest serverKind() const;
    static CommandRequest kernelServerInstalled();
    static CommandRequest installKernelServer();
    static CommandRequest ganeshaInstalled();
    /// Installs nfs-ganesha and its VFS module, then stops a distribution service it started.
    static CommandRequest installGanesha();
    CommandRequest exportDirectoryExists() const;
    /// mkdir -p, owned by the login user (SUDO_USER) when SparkDeck creates it.
    CommandRequest createExportDirectory() const;
    CommandRequest fileHasContent(const QString &path, const QByteArray &content) const;
    /// Atomic write (part file, then rename), mode 0644; for the exports file also `exportfs -ra`.
    CommandRequest writeExportsFile(const QString &path, const QByteArray &content) const;
    CommandRequest writeGaneshaConfig(const QByteArray &content) const;
    CommandRequest kernelServing() const;
    CommandRequest startKernelServer() const;
    /// Our ganesha runs (pid file, its command line names our config), with the config as it is
    /// now, and answers on its port (and to nfs-ls when the host has it).
    CommandRequest ganeshaServing() const;
    /// Stops an older instance of ours (by PID), starts ganesha.nfsd as a daemon with a pid
    /// file, waits until it says "NFS SERVER INITIALIZED"; fails with its log's complaints.
    CommandRequest startGanesha() const;
    /// Stops our ganesha by the PID in its pid file (checked against its command line), removes
    /// our exports file (and re-exports), removes the nfs state directory. Keeps the data.
    CommandRequest stopServing(const QString &exportsFile) const;
    CommandRequest deleteExportData() const;

    // Workers.
    /// The folder is mounted at the mount path: the NFS export, or a bind of the export path
    /// on the server's own host.
    CommandRequest mounted() const;
    /// `mount -t nfs4`; exit 3 with "no kernel NFS client" (and `libnfs=yes|no` on stdout) when
    /// the kernel cannot; installs the mount helper (nfs-common / nfs-utils) when missing.
    CommandRequest mount(const QString &options = QString()) const;
    /// On the server's own host, when the mount path differs from the export path.
    CommandRequest bindMount() const;
    CommandRequest unmount() const;

    // Verification: write on a worker, read on the server.
    /// Writes `token` into `name` through the mount, or through libnfs (nfs-cp) when the folder
    /// is not mounted; prints "mount" or "libnfs" as its last line; exit 3 when it has neither.
    CommandRequest writeProbe(const QString &name, const QString &token) const;
    /// On the server: the file holds `token`; removes it either way.
    CommandRequest readProbe(const QString &name, const QString &token) const;
    /// On a worker, when the server is not a cluster host: reads the file back and removes it.
    CommandRequest readProbeBack(const QString &name, const QString &token) const;
    /// From any host: TCP to the server's NFS port.
    CommandRequest serverAnswers() const;

    QString mountSource() const;
    QString url(const QString &file = QString()) const;

private:
    SharedFolderPaths m_paths;
};

} // namespace SparkDeck
