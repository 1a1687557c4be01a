#include "hostonlynetworks.h"

#include <QHostAddress>

namespace SparkDeck {

QList<HostOnlyNetwork> HostOnlyNetworks::parse(const QByteArray &listing)
{
    QList<HostOnlyNetwork> networks;
    for (const QByteArray &rawLine : listing.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        const int colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon);
        const QString value = QString::fromUtf8(line.mid(colon + 1)).trimmed();
        if (key == "Name")
            networks.append({value, {}, {}});
        else if (networks.isEmpty())
            continue;
        else if (key == "IPAddress" || key == "LowerIP")
            networks.last().address = value;
        else if (key == "NetworkMask")
            networks.last().mask = value;
    }
    return networks;
}

std::optional<int> HostOnlyNetworks::freeSubnet(const QList<HostOnlyNetwork> &existing)
{
    for (int octet = 56; octet <= 63; ++octet) {
        const QHostAddress subnet(QStringLiteral("192.168.%1.0").arg(octet));
        const bool used = std::any_of(
            existing.cbegin(), existing.cend(), [&subnet](const HostOnlyNetwork &network) {
                return QHostAddress(network.address).isInSubnet(subnet, 24);
            });
        if (!used)
            return octet;
    }
    return std::nullopt;
}

bool HostOnlyNetworks::usesHostOnlyNets()
{
#ifdef Q_OS_MACOS
    return true;
#else
    return false;
#endif
}

} // namespace SparkDeck
