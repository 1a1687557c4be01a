#pragma once

#include "ssh/execresult.h"
#include "ssh/shellcommand.h"
#include "ssh/sshchannelclient.h"
#include "ssh/sshsession.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>

typedef struct _LIBSSH2_CHANNEL LIBSSH2_CHANNEL;

namespace SparkDeck {


/// One command on a remote host, run on an exec channel of the host's shared SshSession.
/// Output arrives as lines (stdout and stderr apart) while the command runs; finished() comes
/// exactly once, with the exit code or a clear error, whatever happens (timeout, cancel, lost
/// connection, sudo wanting a password).
///
/// Rules: the command line is built with ShellCommand only (setCommand, or setScript with text
/// that ShellCommand composed); environment variables are exported by the command line itself
/// (sshd refuses most `setenv` requests); runAsRoot uses `sudo -n` for non-root users, so sudo
/// never waits for a password. cancel() reports at once; the channel is closed in the
/// background. A command that does not read its stdin gets EOF right away.
class RemoteProcess : public QObject, private Internal::SshChannelClient
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxKeptOutput = 16 * 1024 * 1024;

    explicit RemoteProcess(SshSession *session, QObject *parent = nullptr);
    ~RemoteProcess() override;

    void setCommand(const ShellCommand &command);
    /// Shell text composed with ShellCommand (e.g. ShellCommand::allOf); never raw user input.
    void setScript(const QString &shellText);
    void addEnvironment(const QString &name, const QString &value);
    void setRunAsRoot(bool asRoot) { m_runAsRoot = asRoot; }
    /// 0 (the default) means no limit.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void setStandardInput(const QByteArray &data) { m_stdin = data; }

    /// The exact text sent to the remote shell.
    QString commandLine() const;
    SshSession *session() const { return m_session; }
    bool isRunning() const { return m_phase != Phase::Idle && m_phase != Phase::Done; }
    const ExecResult &result() const { return m_result; }

    /// Starts the command, connecting the session first when needed.
    void start();
    /// Stops waiting for the command: finished() comes at once with a "cancelled" error.
    void cancel();

Q_SIGNALS:
    void started();
    void standardOutputLine(const QString &line);
    void standardErrorLine(const QString &line);
    void finished(const SparkDeck::ExecResult &result);

private:
    enum class Phase { Idle, WaitingForSlot, Opening, Starting, Running, Closing, Done };

    bool pumpChannel() override;
    void sessionClosed(const QString &reason) override;

    bool readStream(int stream);
    void emitLines(int stream, bool flush);
    void finish(const QString &error);
    void handleTimeout();

    QPointer<SshSession> m_session;
    QString m_script;
    QList<QPair<QString, QString>> m_environment;
    bool m_runAsRoot = false;
    int m_timeoutMs = 0;
    QByteArray m_stdin;
    qsizetype m_stdinWritten = 0;
    bool m_eofSent = false;
    bool m_closeSent = false;
    QByteArray m_commandBytes;

    Phase m_phase = Phase::Idle;
    LIBSSH2_CHANNEL *m_channel = nullptr;
    bool m_holdsSlot = false;
    QByteArray m_partial[2];
    ExecResult m_result;
    QTimer m_timeout;
    bool m_attached = false;
};

} // namespace SparkDeck
