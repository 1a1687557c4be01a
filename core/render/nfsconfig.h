#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

namespace SparkDeck {

/// One shared folder as an NFS export: the directory on the server, the NFSv4 path clients ask
/// for, and the only clients allowed to mount it (the cluster's addresses).
struct NfsExport
{
    QString cluster;      ///< the cluster's name, for the header comment and file names
    QString path;         ///< the exported directory on the server
    QString pseudo;       ///< the NFSv4 path clients mount; SparkDeck uses `path` itself
    QStringList clients;  ///< addresses, CIDR ranges or host names; never empty
    /// Root on a client becomes nobody on the server. Off by default: the clients are the
    /// cluster's own hosts, where SparkDeck already holds root, so squashing protects nothing
    /// and only stops daemons running as root from writing their files.
    bool rootSquash = false;
};

/// How nfs-ganesha runs: where it listens and where it keeps its state.
struct GaneshaOptions
{
    QString bindAddress;  ///< the server's private address; empty: every address
    int port = 2049;
    QString stateDir;     ///< recovery data lives below it (the cluster's nfs directory)
    int exportId = 1;
};

/// Renders NFS server configuration for a shared folder. Pure functions: no I/O.
///
/// Both servers serve NFSv4 only (no rpcbind, no mountd, one TCP port) and only to the listed
/// clients. Values are checked, not escaped: a path or client that the file format cannot
/// carry safely (whitespace, quotes, separators) is refused with an Error that names it.
class NfsConfigRenderer
{
public:
    /// The kernel server's line for /etc/exports.d/sparkdeck-<cluster>.exports, with a comment
    /// line above it: `PATH CLIENT(rw,sync,no_subtree_check,no_root_squash) ...`.
    static Result<QString> exportsFile(const NfsExport &share);
    /// /etc/exports.d/sparkdeck-<cluster>.exports
    static QString exportsFilePath(const QString &cluster);
    /// A complete ganesha.conf: NFSv4 over TCP, VFS FSAL, no NLM/RQUOTA/UDP, no grace period,
    /// access None by default and RW for the clients only.
    static Result<QString> ganeshaConfig(const NfsExport &share, const GaneshaOptions &options);

    /// `10.77.0.11:/srv/share` (IPv6 in brackets), for `mount -t nfs4 SOURCE DIR`.
    static QString mountSource(const QString &server, const QString &pseudo);
    /// `nfs://10.77.0.11/srv/share/FILE?version=4` (`&nfsport=N` unless 2049), for libnfs tools.
    static QString url(const QString &server, const QString &pseudo, int port = 2049,
                       const QString &file = QString());

    /// Whether `path` can go into an exports or ganesha file as it is.
    static bool isExportablePath(const QString &path);
    /// Whether `client` is an address, a CIDR range or a host name.
    static bool isValidClient(const QString &client);
};

} // namespace SparkDeck
