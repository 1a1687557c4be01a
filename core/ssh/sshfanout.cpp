#include "sshfanout.h"

#include "ssh/remoteprocess.h"
#include "ssh/sshsessionpool.h"

namespace SparkDeck {

SshFanOut::SshFanOut(SshSessionPool *pool, QObject *parent) : QObject(parent), m_pool(pool) {}

SshFanOut::~SshFanOut()
{
    for (const QPointer<RemoteProcess> &process : std::as_const(m_processes)) {
        if (process) {
            process->disconnect(this);
            delete process;
        }
    }
}

void SshFanOut::addEnvironment(const QString &name, const QString &value)
{
    m_environment << qMakePair(name, value);
}

void SshFanOut::start()
{
    if (m_running)
        return;
    m_running = true;
    m_next = 0;
    m_done = 0;
    m_results = QList<ExecResult>(m_targets.size());
    m_processes = QList<QPointer<RemoteProcess>>(m_targets.size());
    if (m_targets.isEmpty()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    startMore();
}

void SshFanOut::startMore()
{
    QPointer<SshFanOut> self(this);
    while (self && m_running && m_next < m_targets.size() && m_next - m_done < m_parallelism) {
        const int index = m_next++;
        auto *process = new RemoteProcess(m_pool->session(m_targets.at(index)), this);
        process->setScript(m_script);
        for (const auto &variable : std::as_const(m_environment))
            process->addEnvironment(variable.first, variable.second);
        process->setRunAsRoot(m_runAsRoot);
        process->setTimeout(m_timeoutMs);
        m_processes[index] = process;
        connect(process, &RemoteProcess::standardOutputLine, this,
                [this, index](const QString &line) { Q_EMIT outputLine(index, line); });
        connect(process, &RemoteProcess::standardErrorLine, this,
                [this, index](const QString &line) { Q_EMIT errorLine(index, line); });
        connect(process, &RemoteProcess::finished, this,
                [this, index](const ExecResult &result) { handleProcessFinished(index, result); });
        Q_EMIT hostStarted(index);
        if (self && m_running)
            process->start();
    }
}

void SshFanOut::handleProcessFinished(int index, const ExecResult &result)
{
    if (RemoteProcess *process = m_processes.value(index)) {
        process->disconnect(this);
        process->deleteLater();
        m_processes[index] = nullptr;
    }
    m_results[index] = result;
    ++m_done;
    QPointer<SshFanOut> self(this);
    Q_EMIT hostFinished(index, result);
    if (!self)
        return;
    if (m_done == m_targets.size()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    startMore();
}

void SshFanOut::cancel()
{
    if (!m_running)
        return;
    QPointer<SshFanOut> self(this);
    // Nothing new starts from here on; running hosts stop, then the others report.
    const int notStarted = m_next;
    m_next = m_targets.size();
    for (int index = 0; index < notStarted && self; ++index) {
        if (RemoteProcess *process = m_processes.value(index))
            process->cancel();
    }
    for (int index = notStarted; index < m_targets.size() && self; ++index) {
        ExecResult result;
        result.error = tr("Cancelled.");
        handleProcessFinished(index, result);
    }
}

} // namespace SparkDeck
