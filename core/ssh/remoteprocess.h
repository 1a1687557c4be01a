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
///
/// Cancel and timeout also stop the command on the host: sshd starts every command as the
/// leader of its own process group, the command line reports that group on stderr first (the
/// line is taken out of the output), and stopping sends TERM to the group, then KILL after 5 s,
/// on a second channel of the same session (with `sudo -n` when the command ran as root); that
/// stop is sent in the background, see stopsPending().
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
    /// Stop the remote command when cancelled, timed out or deleted while running (default true).
    void setStopOnCancel(bool stop) { m_stopOnCancel = stop; }

    /// The command text sent to the remote shell (after a one-line preamble that reports the
    /// command's process group, when stopOnCancel).
    QString commandLine() const;
    SshSession *session() const { return m_session; }
    bool isRunning() const { return m_phase != Phase::Idle && m_phase != Phase::Done; }
    const ExecResult &result() const { return m_result; }
    /// The remote command's process group (0 until its preamble arrived).
    qint64 remoteProcessGroup() const { return m_remoteGroup; }

    /// True while `session` is still sending the stop of a cancelled command: a program that
    /// is about to exit runs its event loop until this is false (a second or so), or the
    /// command it cancelled keeps running.
    static bool stopsPending(const SshSession *session);

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
    void appendOutput(int stream, const QByteArray &data);
    QByteArray takeGroupReport(const QByteArray &data, bool flush);
    void stopRemoteGroup();
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
    bool m_stopOnCancel = true;
    bool m_awaitingGroup = false;
    QByteArray m_groupProbe;
    qint64 m_remoteGroup = 0;
};

} // namespace SparkDeck
