#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

namespace SparkDeck {

/// What a new cloud or VirtualBox machine needs on first boot to be handed to provisioning.
struct CloudInitConfig
{
    /// One RFC 1123 label: "demo-1"; empty when the provider names each machine itself (one
    /// user-data for a batch of machines).
    QString hostname;
    QString user = QStringLiteral("root"); ///< who SparkDeck logs in as (machines.ssh.user)
    QString sshPublicKey;                  ///< one OpenSSH public key line: the user's own key
    /// Installed on first boot: a Java runtime for Spark and Python for PySpark.
    QStringList packages{QStringLiteral("openjdk-17-jre-headless"), QStringLiteral("python3")};
};

/// Renders cloud-init user-data (`#cloud-config`) for a machine a provider creates: its host
/// name, the user's public key for the login user (root, or a sudo user it creates), no
/// password logins, and the packages Spark needs. Pure: no I/O. Values are checked, not
/// escaped: a host name, user, key or package that is not what it claims is an Error naming it.
class CloudInitRenderer
{
public:
    static Result<QString> userData(const CloudInitConfig &config);

    static bool isValidHostname(const QString &hostname);
    /// "ssh-ed25519 AAAA... comment": a known key type, base64, an optional plain comment.
    static bool isValidPublicKey(const QString &key);
};

} // namespace SparkDeck
