#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

namespace SparkDeck {

/// Where the embedded browser may go, and how an address of the cluster's private network is
/// reached instead: the master's web UI through the local end of its SSH tunnel, a worker's or
/// an application's UI through the master's reverse proxy (`<master>/proxy/<id>/...`, with
/// `spark.ui.reverseProxy=true`), another forwarded port (Jupyter) through its own tunnel.
///
/// Rules: the browser never connects to a private address directly, so anything private that is
/// not one of the known origins is blocked (with a reason a user can read); a loopback address is
/// allowed only on the local ports of our own tunnels; public web addresses are "external": a
/// page the user clicks there opens in the system browser, an image or script from there is
/// blocked. Pure value logic, no I/O: the GUI's request guard asks it about every request.
class WebRoutes
{
public:
    enum class Kind {
        Allowed,   ///< load as it is (one of our local origins, or data:/about:/blob:)
        Rewritten, ///< load `url` instead (a private origin reached through a tunnel or the proxy)
        External,  ///< a public web address: the system browser's business, not ours
        Blocked,   ///< never loaded; `reason` says why
    };

    struct Decision
    {
        Kind kind = Kind::Blocked;
        QUrl url;       ///< the address to load (Rewritten), or the one asked for
        QString reason; ///< for Blocked: one sentence for the user
    };

    /// The master's UI: `localBase` is the tunnel's end (http://127.0.0.1:P/), `remoteBase` the
    /// address as the cluster knows it (http://10.0.0.11:8080/; empty when they are the same, as
    /// for a cluster on this computer). Replaces the previous master route.
    void setMasterUi(const QUrl &localBase, const QUrl &remoteBase = QUrl());
    QUrl masterLocalBase() const { return m_masterLocal; }
    QUrl masterRemoteBase() const { return m_masterRemote; }

    /// Another forwarded port (e.g. Jupyter): `remoteBase` (may be empty) is reached at `localBase`.
    void addForward(const QUrl &localBase, const QUrl &remoteBase = QUrl());

    /// A UI the master proxies: requests to `uiAddress` (a worker's `webuiaddress` from
    /// /json/, e.g. http://10.0.0.12:8081) go to <master>/proxy/<id>/<path>.
    void setProxiedUi(const QString &id, const QUrl &uiAddress);
    void clearProxiedUis();
    bool hasProxiedUi(const QString &id) const;

    /// Host names of the cluster's machines: private even when they look public.
    void addPrivateHostName(const QString &name);

    /// The URL of a UI behind the master's reverse proxy: <master local base>/proxy/<id>/.
    QUrl proxyUrl(const QString &id, const QString &path = QString()) const;

    Decision route(const QUrl &url) const;

    /// True for loopback, RFC 1918, link-local, CGNAT, IPv6 unique-local addresses and for names
    /// that only a local network resolves (no dot, .local, .lan, .internal, .home.arpa).
    static bool isPrivateHost(const QString &host);
    static bool isLoopbackHost(const QString &host);
    /// scheme://host:port with the default port filled in and the host lowercased.
    static QString originOf(const QUrl &url);

    /// `url` (under `from`) moved under `to`, path, query and fragment kept; a ws: URL stays ws:.
    static QUrl rebase(const QUrl &url, const QUrl &from, const QUrl &to);

private:

    QUrl m_masterLocal;
    QUrl m_masterRemote;
    QList<QPair<QUrl, QUrl>> m_forwards; // local, remote
    QHash<QString, QString> m_proxiedByOrigin; // origin -> id
    QHash<QString, QUrl> m_proxiedById;
    QSet<QString> m_privateNames;
};

} // namespace SparkDeck
