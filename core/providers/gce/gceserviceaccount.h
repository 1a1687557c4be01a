#pragma once

#include "util/result.h"
#include "util/secret.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace SparkDeck {

/// A Google Cloud service account key (the JSON file GOOGLE_APPLICATION_CREDENTIALS names) and
/// the signed JWT it trades for an access token (OAuth 2.0 JWT bearer grant, RS256 signed with
/// the account's RSA key through OpenSSL's libcrypto). The private key prints as "********".
class GceServiceAccount
{
public:
    static Result<GceServiceAccount> load(const QString &path);

    QString clientEmail() const { return m_clientEmail; }
    QString projectId() const { return m_projectId; }
    QString tokenUri() const { return m_tokenUri; }

    /// header.claims.signature (base64url), valid for an hour from `now`, for `scope`.
    Result<QByteArray> assertion(const QString &scope, const QDateTime &now) const;

private:
    QString m_clientEmail;
    QString m_projectId;
    QString m_tokenUri;
    Secret m_privateKey; ///< PEM
};

} // namespace SparkDeck
