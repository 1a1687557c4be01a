#pragma once

#include <QByteArray>
#include <QString>

namespace SparkDeck {

/// A server's public host key as it travels in the SSH protocol (the wire "blob"), with the
/// key type read from the blob itself. A plain value; fingerprints are formatted exactly like
/// OpenSSH prints them, so a user can compare them with `ssh-keygen -lf`.
class HostKey
{
public:
    HostKey() = default;
    /// Builds a key from its wire blob; the type is read from the blob's first field.
    static HostKey fromBlob(const QByteArray &blob);
    /// Builds a key from the base64 text of a known_hosts or .pub line.
    static HostKey fromBase64(const QByteArray &base64);

    bool isValid() const { return !m_type.isEmpty(); }
    /// The SSH name of the key type, e.g. "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa".
    QString type() const { return m_type; }
    QByteArray blob() const { return m_blob; }
    QByteArray toBase64() const { return m_blob.toBase64(); }

    /// "SHA256:" followed by the unpadded base64 of the SHA-256 of the blob (OpenSSH's format).
    QString sha256Fingerprint() const;
    static QString sha256Fingerprint(const QByteArray &blob);

    friend bool operator==(const HostKey &a, const HostKey &b)
    {
        return a.m_type == b.m_type && a.m_blob == b.m_blob;
    }
    friend bool operator!=(const HostKey &a, const HostKey &b) { return !(a == b); }

private:
    QString m_type;
    QByteArray m_blob;
};

} // namespace SparkDeck
