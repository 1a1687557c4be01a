#include "networkaddress.h"

#include <QUrl>

namespace SparkDeck::NetworkAddress {

QString bracketed(const QString &address)
{
    return address.contains(QLatin1Char(':')) ? QLatin1Char('[') + address + QLatin1Char(']') : address;
}

QString withPort(const QString &address, int port)
{
    return bracketed(address) + QLatin1Char(':') + QString::number(port);
}

QString httpUrl(const QString &address, int port, const QString &path)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(address);
    url.setPort(port);
    url.setPath(path);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace SparkDeck::NetworkAddress
