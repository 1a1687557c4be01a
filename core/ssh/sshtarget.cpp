#include "sshtarget.h"

#include <QDir>

namespace SparkDeck {

QString SshTarget::displayName() const
{
    QString name = user + QLatin1Char('@') + host;
    if (port != 22)
        name += QLatin1Char(':') + QString::number(port);
    return name;
}

QString SshTarget::poolKey() const
{
    return QStringLiteral("%1@%2:%3|%4").arg(user, host).arg(port).arg(identityFile);
}

QString SshTarget::expandHome(const QString &path)
{
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

SshTarget SshTarget::fromSpec(const SshSpec &ssh, const HostSpec &host)
{
    SshTarget target;
    target.host = host.address;
    target.port = host.port.value_or(ssh.port);
    target.user = host.user.isEmpty() ? ssh.user : host.user;
    target.identityFile = expandHome(ssh.identity);
    target.knownHostsFile = expandHome(ssh.knownHosts);
    target.hostKeyPolicy = ssh.hostKeyPolicy;
    return target;
}

} // namespace SparkDeck
