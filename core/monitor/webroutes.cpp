#include "webroutes.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::WebRoutes)
};

QString httpScheme(const QString &scheme)
{
    if (scheme == QLatin1String("ws"))
        return QStringLiteral("http");
    if (scheme == QLatin1String("wss"))
        return QStringLiteral("https");
    return scheme;
}

QString withTrailingSlash(QString path)
{
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    return path;
}

bool isProxyId(const QString &id)
{
    if (id.isEmpty())
        return false;
    for (const QChar c : id) {
        if (c == QLatin1Char('/') || c == QLatin1Char('?') || c == QLatin1Char('#')
            || c == QLatin1Char('%') || c.isSpace())
            return false;
    }
    return id != QLatin1String(".") && id != QLatin1String("..");
}

QString hostPort(const QUrl &url)
{
    const QString host = url.host().contains(QLatin1Char(':'))
                             ? QLatin1Char('[') + url.host() + QLatin1Char(']')
                             : url.host();
    return url.port() > 0 ? host + QLatin1Char(':') + QString::number(url.port()) : host;
}

} // namespace

void WebRoutes::setMasterUi(const QUrl &localBase, const QUrl &remoteBase)
{
    m_masterLocal = localBase;
    m_masterRemote = remoteBase;
}

void WebRoutes::addForward(const QUrl &localBase, const QUrl &remoteBase)
{
    for (auto &forward : m_forwards) {
        if (originOf(forward.first) == originOf(localBase)
            || (!remoteBase.isEmpty() && originOf(forward.second) == originOf(remoteBase))) {
            forward = {localBase, remoteBase};
            return;
        }
    }
    m_forwards.append({localBase, remoteBase});
}

void WebRoutes::setProxiedUi(const QString &id, const QUrl &uiAddress)
{
    if (!isProxyId(id) || !uiAddress.isValid() || uiAddress.host().isEmpty())
        return;
    if (m_proxiedById.contains(id))
        m_proxiedByOrigin.remove(originOf(m_proxiedById.value(id)));
    m_proxiedById.insert(id, uiAddress);
    m_proxiedByOrigin.insert(originOf(uiAddress), id);
}

void WebRoutes::clearProxiedUis()
{
    m_proxiedById.clear();
    m_proxiedByOrigin.clear();
}

bool WebRoutes::hasProxiedUi(const QString &id) const
{
    return m_proxiedById.contains(id);
}

void WebRoutes::addPrivateHostName(const QString &name)
{
    if (!name.isEmpty())
        m_privateNames.insert(name.toLower());
}

