#pragma once

#include "awscredentials.h"
#include "awsrequest.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>

namespace SparkDeck {

/// Each form a Signature Version 4 signing goes through, kept so that a failed request can
/// be compared with what AWS says it expected ("The canonical string for this request should
/// have been ...") and so that the test suite can check every stage.
struct SigV4Signing
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signedHeaders; ///< "content-type;host;x-amz-date"
    QByteArray signature;     ///< lowercase hex
    QByteArray credential;    ///< "AKID/20150830/us-east-1/ec2/aws4_request"
};

/// AWS Signature Version 4 (AWS4-HMAC-SHA256), implemented once for every AWS call SparkDeck
/// makes. Signs in the Authorization header (sign) or in the query string (presign), with a
/// session token when the credentials carry one. Every header the request holds is signed, so
/// callers add only headers that the transport sends unchanged (Host with its port, Content-Type,
/// X-Amz-*). Paths and query values are encoded once, as RFC 3986 unreserved characters.
class SigV4Signer
{
public:
    SigV4Signer(AwsCredentials credentials, QString region, QString service);

    /// Adds X-Amz-Date, X-Amz-Security-Token (with temporary credentials) and Authorization.
    SigV4Signing sign(AwsRequest &request, const QDateTime &time) const;
    /// Adds the X-Amz-* query parameters and X-Amz-Signature: a URL valid for `expiresSeconds`.
    SigV4Signing presign(AwsRequest &request, const QDateTime &time, int expiresSeconds) const;

    /// The signature of `request` exactly as it stands (all its headers signed), made at `time`.
    SigV4Signing signingOf(const AwsRequest &request, const QDateTime &time) const;
    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    QByteArray signingKey(const QDate &date) const;

    static QByteArray canonicalRequest(const AwsRequest &request);
    static QByteArray canonicalPath(const AwsRequest &request);
    static QByteArray canonicalQuery(const AwsRequest &request);
    /// "20150830T123600Z"
    static QByteArray amzDate(const QDateTime &time);

private:
    QByteArray scope(const QDateTime &time) const;

    AwsCredentials m_credentials;
    QString m_region;
    QString m_service;
};

} // namespace SparkDeck
