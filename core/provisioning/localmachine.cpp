#include "localmachine.h"

#include "ssh/shellcommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::LocalMachine)
};

/// A shell command in a QProcess, output as lines, killed on timeout or cancel.
class LocalJob : public MachineJob
{
public:
    LocalJob(const CommandRequest &request, QObject *parent) : MachineJob(parent), m_request(request)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] { readLines(QProcess::StandardOutput, false); });
        connect(&m_process, &QProcess::readyReadStandardError, this, [this] { readLines(QProcess::StandardError, false); });
        connect(&m_process, &QProcess::finished, this, &LocalJob::handleFinished);
        connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart)
                end(Tr::tr("cannot start /bin/sh on this computer: %1").arg(m_process.errorString()));
        });
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            end(Tr::tr("the command did not finish within %1 s on this computer")
                    .arg(m_request.timeoutMs / 1000.0));
        });
    }
    ~LocalJob() override { stopProcess(); }

    void start() override
    {
        QString script = m_request.script;
        if (m_request.asRoot && !isRoot())
            script = ShellCommand(QStringLiteral("sudo"), {QStringLiteral("-n"), QStringLiteral("sh"), QStringLiteral("-c"), script}).toString();
        m_process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
        if (!m_request.standardInput.isEmpty())
            m_process.write(m_request.standardInput);
        m_process.closeWriteChannel();
        if (m_request.timeoutMs > 0)
            m_timer.start(m_request.timeoutMs);
    }

    void cancel() override { end(Tr::tr("cancelled")); }

private:
    static bool isRoot()
    {
#ifdef Q_OS_UNIX
        return ::geteuid() == 0;
#else
        return false;
#endif
    }

    void readLines(QProcess::ProcessChannel channel, bool flush)
    {
        m_process.setReadChannel(channel);
        QByteArray &kept = channel == QProcess::StandardOutput ? m_result.standardOutput : m_result.standardError;
        QByteArray &partial = m_partial[channel];
        const QByteArray chunk = m_process.readAll();
        kept += chunk;
        partial += chunk;
        int newline;
        while ((newline = partial.indexOf('\n')) >= 0) {
            Q_EMIT outputLine(QString::fromUtf8(partial.left(newline)));
            partial.remove(0, newline + 1);
        }
        if (flush && !partial.isEmpty()) {
            Q_EMIT outputLine(QString::fromUtf8(partial));
            partial.clear();
        }
    }

    void handleFinished(int exitCode, QProcess::ExitStatus status)
    {
        if (m_ended)
            return;
        readLines(QProcess::StandardOutput, true);
        readLines(QProcess::StandardError, true);
        if (status == QProcess::CrashExit)
            m_result.exitSignal = QStringLiteral("KILL");
        else
            m_result.exitCode = exitCode;
        end(QString());
    }

    void end(const QString &error)
    {
        if (m_ended)
            return;
        m_ended = true;
        m_timer.stop();
        m_result.error = error;
        if (!error.isEmpty())
            stopProcess();
        finishWith(m_result);
    }

    void stopProcess()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.disconnect(this);
        m_process.kill();
        m_process.waitForFinished(1000); // a killed child exits at once; this only reaps it
    }

    CommandRequest m_request;
    QProcess m_process;
    QTimer m_timer;
    ExecResult m_result;
    QByteArray m_partial[2];
    bool m_ended = false;
};

} // namespace

LocalMachine::LocalMachine(const QString &address, QObject *parent) : Machine(parent), m_address(address) {}

QString LocalMachine::displayName() const
{
    return Tr::tr("this computer");
}

MachineJob *LocalMachine::run(const CommandRequest &request, QObject *parent)
{
    return new LocalJob(request, parent);
}

MachineJob *LocalMachine::upload(const QString &localPath, const QString &remotePath, int mode,
                                 QObject *parent)
{
    // Copy beside the target, then rename: a reader never sees half a file.
    const QString part = QFileInfo(remotePath).dir().filePath(QStringLiteral(".") + QFileInfo(remotePath).fileName()
                                                               + QStringLiteral(".sparkdeck-part"));
    const QString script = ShellCommand::allOf(
        {ShellCommand(QStringLiteral("mkdir"), {QStringLiteral("-p"), QFileInfo(remotePath).path()}),
         ShellCommand(QStringLiteral("cp"), {QStringLiteral("--"), localPath, part}),
         ShellCommand(QStringLiteral("chmod"), {QString::number(mode, 8), part}),
         ShellCommand(QStringLiteral("mv"), {QStringLiteral("-f"), QStringLiteral("--"), part, remotePath})});
    return new LocalJob({script, {}, false, 0}, parent);
}

} // namespace SparkDeck
