#include "privatekeyinfo.h"

#include "ssh/hostkey.h"

#include <QDir>
#include <QFile>
#include <QtEndian>

namespace SparkDeck {

namespace {

bool readString(const QByteArray &data, qsizetype &pos, QByteArray *out)
{
    if (pos + 4 > data.size())
        return false;
    const quint32 length = qFromBigEndian<quint32>(data.constData() + pos);
    pos += 4;
    if (length > quint32(data.size() - pos))
        return false;
    if (out)
        *out = data.mid(pos, length);
    pos += length;
    return true;
}

} // namespace

PrivateKeyInfo PrivateKeyInfo::inspect(const QString &path)
{
    PrivateKeyInfo info;
    QFile file(path);
    if (!file.exists()) {
        info.m_error = tr("The key file %1 does not exist.").arg(QDir::toNativeSeparators(path));
        return info;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        info.m_error = tr("Cannot read the key file %1: %2")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
        return info;
    }
    const QByteArray text = file.read(1024 * 1024);
    static const QByteArray openSshBegin = "-----BEGIN OPENSSH PRIVATE KEY-----";
    static const QByteArray openSshEnd = "-----END OPENSSH PRIVATE KEY-----";
    const qsizetype begin = text.indexOf(openSshBegin);
    if (begin >= 0) {
        const qsizetype end = text.indexOf(openSshEnd, begin);
        const QByteArray body = text.mid(begin + openSshBegin.size(),
                                         end < 0 ? -1 : end - begin - openSshBegin.size());
        const QByteArray data = QByteArray::fromBase64(body.simplified().replace(' ', ""));
        static const QByteArray magic("openssh-key-v1\0", 15);
        qsizetype pos = magic.size();
        QByteArray cipher, kdf, publicKey;
        if (!data.startsWith(magic) || !readString(data, pos, &cipher)
            || !readString(data, pos, &kdf) || !readString(data, pos, nullptr)
            || pos + 4 > data.size()) {
            info.m_error = tr("The key file %1 is damaged or not a private key.")
                               .arg(QDir::toNativeSeparators(path));
            return info;
        }
        pos += 4; // number of keys
        if (readString(data, pos, &publicKey))
            info.m_type = HostKey::fromBlob(publicKey).type();
        info.m_encrypted = cipher != "none";
        return info;
    }
    if (text.contains("-----BEGIN RSA PRIVATE KEY-----"))
        info.m_type = QStringLiteral("ssh-rsa");
    else if (text.contains("-----BEGIN EC PRIVATE KEY-----"))
        info.m_type = QStringLiteral("ecdsa-sha2");
    else if (text.contains("-----BEGIN DSA PRIVATE KEY-----"))
        info.m_type = QStringLiteral("ssh-dss");
    else if (!text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
             && !text.contains("-----BEGIN PRIVATE KEY-----")) {
        if (text.startsWith("ssh-") || text.startsWith("ecdsa-"))
            info.m_error = tr("%1 is a public key; give the private key file (the same name "
                              "without .pub).").arg(QDir::toNativeSeparators(path));
        else
            info.m_error = tr("%1 is not a private key file SparkDeck can read.")
                               .arg(QDir::toNativeSeparators(path));
        return info;
    }
    info.m_encrypted = text.contains("Proc-Type: 4,ENCRYPTED")
                       || text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    return info;
}

QString PrivateKeyInfo::rsaExplanation(const QString &keyDescription)
{
    return tr("%1 is an RSA key. SparkDeck's SSH library (libssh2 1.10) signs RSA keys with "
              "SHA-1 (\"ssh-rsa\"), which OpenSSH 8.8 and later refuse by default. Create an "
              "ed25519 key (ssh-keygen -t ed25519), install its public key on the hosts "
              "(ssh-copy-id), and select it as the identity.")
        .arg(keyDescription);
}

} // namespace SparkDeck
