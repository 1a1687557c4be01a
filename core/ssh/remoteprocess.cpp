#include "remoteprocess.h"

#include "ssh/sshlogging.h"
#include "ssh/sshsession.h"

#include <QRegularExpression>

#include <libssh2.h>

namespace SparkDeck {

namespace {

constexpr qsizetype kReadChunk = 32 * 1024;

// sshd runs each command as the leader of a new session and process group (setsid), so the
// login shell's $$ names the whole command's process group. A fixed text, no user input in it.
const char kGroupPreamble[] = "printf '\\036sparkdeck-pgid %s\\n' \"$$\" >&2; ";
const QByteArray kGroupMarker = QByteArrayLiteral("\x1esparkdeck-pgid ");
// Stops a process group ($1): TERM now, KILL for whatever is left after 5 s. The KILL waits in
// the background (its output closed), so the stopping command itself ends at once.
// (`kill -SIG -N`, not `kill -SIG -- -N`: dash's kill takes no `--`.)
const char kStopScript[] =
    "kill -TERM \"-$1\" 2>/dev/null || exit 0; "
    "( i=0; while [ \"$i\" -lt 5 ] && kill -0 \"-$1\" 2>/dev/null; do sleep 1; i=$((i + 1)); done; "
    "kill -KILL \"-$1\" 2>/dev/null ) </dev/null >/dev/null 2>&1 & exit 0";
const char kStopperName[] = "sparkdeck-stop";

} // namespace

RemoteProcess::RemoteProcess(SshSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &RemoteProcess::handleTimeout);
}

RemoteProcess::~RemoteProcess()
{
    if (isRunning())
        stopRemoteGroup();
    if (m_session) {
        if (m_channel)
            m_session->disposeChannel(m_channel);
        else if (m_holdsSlot)
            m_session->releaseChannelSlot();
        if (m_attached)
            m_session->detachClient(this);
    }
}

void RemoteProcess::setCommand(const ShellCommand &command)
{
    m_script = command.toString();
}

void RemoteProcess::setScript(const QString &shellText)
{
    m_script = shellText;
}

void RemoteProcess::addEnvironment(const QString &name, const QString &value)
{
    m_environment << qMakePair(name, value);
}

QString RemoteProcess::commandLine() const
{
    QString text;
    for (const auto &variable : m_environment) {
        static const QRegularExpression validName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (!validName.match(variable.first).hasMatch())
            continue; // never reaches the shell: not a variable name
        text += ShellCommand(QStringLiteral("export"), {variable.first + QLatin1Char('=') + variable.second})
                    .toString()
                + QStringLiteral("; ");
    }
    text += m_script;
    if (m_runAsRoot && m_session && !m_session->target().isRoot()) {
        return ShellCommand(QStringLiteral("sudo"),
                            {QStringLiteral("-n"), QStringLiteral("--"), QStringLiteral("sh"),
                             QStringLiteral("-c"), text})
            .toString();
    }
    return text;
}

void RemoteProcess::start()
{
    if (isRunning())
        return;
    m_result = ExecResult();
    m_partial[0].clear();
    m_partial[1].clear();
    m_stdinWritten = 0;
    m_eofSent = false;
    m_closeSent = false;
    m_awaitingGroup = m_stopOnCancel;
    m_groupProbe.clear();
    m_remoteGroup = 0;
    if (!m_session) {
        m_phase = Phase::WaitingForSlot;
        QTimer::singleShot(0, this, [this] { finish(tr("No SSH session.")); });
        return;
    }
    m_commandBytes = (m_stopOnCancel ? QByteArray(kGroupPreamble) : QByteArray())
                     + commandLine().toUtf8();
    qCDebug(lcSsh).noquote() << m_session->target().displayName() << "exec:" << commandLine();
    m_phase = Phase::WaitingForSlot;
    m_attached = true;
    m_session->attachClient(this);
    if (m_timeoutMs > 0)
        m_timeout.start(m_timeoutMs);
    if (m_session->state() == SshSession::State::Disconnected)
        m_session->connectToHost();
    else
        m_session->schedulePump();
}

