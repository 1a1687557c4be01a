#include "nocloudseed.h"

#include "render/cloudinit.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::NoCloudSeedRenderer)
};

bool isMac(const QString &text)
{
    static const QRegularExpression mac(
        QRegularExpression::anchoredPattern(QStringLiteral("([0-9a-f]{2}:){5}[0-9a-f]{2}")));
    return mac.match(text).hasMatch();
}
} // namespace

Result<QString> NoCloudSeedRenderer::metaData(const QString &instanceId, const QString &hostname)
{
    static const QRegularExpression id(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")));
    if (!id.match(instanceId).hasMatch())
        return Error{
            Tr::tr("instance id '%1' must be letters, digits, dots, dashes and underscores")
                .arg(instanceId)};
    if (!CloudInitRenderer::isValidHostname(hostname))
        return Error{
            Tr::tr("host name '%1' must be lowercase letters, digits and inner dashes, at most 63")
                .arg(hostname)};
    return QStringLiteral("instance-id: \"%1\"\nlocal-hostname: \"%2\"\n")
        .arg(instanceId, hostname);
}

Result<QString> NoCloudSeedRenderer::networkConfig(const NoCloudNetwork &network)
{
    if (!isMac(network.natMac) || !isMac(network.hostOnlyMac))
        return Error{Tr::tr(
            "the adapters' MAC addresses must be six lowercase hex pairs separated by colons")};
    const QHostAddress address(network.address);
    if (address.protocol() != QAbstractSocket::IPv4Protocol || network.prefixLength < 8
        || network.prefixLength > 30)
        return Error{Tr::tr("'%1/%2' is not an IPv4 address with a prefix length from 8 to 30")
                         .arg(network.address)
                         .arg(network.prefixLength)};
    return QStringLiteral("version: 2\n"
                          "ethernets:\n"
                          "  nat:\n"
                          "    match:\n"
                          "      macaddress: \"%1\"\n"
                          "    dhcp4: true\n"
                          "  hostonly:\n"
                          "    match:\n"
                          "      macaddress: \"%2\"\n"
                          "    dhcp4: false\n"
                          "    addresses:\n"
                          "      - \"%3/%4\"\n")
        .arg(network.natMac, network.hostOnlyMac, address.toString())
        .arg(network.prefixLength);
}

} // namespace SparkDeck