QUrl WebRoutes::proxyUrl(const QString &id, const QString &path) const
{
    if (!m_masterLocal.isValid() || !isProxyId(id))
        return {};
    QUrl url = m_masterLocal;
    QString rest = path;
    while (rest.startsWith(QLatin1Char('/')))
        rest.remove(0, 1);
    url.setPath(withTrailingSlash(m_masterLocal.path()) + QStringLiteral("proxy/") + id
                + QLatin1Char('/') + rest);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QUrl WebRoutes::rebase(const QUrl &url, const QUrl &from, const QUrl &to)
{
    QUrl result = to;
    const QString fromPath = withTrailingSlash(from.path());
    QString rest = url.path();
    if (rest.startsWith(fromPath))
        rest = rest.mid(fromPath.size());
    else if (rest + QLatin1Char('/') == fromPath)
        rest.clear();
    else
        rest = rest.startsWith(QLatin1Char('/')) ? rest.mid(1) : rest;
    result.setPath(withTrailingSlash(to.path()) + rest);
    if (url.scheme() == QLatin1String("ws") || url.scheme() == QLatin1String("wss"))
        result.setScheme(to.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    result.setQuery(url.query(QUrl::FullyEncoded), QUrl::StrictMode);
    result.setFragment(url.fragment(QUrl::FullyEncoded), QUrl::StrictMode);
    return result;
}

WebRoutes::Decision WebRoutes::route(const QUrl &url) const
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("about") || scheme == QLatin1String("data")
        || scheme == QLatin1String("blob"))
        return {Kind::Allowed, url, {}};
    if (scheme == QLatin1String("mailto"))
        return {Kind::External, url, {}};
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")
        && scheme != QLatin1String("ws") && scheme != QLatin1String("wss")) {
        return {Kind::Blocked, url,
                Tr::tr("SparkDeck's browser opens web pages only; it does not open %1: addresses.")
                    .arg(scheme)};
    }

    const QString origin = originOf(url);
    if (m_masterLocal.isValid() && origin == originOf(m_masterLocal))
        return {Kind::Allowed, url, {}};
    for (const auto &forward : m_forwards) {
        if (origin == originOf(forward.first))
            return {Kind::Allowed, url, {}};
    }
    if (m_masterLocal.isValid() && m_masterRemote.isValid() && origin == originOf(m_masterRemote))
        return {Kind::Rewritten, rebase(url, m_masterRemote, m_masterLocal), {}};
    for (const auto &forward : m_forwards) {
        if (forward.second.isValid() && origin == originOf(forward.second))
            return {Kind::Rewritten, rebase(url, forward.second, forward.first), {}};
    }
    const auto proxied = m_proxiedByOrigin.constFind(origin);
    if (proxied != m_proxiedByOrigin.constEnd() && m_masterLocal.isValid()) {
        const QUrl base = proxyUrl(proxied.value());
        return {Kind::Rewritten, rebase(url, m_proxiedById.value(proxied.value()), base), {}};
    }

    const QString host = url.host().toLower();
    if (isLoopbackHost(host)) {
        return {Kind::Blocked, url,
                Tr::tr("%1 is another program on this computer, not a page of this cluster; "
                       "SparkDeck's browser opens only the cluster's pages.")
                    .arg(hostPort(url))};
    }
    if (isPrivateHost(host) || m_privateNames.contains(host)) {
        return {Kind::Blocked, url,
                Tr::tr("%1 is an address of a private network. SparkDeck never connects to it "
                       "directly: it opens the cluster's pages through the SSH tunnel to the "
                       "master, and this address is not one the master's reverse proxy knows.")
                    .arg(hostPort(url))};
    }
    return {Kind::External, url, {}};
}

bool WebRoutes::isLoopbackHost(const QString &hostName)
{
    QString host = hostName.toLower();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also for ::ffff:a.b.c.d
    if (isV4)
        return (v4 >> 24) == 127;
    return address.isLoopback();
}

bool WebRoutes::isPrivateHost(const QString &hostName)
{
    QString host = hostName.toLower();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty() || isLoopbackHost(host))
        return true;
    QHostAddress address;
    if (address.setAddress(host)) {
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        if (isV4) {
            const QHostAddress a(v4);
            static const QList<QPair<QHostAddress, int>> privateV4 = {
                QHostAddress::parseSubnet(QStringLiteral("0.0.0.0/8")),
                QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
                QHostAddress::parseSubnet(QStringLiteral("100.64.0.0/10")),
                QHostAddress::parseSubnet(QStringLiteral("169.254.0.0/16")),
                QHostAddress::parseSubnet(QStringLiteral("172.16.0.0/12")),
                QHostAddress::parseSubnet(QStringLiteral("192.168.0.0/16")),
            };
            for (const auto &subnet : privateV4) {
                if (a.isInSubnet(subnet))
                    return true;
            }
            return false;
        }
        return address.isUniqueLocalUnicast() || address.isLinkLocal() || address.isLoopback()
               || address.isSiteLocal();
    }
    if (!host.contains(QLatin1Char('.')))
        return true;
    for (const char *suffix : {".local", ".lan", ".internal", ".home.arpa", ".intranet"}) {
        if (host.endsWith(QLatin1String(suffix)))
            return true;
    }
    return false;
}

QString WebRoutes::originOf(const QUrl &url)
{
    const QString scheme = httpScheme(url.scheme().toLower());
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    QString host = url.host().toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return scheme + QStringLiteral("://") + host + QLatin1Char(':')
           + QString::number(url.port(defaultPort));
}

} // namespace SparkDeck
