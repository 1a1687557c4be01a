#include "cloudinit.h"

#include "spec/clusterspecvalidator.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::CloudInitRenderer)
};

bool matches(const QString &pattern, const QString &text)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(text).hasMatch();
}

/// Every value was checked to hold no quote, backslash or line break, so double quotes
/// make it a plain YAML string whatever it looks like (`yes`, `3.8`, `null`).
QString quoted(const QString &value)
{
    return QLatin1Char('"') + value + QLatin1Char('"');
}
} // namespace

bool CloudInitRenderer::isValidHostname(const QString &hostname)
{
    return matches(QStringLiteral("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"), hostname);
}

bool CloudInitRenderer::isValidPublicKey(const QString &key)
{
    return key.size() <= 16384
           && matches(
               QStringLiteral("(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|"
                              "sk-ssh-ed25519@openssh\\.com|sk-ecdsa-sha2-nistp256@openssh\\.com)"
                              " [A-Za-z0-9+/]+={0,2}( [A-Za-z0-9@._+:-]+)?"),
               key.trimmed());
}

Result<QString> CloudInitRenderer::userData(const CloudInitConfig &config)
{
    if (!config.hostname.isEmpty() && !isValidHostname(config.hostname)) {
        return Error{
            Tr::tr("host name '%1' must be lowercase letters, digits and inner dashes, at most 63")
                .arg(config.hostname)};
    }
    if (!ClusterSpecValidator::isValidUserName(config.user))
        return Error{Tr::tr("user '%1' is not a valid login name").arg(config.user)};
    if (!isValidPublicKey(config.sshPublicKey)) {
        return Error{
            Tr::tr("the public key is not one OpenSSH public key line (such as the content of "
                   "~/.ssh/id_ed25519.pub)")};
    }
    for (const QString &package : config.packages) {
        if (!matches(QStringLiteral("[a-z0-9][a-z0-9+.-]{0,127}"), package))
            return Error{Tr::tr("'%1' is not a Debian package name").arg(package)};
    }

    const bool root = config.user == QLatin1String("root");
    QStringList lines{
        QStringLiteral("#cloud-config"),
        QStringLiteral("# Written by SparkDeck; SparkDeck provisions the rest over SSH.")};
    if (!config.hostname.isEmpty())
        lines << QStringLiteral("hostname: %1").arg(quoted(config.hostname))
              << QStringLiteral("preserve_hostname: false");
    lines << QStringLiteral("ssh_pwauth: false")
          << QStringLiteral("disable_root: %1")
                 .arg(root ? QStringLiteral("false") : QStringLiteral("true"))
          << QStringLiteral("users:") << QStringLiteral("  - name: %1").arg(quoted(config.user));
    if (!root) {
        lines << QStringLiteral("    sudo: \"ALL=(ALL) NOPASSWD:ALL\"")
              << QStringLiteral("    shell: \"/bin/bash\"")
              << QStringLiteral("    lock_passwd: true");
    }
    lines << QStringLiteral("    ssh_authorized_keys:")
          << QStringLiteral("      - %1").arg(quoted(config.sshPublicKey.trimmed()));
    if (!config.packages.isEmpty()) {
        lines << QStringLiteral("package_update: true") << QStringLiteral("packages:");
        for (const QString &package : config.packages)
            lines << QStringLiteral("  - %1").arg(quoted(package));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace SparkDeck
