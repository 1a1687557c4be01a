#include "hostkey.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace SparkDeck {

HostKey HostKey::fromBlob(const QByteArray &blob)
{
    HostKey key;
    if (blob.size() < 4)
        return key;
    const quint32 length = qFromBigEndian<quint32>(blob.constData());
    if (length == 0 || length > 64 || 4 + qsizetype(length) > blob.size())
        return key;
    const QByteArray type = blob.mid(4, length);
    for (char c : type) {
        if (c <= ' ' || c > '~')
            return key;
    }
    key.m_type = QString::fromLatin1(type);
    key.m_blob = blob;
    return key;
}

HostKey HostKey::fromBase64(const QByteArray &base64)
{
    const auto decoded = QByteArray::fromBase64Encoding(base64.trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return {};
    return fromBlob(decoded.decoded);
}

QString HostKey::sha256Fingerprint() const
{
    return sha256Fingerprint(m_blob);
}

QString HostKey::sha256Fingerprint(const QByteArray &blob)
{
    const QByteArray digest = QCryptographicHash::hash(blob, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:")
           + QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
}

} // namespace SparkDeck