void RemoteProcess::cancel()
{
    if (!isRunning())
        return;
    stopRemoteGroup();
    finish(tr("Cancelled."));
}

bool RemoteProcess::stopsPending(const SshSession *session)
{
    return session
           && !session->findChildren<RemoteProcess *>(QLatin1String(kStopperName),
                                                      Qt::FindDirectChildrenOnly)
                   .isEmpty();
}

void RemoteProcess::stopRemoteGroup()
{
    const qint64 group = m_remoteGroup;
    m_remoteGroup = 0;
    if (!m_stopOnCancel || group <= 1 || !m_session || !m_session->isConnected())
        return;
    qCDebug(lcSsh) << m_session->target().displayName() << "stopping process group" << group;
    // Owned by the session: it outlives this process object and goes when it is done.
    auto *stopper = new RemoteProcess(m_session, m_session);
    stopper->setObjectName(QLatin1String(kStopperName));
    stopper->setStopOnCancel(false);
    stopper->setRunAsRoot(m_runAsRoot);
    stopper->setTimeout(30000);
    stopper->setCommand(ShellCommand(QStringLiteral("sh"),
                                     {QStringLiteral("-c"), QString::fromLatin1(kStopScript),
                                      QStringLiteral("sparkdeck-stop"), QString::number(group)}));
    connect(stopper, &RemoteProcess::finished, stopper, &QObject::deleteLater);
    stopper->start();
}

void RemoteProcess::handleTimeout()
{
    if (!isRunning())
        return;
    stopRemoteGroup();
    finish(tr("The command on %1 did not finish within %2 s and was stopped.")
               .arg(m_session ? m_session->target().displayName() : QString())
               .arg((m_timeoutMs + 999) / 1000));
}

