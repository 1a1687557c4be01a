#include "awsrequest.h"

#include "sigv4signer.h"

namespace SparkDeck {

QByteArray AwsRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void AwsRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    removeHeader(name);
    headers.append({name, value});
}

void AwsRequest::removeHeader(const QByteArray &name)
{
    headers.removeIf([&name](const std::pair<QByteArray, QByteArray> &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

QByteArray AwsRequest::encodedTarget() const
{
    const QByteArray query = SigV4Signer::canonicalQuery(*this);
    return SigV4Signer::canonicalPath(*this) + (query.isEmpty() ? QByteArray() : '?' + query);
}

} // namespace SparkDeck
