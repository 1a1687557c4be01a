#include "sigv4signer.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <map>

namespace SparkDeck {

namespace {

const QByteArray Algorithm = "AWS4-HMAC-SHA256";

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

/// RFC 3986 encoding: everything but A-Z a-z 0-9 - . _ ~ (and `keep`) as %XX, uppercase.
QByteArray uriEncode(const QString &text, const QByteArray &keep = {})
{
    return text.toUtf8().toPercentEncoding(keep);
}

struct CanonicalHeaders
{
    QByteArray block; ///< "name:value\n" per header
    QByteArray names; ///< "name;name"
};

/// Lowercase names in byte order; values trimmed with inner runs of spaces made one, and
/// repeated headers joined by commas.
CanonicalHeaders canonicalHeaders(const AwsRequest &request)
{
    std::map<QByteArray, QByteArray> headers;
    for (const auto &[name, value] : request.headers) {
        QByteArray &joined = headers[name.toLower()];
        joined += (joined.isEmpty() ? QByteArray() : QByteArray(",")) + value.simplified();
    }
    CanonicalHeaders canonical;
    QByteArrayList names;
    for (const auto &[name, value] : headers) {
        canonical.block += name + ':' + value + '\n';
        names << name;
    }
    canonical.names = names.join(';');
    return canonical;
}

} // namespace

SigV4Signer::SigV4Signer(AwsCredentials credentials, QString region, QString service)
    : m_credentials(std::move(credentials))
    , m_region(std::move(region))
    , m_service(std::move(service))
{}

SigV4Signing SigV4Signer::sign(AwsRequest &request, const QDateTime &time) const
{
    request.removeHeader("Authorization");
    request.setHeader("X-Amz-Date", amzDate(time));
    if (!m_credentials.sessionToken.isEmpty())
        request.setHeader("X-Amz-Security-Token", m_credentials.sessionToken.reveal().toUtf8());
    const SigV4Signing signing = signingOf(request, time);
    request.setHeader("Authorization", Algorithm + " Credential=" + signing.credential
                                           + ", SignedHeaders=" + signing.signedHeaders
                                           + ", Signature=" + signing.signature);
    return signing;
}

SigV4Signing SigV4Signer::presign(AwsRequest &request, const QDateTime &time,
                                  int expiresSeconds) const
{
    const QByteArray signedHeaders = canonicalHeaders(request).names;
    request.query.append({QStringLiteral("X-Amz-Algorithm"), QString::fromLatin1(Algorithm)});
    request.query.append(
        {QStringLiteral("X-Amz-Credential"),
         m_credentials.accessKeyId + QLatin1Char('/') + QString::fromLatin1(scope(time))});
    request.query.append({QStringLiteral("X-Amz-Date"), QString::fromLatin1(amzDate(time))});
    request.query.append({QStringLiteral("X-Amz-Expires"), QString::number(expiresSeconds)});
    if (!m_credentials.sessionToken.isEmpty())
        request.query.append(
            {QStringLiteral("X-Amz-Security-Token"), m_credentials.sessionToken.reveal()});
    request.query.append(
        {QStringLiteral("X-Amz-SignedHeaders"), QString::fromLatin1(signedHeaders)});
    const SigV4Signing signing = signingOf(request, time);
    request.query.append(
        {QStringLiteral("X-Amz-Signature"), QString::fromLatin1(signing.signature)});
    return signing;
}

SigV4Signing SigV4Signer::signingOf(const AwsRequest &request, const QDateTime &time) const
{
    SigV4Signing signing;
    signing.canonicalRequest = canonicalRequest(request);
    signing.signedHeaders = canonicalHeaders(request).names;
    signing.credential = m_credentials.accessKeyId.toUtf8() + '/' + scope(time);
    signing.stringToSign = Algorithm + '\n' + amzDate(time) + '\n' + scope(time) + '\n'
                           + sha256Hex(signing.canonicalRequest);
    signing.signature = hmac(signingKey(time.toUTC().date()), signing.stringToSign).toHex();
    return signing;
}

QByteArray SigV4Signer::signingKey(const QDate &date) const
{
    const QByteArray dateKey = hmac("AWS4" + m_credentials.secretAccessKey.reveal().toUtf8(),
                                    date.toString(QStringLiteral("yyyyMMdd")).toLatin1());
    const QByteArray regionKey = hmac(dateKey, m_region.toUtf8());
    const QByteArray serviceKey = hmac(regionKey, m_service.toUtf8());
    return hmac(serviceKey, "aws4_request");
}

QByteArray SigV4Signer::canonicalRequest(const AwsRequest &request)
{
    const CanonicalHeaders headers = canonicalHeaders(request);
    return request.method + '\n' + canonicalPath(request) + '\n' + canonicalQuery(request) + '\n'
           + headers.block + '\n' + headers.names + '\n' + sha256Hex(request.body);
}

QByteArray SigV4Signer::canonicalPath(const AwsRequest &request)
{
    return request.path.isEmpty() ? QByteArray("/") : uriEncode(request.path, "/");
}

QByteArray SigV4Signer::canonicalQuery(const AwsRequest &request)
{
    QList<std::pair<QByteArray, QByteArray>> encoded;
    for (const auto &[name, value] : request.query)
        encoded.append({uriEncode(name), uriEncode(value)});
    std::sort(encoded.begin(), encoded.end());
    QByteArrayList pairs;
    for (const auto &[name, value] : encoded)
        pairs << name + '=' + value;
    return pairs.join('&');
}

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray SigV4Signer::scope(const QDateTime &time) const
{
    return time.toUTC().date().toString(QStringLiteral("yyyyMMdd")).toLatin1() + '/'
           + m_region.toUtf8() + '/' + m_service.toUtf8() + "/aws4_request";
}

} // namespace SparkDeck
