#pragma once

#include "ssh/execresult.h"
#include "ssh/shellcommand.h"
#include "ssh/sshtarget.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

namespace SparkDeck {

class RemoteProcess;
class SshSessionPool;

/// Runs one command (or one ShellCommand-built script) on many hosts with a bounded number of
/// hosts at work at once, and collects one ExecResult per host. Sessions come from an
/// SshSessionPool, so a second fan-out over the same hosts reuses their connections.
///
/// Rules: a failing host never stops the others; cancel() ends every host at once (hosts not
/// started yet report "Cancelled."); finished() comes exactly once.
class SshFanOut : public QObject
{
    Q_OBJECT
public:
    explicit SshFanOut(SshSessionPool *pool, QObject *parent = nullptr);
    ~SshFanOut() override;

    void setTargets(const QList<SshTarget> &targets) { m_targets = targets; }
    void setCommand(const ShellCommand &command) { m_script = command.toString(); }
    void setScript(const QString &shellText) { m_script = shellText; }
    void addEnvironment(const QString &name, const QString &value);
    void setRunAsRoot(bool asRoot) { m_runAsRoot = asRoot; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    /// Hosts at work at once (default 32).
    void setParallelism(int hosts) { m_parallelism = qMax(1, hosts); }

    const QList<SshTarget> &targets() const { return m_targets; }
    /// In the order of targets(); valid once finished().
    const QList<ExecResult> &results() const { return m_results; }
    bool isRunning() const { return m_running; }

    void start();
    void cancel();

Q_SIGNALS:
    void hostStarted(int index);
    void outputLine(int index, const QString &line);
    void errorLine(int index, const QString &line);
    void hostFinished(int index, const SparkDeck::ExecResult &result);
    void finished();

private:
    void startMore();
    void handleProcessFinished(int index, const ExecResult &result);

    SshSessionPool *m_pool;
    QList<SshTarget> m_targets;
    QString m_script;
    QList<QPair<QString, QString>> m_environment;
    bool m_runAsRoot = false;
    int m_timeoutMs = 0;
    int m_parallelism = 32;

    bool m_running = false;
    int m_next = 0;
    int m_done = 0;
    QList<ExecResult> m_results;
    QList<QPointer<RemoteProcess>> m_processes;
};

} // namespace SparkDeck
