#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SparkDeck::Test {

/// One lab host: an sshd in its own network, UTS and mount namespace (tests/lab/lab-hosts.sh).
struct LabHost
{
    QString name;    ///< h1..hN; also the host's hostname
    QString address; ///< IPv4 address, sshd listens on port 22
    quint16 port = 22;
};

/// The test lab as a test sees it: reads the lab directory that `lab-hosts.sh up N` wrote
/// (the CTest fixture `lab` does that and sets SPARKDECK_LAB_DIR for tests that require it),
/// and drives the host faults the SSH tests need through the same script.
///
/// Rules: a test starts with SPARKDECK_REQUIRE_LAB(lab), which skips it when `!available()`.
/// Hosts are shared by all tests of one CTest run; a test that changes a host (stopSshd, rekey,
/// disconnect) restores it before it ends and is RUN_SERIAL in CTest. The hosts share the PID
/// space: stop things by PID.
class LabHosts
{
public:
    /// The lab in $SPARKDECK_LAB_DIR (unavailable, with a reason, if unset or not up).
    static LabHosts fromEnvironment();
    static LabHosts fromDirectory(const QString &labDir);

    bool available() const { return m_unavailableReason.isEmpty(); }
    QString unavailableReason() const { return m_unavailableReason; }

    QString directory() const { return m_dir; }
    QList<LabHost> hosts() const { return m_hosts; }
    std::optional<LabHost> host(const QString &name) const;

    QString identityFile() const;      ///< ed25519 client key (authorized as root on every host)
    QString ecdsaIdentityFile() const; ///< ECDSA P-256 client key (authorized too); no RSA key
    QString knownHostsFile() const;    ///< OpenSSH format, the keys the hosts really serve now
    QString sshConfigFile() const;     ///< for /usr/bin/ssh -F: Host h1.., strict host key check
    QStringList privateDirs() const;   ///< directories each host has to itself, e.g. /opt /srv

    /// Where `path` on `host` lives on this machine's file system (private dirs are bind mounts
    /// of directories in the lab dir), so a test can check a host's files without SSH.
    QString hostPath(const QString &host, const QString &path) const;

    /// Kill the host's sshd and all its sessions: open connections drop mid-command.
    bool stopSshd(const QString &host, QString *errorMessage = nullptr) const;
    bool startSshd(const QString &host, QString *errorMessage = nullptr) const;
    /// New host key, listener restarted (sessions survive), knownHostsFile() updated.
    /// Copy knownHostsFile() first to hold the old key.
    bool rekey(const QString &host, QString *errorMessage = nullptr) const;
    /// Back to the key the host had at `up`; knownHostsFile() updated.
    bool restoreHostKey(const QString &host, QString *errorMessage = nullptr) const;
    /// Unplug the host from the lab bridge: packets are dropped, connections hang (timeouts).
    bool disconnect(const QString &host, QString *errorMessage = nullptr) const;
    bool reconnect(const QString &host, QString *errorMessage = nullptr) const;
    /// A user that exists on `host` only, with `password`; sshd there takes its password and the
    /// keys in its own ~/.ssh/authorized_keys (root still logs in by the lab's keys only).
    /// Starts over (empty home) when the user exists. Remove it with removeUser() afterwards.
    bool addUser(const QString &host, const QString &user, const QString &password,
                 QString *errorMessage = nullptr) const;
    bool removeUser(const QString &host, const QString &user, QString *errorMessage = nullptr) const;
    /// The home directory of a user made by addUser(), as a path on this machine (and on the host).
    QString userHome(const QString &host, const QString &user) const;
    /// Run a program inside the host's namespaces as root, without SSH (exit code 0 = true).
    bool runOnHost(const QString &host, const QStringList &command, QByteArray *output = nullptr,
                   QString *errorMessage = nullptr) const;

    /// tests/lab/lab-hosts.sh of this source tree.
    static QString scriptPath();

private:
    bool runScript(const QStringList &arguments, QByteArray *output, QString *errorMessage,
                   const QByteArray &input = QByteArray()) const;

    QString m_dir;
    QString m_unavailableReason = QStringLiteral("no lab directory was read");
    QList<LabHost> m_hosts;
    QStringList m_privateDirs;
};

} // namespace SparkDeck::Test

/// Skips the calling test function, with the lab's reason, when `lab` is not available.
#define SPARKDECK_REQUIRE_LAB(lab)                                                                 \
    do {                                                                                           \
        if (!(lab).available())                                                                    \
            QSKIP(qPrintable((lab).unavailableReason()));                                          \
    } while (false)
