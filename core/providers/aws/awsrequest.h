#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace SparkDeck {

/// An HTTP request to an AWS endpoint, as Signature Version 4 sees it: the method, the path and
/// query parameters (decoded: the signer encodes them), the headers to sign and the body.
/// Header names keep their case here; SigV4 compares them case-insensitively.
struct AwsRequest
{
    QByteArray method = "GET";
    QString path = QStringLiteral("/");
    QList<std::pair<QString, QString>> query;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    /// The value of the first header named `name` (any case), or an empty array.
    QByteArray header(const QByteArray &name) const;
    /// Replaces every header named `name` (any case) with one holding `value`.
    void setHeader(const QByteArray &name, const QByteArray &value);
    void removeHeader(const QByteArray &name);
    /// The path and query as they go on the request line, percent-encoded as SigV4 encodes them.
    QByteArray encodedTarget() const;
};

} // namespace SparkDeck