bool RemoteProcess::pumpChannel()
{
    if (!m_session || !m_session->isConnected())
        return false;
    LIBSSH2_SESSION *session = m_session->handle();
    bool progress = false;
    for (;;) {
        switch (m_phase) {
        case Phase::Idle:
        case Phase::Done:
            return progress;
        case Phase::WaitingForSlot:
            if (!m_session->acquireChannelSlot())
                return progress;
            m_holdsSlot = true;
            m_phase = Phase::Opening;
            progress = true;
            continue;
        case Phase::Opening: {
            if (!m_session->acquireOpenTurn(this))
                return progress;
            m_channel = libssh2_channel_open_session(session);
            const int openCode = m_channel ? 0 : libssh2_session_last_errno(session);
            if (openCode != LIBSSH2_ERROR_EAGAIN)
                m_session->releaseOpenTurn(this);
            if (!m_channel) {
                const int code = openCode;
                if (code == LIBSSH2_ERROR_EAGAIN)
                    return progress;
                const QString detail = m_session->lastLibssh2Error();
                if (m_session->handleLibssh2Error(code, QString()))
                    return true; // sessionClosed() has finished us
                finish(tr("%1 refused to open a command channel: %2")
                           .arg(m_session->target().displayName(), detail));
                return true;
            }
            m_phase = Phase::Starting;
            progress = true;
            continue;
        }
        case Phase::Starting: {
            const int rc = libssh2_channel_process_startup(m_channel, "exec", 4,
                                                           m_commandBytes.constData(),
                                                           unsigned(m_commandBytes.size()));
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return progress;
            if (rc != 0) {
                const QString detail = m_session->lastLibssh2Error();
                if (m_session->handleLibssh2Error(rc, QString()))
                    return true;
                finish(tr("%1 refused to run the command: %2")
                           .arg(m_session->target().displayName(), detail));
                return true;
            }
            m_phase = Phase::Running;
            progress = true;
            QPointer<RemoteProcess> self(this);
            Q_EMIT started();
            if (!self || m_phase != Phase::Running)
                return true;
            continue;
        }
        case Phase::Running: {
            while (m_stdinWritten < m_stdin.size()) {
                const ssize_t written = libssh2_channel_write(
                    m_channel, m_stdin.constData() + m_stdinWritten,
                    size_t(m_stdin.size() - m_stdinWritten));
                if (written == LIBSSH2_ERROR_EAGAIN)
                    break;
                if (written < 0) {
                    if (m_session->handleLibssh2Error(int(written), QString()))
                        return true;
                    m_stdinWritten = m_stdin.size(); // the command closed its stdin: fine
                    break;
                }
                m_stdinWritten += written;
                progress = true;
            }
            if (m_stdinWritten >= m_stdin.size() && !m_eofSent) {
                const int rc = libssh2_channel_send_eof(m_channel);
                if (rc != LIBSSH2_ERROR_EAGAIN) {
                    if (rc != 0 && m_session->handleLibssh2Error(rc, QString()))
                        return true;
                    m_eofSent = true;
                    progress = true;
                }
            }
            QPointer<RemoteProcess> self(this);
            const bool readOut = readStream(0);
            if (!self || m_phase != Phase::Running)
                return true;
            const bool readErr = readStream(1);
            if (!self || m_phase != Phase::Running)
                return true;
            progress = progress || readOut || readErr;
            if (!libssh2_channel_eof(m_channel))
                return progress;
            if (m_awaitingGroup) {
                appendOutput(1, takeGroupReport(QByteArray(), true));
                if (!self || m_phase != Phase::Running)
                    return true;
            }
            emitLines(0, true);
            if (!self)
                return true;
            emitLines(1, true);
            if (!self || m_phase != Phase::Running)
                return true;
            m_phase = Phase::Closing;
            progress = true;
            continue;
        }
        case Phase::Closing: {
            if (!m_closeSent) {
                const int rc = libssh2_channel_close(m_channel);
                if (rc == LIBSSH2_ERROR_EAGAIN)
                    return progress;
                if (rc != 0 && m_session->handleLibssh2Error(rc, QString()))
                    return true;
                m_closeSent = true;
            }
            const int rc = libssh2_channel_wait_closed(m_channel);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return progress;
            if (rc != 0 && m_session->handleLibssh2Error(rc, QString()))
                return true;
            m_result.exitCode = libssh2_channel_get_exit_status(m_channel);
            char *signal = nullptr;
            size_t signalLength = 0;
            if (libssh2_channel_get_exit_signal(m_channel, &signal, &signalLength, nullptr,
                                                nullptr, nullptr, nullptr)
                    == 0
                && signal) {
                m_result.exitSignal = QString::fromLatin1(signal, qsizetype(signalLength));
                m_result.exitCode = -1;
                libssh2_free(session, signal);
            }
            QString error;
            if (m_runAsRoot && !m_session->target().isRoot() && m_result.exitCode == 1
                && (m_result.standardError.contains("sudo: a password is required")
                    || m_result.standardError.contains("sudo: a terminal is required"))) {
                error = tr("sudo on %1 asks %2 for a password, and SparkDeck runs sudo without a "
                           "terminal (sudo -n). Allow %2 to run sudo without a password (a "
                           "NOPASSWD rule in /etc/sudoers.d), or connect as root.")
                            .arg(m_session->target().host, m_session->target().user);
                m_result.exitCode = -1;
            } else if (m_runAsRoot && !m_session->target().isRoot() && m_result.exitCode == 127
                       && m_result.standardError.contains("sudo")
                       && m_result.standardError.contains("not found")) {
                error = tr("sudo is not installed on %1; install it or connect as root.")
                            .arg(m_session->target().host);
                m_result.exitCode = -1;
            }
            finish(error);
            return true;
        }
        }
    }
}

