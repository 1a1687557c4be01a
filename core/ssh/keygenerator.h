#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QProcess;

namespace SparkDeck {

/// Makes an OpenSSH ed25519 key pair for a user who has none, by running the system's
/// `ssh-keygen -t ed25519` asynchronously: the files are exactly what OpenSSH writes, and the
/// private key never passes through SparkDeck's memory.
///
/// Rules: never overwrites: an existing private or public key file is an error (and ssh-keygen,
/// whose stdin is closed, refuses too). A missing folder is created with mode 0700. The key has
/// no passphrase (ssh-keygen takes one only on its command line or a terminal); a user who wants
/// one adds it with `ssh-keygen -p -f FILE`, and SparkDeck then asks for it when it logs in.
/// finished() comes exactly once, from the event loop, never from start().
class KeyGenerator : public QObject
{
    Q_OBJECT
public:
    explicit KeyGenerator(QObject *parent = nullptr);
    ~KeyGenerator() override;

    /// The private key's path; the public key goes to `path + ".pub"`.
    void setKeyFile(const QString &path) { m_keyFile = path; }
    QString keyFile() const { return m_keyFile; }
    /// Default: defaultComment().
    void setComment(const QString &comment) { m_comment = comment; }
    /// The ssh-keygen to run (default "ssh-keygen" from PATH).
    void setProgram(const QString &program) { m_program = program; }

    void start();
    void cancel();
    bool isRunning() const { return m_running; }

    QString errorMessage() const { return m_error; }
    /// The new public key line ("ssh-ed25519 AAAA... comment"), after success.
    QString publicKey() const { return m_publicKey; }

    /// "user@hostname (SparkDeck)", what the key is labelled with in authorized_keys.
    static QString defaultComment();

Q_SIGNALS:
    /// `error` is empty on success.
    void finished(const QString &error);

private:
    void handleFinished();
    void finish(const QString &error);

    QString m_keyFile;
    QString m_comment;
    QString m_program = QStringLiteral("ssh-keygen");
    QPointer<QProcess> m_process;
    bool m_running = false;
    QString m_error;
    QString m_publicKey;
};

} // namespace SparkDeck
