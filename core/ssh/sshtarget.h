#pragma once

#include "spec/clusterspec.h"

#include <QString>

namespace SparkDeck {

/// Everything needed to open one SSH connection: where, as whom, which credentials may be
/// tried and how host keys are checked. A plain value. The password, when set, lives only in
/// memory for first contact; it is never logged, journaled or written to a cluster file.
struct SshTarget
{
    QString host;
    int port = 22;
    QString user = QStringLiteral("root");
    /// Private key file (ed25519 or ECDSA); empty means "agent and password only".
    QString identityFile;
    bool useAgent = true;
    QString password;
    QString knownHostsFile;
    HostKeyPolicy hostKeyPolicy = HostKeyPolicy::Ask;

    int connectTimeoutMs = 15000;   ///< name lookup and TCP connect
    int authTimeoutMs = 30000;      ///< SSH handshake and authentication
    int keepaliveIntervalSec = 10;  ///< 0 disables keepalives
    int keepaliveCountMax = 3;      ///< unanswered intervals before the connection counts as lost
    int maxChannels = 8;            ///< sshd's MaxSessions defaults to 10 per connection

    /// "user@host" or "user@host:port", for messages.
    QString displayName() const;
    /// The same target gets the same key; used by SshSessionPool for one connection per host.
    QString poolKey() const;
    bool isRoot() const { return user == QLatin1String("root"); }

    /// A target for one host of a cluster file, with `~` expanded in the paths.
    static SshTarget fromSpec(const SshSpec &ssh, const HostSpec &host);
    static QString expandHome(const QString &path);
};

} // namespace SparkDeck
