#include "nfsconfig.h"
#include "util/networkaddress.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

#include <optional>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::NfsConfigRenderer)
};

QString header(const NfsExport &share)
{
    // Not translated: read by the NFS server and by administrators.
    return QStringLiteral("# Written by SparkDeck for cluster '%1': its shared folder, for the "
                          "cluster's hosts only.\n# SparkDeck replaces this file on every 'up' and "
                          "removes it on 'down'.\n")
        .arg(share.cluster);
}

std::optional<Error> checkShare(const NfsExport &share)
{
    if (!NfsConfigRenderer::isExportablePath(share.path))
        return Error{Tr::tr("The shared folder '%1' cannot be exported: use an absolute path of "
                            "letters, digits and . _ - + @ /.").arg(share.path)};
    if (!NfsConfigRenderer::isExportablePath(share.pseudo))
        return Error{Tr::tr("The NFS path '%1' is not usable: use an absolute path of letters, "
                            "digits and . _ - + @ /.").arg(share.pseudo)};
    if (share.clients.isEmpty())
        return Error{Tr::tr("The shared folder has no clients: list the cluster's addresses.")};
    for (const QString &client : share.clients) {
        if (!NfsConfigRenderer::isValidClient(client))
            return Error{Tr::tr("'%1' is not an address, a CIDR range or a host name; it cannot be "
                                "an NFS client.").arg(client)};
    }
    return std::nullopt;
}

} // namespace

bool NfsConfigRenderer::isExportablePath(const QString &path)
{
    static const QRegularExpression plain(QStringLiteral("^(/[A-Za-z0-9._+@-]+)+/?$"));
    if (!plain.match(path).hasMatch())
        return false;
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return !parts.contains(QStringLiteral("..")) && !parts.contains(QStringLiteral("."));
}

bool NfsConfigRenderer::isValidClient(const QString &client)
{
    const QString address = client.section(QLatin1Char('/'), 0, 0);
    const QString prefix = client.contains(QLatin1Char('/')) ? client.section(QLatin1Char('/'), 1) : QString();
    QHostAddress host;
    if (host.setAddress(address)) {
        if (prefix.isNull())
            return true;
        bool ok = false;
        const int bits = prefix.toInt(&ok);
        const int max = host.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
        return ok && bits >= 0 && bits <= max && QString::number(bits) == prefix;
    }
    static const QRegularExpression name(
        QStringLiteral("^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    return prefix.isNull() && name.match(client).hasMatch();
}

QString NfsConfigRenderer::exportsFilePath(const QString &cluster)
{
    return QStringLiteral("/etc/exports.d/sparkdeck-%1.exports").arg(cluster);
}

Result<QString> NfsConfigRenderer::exportsFile(const NfsExport &share)
{
    if (const auto error = checkShare(share))
        return *error;
    const QString options = share.rootSquash ? QStringLiteral("(rw,sync,no_subtree_check,root_squash)")
                                             : QStringLiteral("(rw,sync,no_subtree_check,no_root_squash)");
    QString line = share.path;
    for (const QString &client : share.clients) {
        // An IPv6 client is written as is; exports(5) takes it without brackets.
        line += QLatin1Char(' ') + client + options;
    }
    return header(share) + line + QLatin1Char('\n');
}

Result<QString> NfsConfigRenderer::ganeshaConfig(const NfsExport &share, const GaneshaOptions &options)
{
    if (const auto error = checkShare(share))
        return *error;
    if (!options.bindAddress.isEmpty() && QHostAddress(options.bindAddress).isNull())
        return Error{Tr::tr("nfs-ganesha can only bind to an IP address, not '%1'.").arg(options.bindAddress)};
    if (options.port < 1 || options.port > 65535)
        return Error{Tr::tr("%1 is not a TCP port.").arg(options.port)};
    if (!isExportablePath(options.stateDir))
        return Error{Tr::tr("nfs-ganesha's state directory '%1' is not a plain absolute path.").arg(options.stateDir)};

    QString text = header(share);
    text += QStringLiteral("NFS_CORE_PARAM {\n");
    if (!options.bindAddress.isEmpty())
        text += QStringLiteral("    Bind_addr = %1;\n").arg(options.bindAddress);
    text += QStringLiteral("    NFS_Port = %1;\n"
                           "    Protocols = 4;\n"
                           "    Enable_NLM = false;\n"
                           "    Enable_RQUOTA = false;\n"
                           "    Enable_UDP = false;\n"
                           "}\n")
                .arg(options.port);
    // No grace period: clients reclaim nothing after a restart, and a new export serves at once.
    text += QStringLiteral("NFSV4 {\n"
                           "    Graceless = true;\n"
                           "    RecoveryBackend = fs;\n"
                           "    RecoveryRoot = \"%1/recovery\";\n"
                           "}\n")
                .arg(options.stateDir);
    text += QStringLiteral("EXPORT_DEFAULTS {\n    Access_Type = None;\n}\n");
    text += QStringLiteral("EXPORT {\n"
                           "    Export_Id = %1;\n"
                           "    Path = \"%2\";\n"
                           "    Pseudo = \"%3\";\n"
                           "    Protocols = 4;\n"
                           "    Transports = TCP;\n"
                           "    Access_Type = None;\n"
                           "    Squash = %4;\n"
                           "    SecType = sys;\n"
                           "    CLIENT {\n"
                           "        Clients = %5;\n"
                           "        Access_Type = RW;\n"
                           "    }\n"
                           "    FSAL {\n"
                           "        Name = VFS;\n"
                           "    }\n"
                           "}\n")
                .arg(options.exportId)
                .arg(share.path, share.pseudo,
                     share.rootSquash ? QStringLiteral("Root_Squash") : QStringLiteral("No_Root_Squash"),
                     share.clients.join(QStringLiteral(", ")));
    text += QStringLiteral("LOG {\n    Default_Log_Level = EVENT;\n}\n");
    return text;
}

QString NfsConfigRenderer::mountSource(const QString &server, const QString &pseudo)
{
    return NetworkAddress::bracketed(server) + QLatin1Char(':') + pseudo;
}

QString NfsConfigRenderer::url(const QString &server, const QString &pseudo, int port, const QString &file)
{
    QString path = pseudo;
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    path += file;
    QString text = QStringLiteral("nfs://%1%2?version=4").arg(NetworkAddress::bracketed(server), path);
    if (port != 2049)
        text += QStringLiteral("&nfsport=%1").arg(port);
    return text;
}

} // namespace SparkDeck
