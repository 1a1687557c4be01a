#pragma once

#include "providers/providercredentials.h"
#include "util/result.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace SparkDeck {

/// One endpoint of a Keystone v3 service catalog.
struct CatalogEndpoint
{
    QString type;      ///< "compute", "network", "image", "identity"
    QString interface; ///< "public", "internal", "admin"
    QString region;    ///< region_id (or the older "region")
    QUrl url;
};

/// Keystone v3 (`POST /v3/auth/tokens`) as SparkDeck uses it, without I/O: the request body for
/// the credentials the CredentialResolver found (password with a project scope, or an
/// application credential) and the answer's catalog. The token itself comes in the
/// `X-Subject-Token` header, never in the body; it is the caller's to keep as a Secret.
class KeystoneToken
{
public:
    /// `<auth_url>/v3/auth/tokens`, whether auth_url names the version or not.
    static QUrl tokenUrl(const QUrl &authUrl);
    /// The body of the token request; fails when the credentials name neither a user and a
    /// project nor an application credential. It holds the password: send it, never keep it.
    static Result<QJsonDocument> requestBody(const ProviderCredentials &credentials);
    /// The catalog and expiry of a token answer's body.
    static Result<KeystoneToken> fromResponse(const QJsonDocument &body);

    QDateTime expires() const { return m_expires; }
    /// The `public` endpoint of `type` in `region` (any region when empty), or an empty URL.
    QUrl endpoint(const QString &type, const QString &region) const;
    /// The regions that have a public endpoint of `type`, in catalog order.
    QStringList regions(const QString &type) const;

private:
    QList<CatalogEndpoint> m_endpoints;
    QDateTime m_expires;
};

} // namespace SparkDeck
