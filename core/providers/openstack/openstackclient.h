#pragma once

#include "providers/openstack/keystonetoken.h"
#include "providers/providercredentials.h"
#include "providers/restclient.h"
#include "util/secret.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <optional>

namespace SparkDeck {

/// The OpenStack services SparkDeck calls, by their catalog type.
enum class OpenStackService { Compute, Network, Image };

/// OpenStack's APIs over the shared RestClient, signed in with Keystone v3: a token is fetched
/// before the first call (and again before it expires), every call carries it in
/// `X-Auth-Token`, and paths are relative to the service's public endpoint for the region in
/// the token's catalog (Nova `compute`, Neutron `network` under `v2.0/`, Glance `image` under
/// `v2/`). Compute calls ask for microversion 2.52 (server tags in the create call). Lists
/// follow `<key>_links` (Nova, Neutron) or Glance's `next`. Nova's 413 `overLimit` with a
/// Retry-After is throttling, like 429. The token is a Secret and only ever goes on the wire.
class OpenStackClient : public QObject
{
    Q_OBJECT
public:
    using TokenCallback = std::function<void(const Result<KeystoneToken> &)>;
    using ListCallback = std::function<void(const Result<QList<QJsonObject>> &)>;

    /// `authUrl`: Keystone's URL (OS_AUTH_URL); `region`: empty for the catalog's first.
    OpenStackClient(const QUrl &authUrl, const ProviderCredentials &credentials,
                    const QString &region, QObject *parent = nullptr);

    RestClient *rest() const { return m_rest; }
    /// The region calls go to: the one asked for, else the first with a compute endpoint.
    QString region() const { return m_region; }

    /// Signs in now unless a valid token is at hand; gives the token's catalog.
    void signIn(QObject *context, TokenCallback done);
    /// `request` (url relative to the service's endpoint, or absolute) with a valid token; a 401
    /// (a token revoked or expired early) signs in again once.
    void send(OpenStackService service, const HttpRequest &request, QObject *context,
              RestClient::ResponseCallback done);
    /// GET `path` and every next page; the objects under `key` ("servers", "flavors"...).
    void list(OpenStackService service, const QString &path, const QString &key, QObject *context,
              ListCallback done);

    /// "OpenStack Nova answered 403 to ...: <the API's message>".
    static QString describe(const HttpResponse &response, OpenStackService service);
    static QString describeSignIn(const HttpResponse &response);

private:
    struct Waiting
    {
        QPointer<QObject> context;
        TokenCallback done;
    };
    void signedIn(const Result<KeystoneToken> &result);
    void sendSignedIn(OpenStackService service, const HttpRequest &request, QObject *context,
                      RestClient::ResponseCallback done, bool secondToken);
    QUrl endpoint(OpenStackService service) const;
    static constexpr int kMaxPages = 1000; ///< a server that always names a next page ends here
    void fetchPage(OpenStackService service, const QUrl &url, const QString &key, int pageNumber,
                   const std::shared_ptr<QList<QJsonObject>> &items, QObject *context,
                   ListCallback done);

    QUrl m_tokenUrl;
    ProviderCredentials m_credentials;
    QString m_region;
    RestClient *m_rest;
    Secret m_token;
    std::optional<KeystoneToken> m_catalog;
    QList<Waiting> m_waiting; ///< callers of signIn() while the token request is out
};

} // namespace SparkDeck
