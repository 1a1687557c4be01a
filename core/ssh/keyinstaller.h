#pragma once

#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace SparkDeck {

class RemoteProcess;
class SshSession;
struct ExecResult;

/// Puts one public key into `~/.ssh/authorized_keys` of the session's user on one host, so that
/// later runs log in with the key instead of a password ("install my public key on these
/// hosts"). The session may be logged in any way; for first contact it is usually a password.
///
/// Rules: idempotent: a key already listed (same type and key data, whatever its comment or
/// options) is not added again. `~/.ssh` ends up 0700 and the file 0600, owned by the user (the
/// command runs as that user); a file without a final newline keeps its last line intact. The
/// key is checked first (one line, "type base64 [comment]", no options, the type matching the
/// key data) and travels as one quoted argument, so nothing else can end up in the file.
/// finished() comes exactly once.
class KeyInstaller : public QObject
{
    Q_OBJECT
public:
    explicit KeyInstaller(SshSession *session, QObject *parent = nullptr);
    ~KeyInstaller() override;

    /// A public key line as in a `.pub` file; an error says what is wrong with it.
    Status setPublicKey(const QString &line);
    /// Reads the key from a `.pub` file.
    Status setPublicKeyFile(const QString &path);
    QString publicKey() const { return m_key; }

    void start();
    void cancel();
    bool isRunning() const { return m_running; }

    QString errorMessage() const { return m_error; }
    /// After success: the key was there already and the file was left as it was.
    bool wasAlreadyInstalled() const { return m_alreadyInstalled; }

    /// The key in canonical form ("type base64 comment", single spaces), or why it is not one.
    static Result<QString> parsePublicKey(const QString &text);

Q_SIGNALS:
    /// `error` is empty on success.
    void finished(const QString &error);

private:
    void handleFinished(const ExecResult &result);
    void finish(const QString &error);

    QPointer<SshSession> m_session;
    QString m_key;
    QPointer<RemoteProcess> m_process;
    bool m_running = false;
    bool m_alreadyInstalled = false;
    QString m_error;
};

} // namespace SparkDeck