bool RemoteProcess::readStream(int stream)
{
    bool progress = false;
    char buffer[kReadChunk];
    for (;;) {
        const ssize_t n = libssh2_channel_read_ex(m_channel, stream, buffer, sizeof buffer);
        if (n == LIBSSH2_ERROR_EAGAIN || n == 0)
            return progress;
        if (n < 0) {
            if (m_session->handleLibssh2Error(int(n), QString()))
                return true;
            finish(tr("Reading the output of the command on %1 failed: %2")
                       .arg(m_session->target().displayName(), m_session->lastLibssh2Error()));
            return true;
        }
        progress = true;
        const QByteArray data(buffer, n);
        QPointer<RemoteProcess> self(this);
        appendOutput(stream, stream == 1 && m_awaitingGroup ? takeGroupReport(data, false) : data);
        if (!self || m_phase != Phase::Running)
            return true;
    }
}

// Takes the preamble's line out of the first bytes of stderr (a login script may print before
// it); returns what is left for the output.
QByteArray RemoteProcess::takeGroupReport(const QByteArray &data, bool flush)
{
    m_groupProbe.append(data);
    QByteArray passed;
    for (;;) {
        const qsizetype newline = m_groupProbe.indexOf('\n');
        if (newline < 0)
            break;
        const QByteArray line = m_groupProbe.left(newline + 1);
        m_groupProbe.remove(0, newline + 1);
        if (line.startsWith(kGroupMarker)) {
            bool ok = false;
            const qint64 group = line.mid(kGroupMarker.size()).trimmed().toLongLong(&ok);
            if (ok && group > 1)
                m_remoteGroup = group;
            m_awaitingGroup = false;
            break;
        }
        passed += line;
    }
    if (flush || !m_awaitingGroup || m_groupProbe.size() > 64 * 1024) {
        passed += m_groupProbe;
        m_groupProbe.clear();
        m_awaitingGroup = false;
    }
    return passed;
}

void RemoteProcess::appendOutput(int stream, const QByteArray &data)
{
    if (data.isEmpty())
        return;
    QByteArray &kept = stream == 0 ? m_result.standardOutput : m_result.standardError;
    if (kept.size() + data.size() <= kMaxKeptOutput) {
        kept.append(data);
    } else {
        kept.append(data.constData(), qMax<qsizetype>(0, kMaxKeptOutput - kept.size()));
        m_result.outputTruncated = true;
    }
    m_partial[stream].append(data);
    emitLines(stream, false);
}

void RemoteProcess::emitLines(int stream, bool flush)
{
    QPointer<RemoteProcess> self(this);
    QByteArray &buffer = m_partial[stream];
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = buffer.indexOf('\n', start);
        if (newline < 0)
            break;
        QByteArray line = buffer.mid(start, newline - start);
        start = newline + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        const QString text = QString::fromUtf8(line);
        if (stream == 0)
            Q_EMIT standardOutputLine(text);
        else
            Q_EMIT standardErrorLine(text);
        if (!self || m_phase == Phase::Done)
            return;
    }
    buffer.remove(0, start);
    if (flush && !buffer.isEmpty()) {
        const QString text = QString::fromUtf8(buffer);
        buffer.clear();
        if (stream == 0)
            Q_EMIT standardOutputLine(text);
        else
            Q_EMIT standardErrorLine(text);
    }
}

void RemoteProcess::sessionClosed(const QString &reason)
{
    // The session freed our channel with itself.
    m_channel = nullptr;
    m_holdsSlot = false;
    m_attached = false;
    if (m_session)
        m_session->detachClient(this);
    if (isRunning())
        finish(reason);
}

void RemoteProcess::finish(const QString &error)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    m_timeout.stop();
    if (m_session) {
        if (m_channel) {
            // Closed and freed: libssh2_channel_free cannot block then; otherwise the session
            // finishes closing it in the background.
            m_session->disposeChannel(m_channel);
            m_channel = nullptr;
        } else if (m_holdsSlot) {
            m_session->releaseChannelSlot();
        }
        m_holdsSlot = false;
        if (m_attached) {
            m_session->detachClient(this);
            m_attached = false;
        }
    }
    if (!error.isEmpty()) {
        m_result.error = error;
        m_result.exitCode = -1;
    }
    qCDebug(lcSsh) << (m_session ? m_session->target().displayName() : QString())
                   << "command finished:" << m_result.summary();
    Q_EMIT finished(m_result);
}

} // namespace SparkDeck
