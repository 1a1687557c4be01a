#pragma once

#include <QCoreApplication>
#include <QString>

namespace SparkDeck {

/// What a private key file is, read without decrypting it: its key type and whether a
/// passphrase protects it. Lets the session ask for a passphrase only when one is needed and
/// explain an RSA key before the server refuses it. Reads OpenSSH ("openssh-key-v1") and PEM.
class PrivateKeyInfo
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::PrivateKeyInfo)
public:
    static PrivateKeyInfo inspect(const QString &path);

    bool isReadable() const { return m_error.isEmpty(); }
    /// Why the file cannot be used, for the user (empty when readable).
    QString error() const { return m_error; }
    /// "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", ... or empty when the format hides it.
    QString type() const { return m_type; }
    bool isEncrypted() const { return m_encrypted; }
    bool isRsa() const { return m_type == QLatin1String("ssh-rsa"); }

    /// The plain explanation for a user whose key is RSA (libssh2 1.10 signs with SHA-1).
    static QString rsaExplanation(const QString &keyDescription);

private:
    QString m_error;
    QString m_type;
    bool m_encrypted = false;
};

} // namespace SparkDeck
