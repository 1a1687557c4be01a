#pragma once

#include "provisioning/runjournal.h"
#include "provisioning/task.h"

#include <QObject>
#include <QPointer>

namespace SparkDeck {

class TaskGroup;

/// Runs one operation's task graph (up, scale, down) and reports it: which step starts and
/// ends on which host, every output line, and the end of the run, to the CLI or the GUI alike;
/// and writes each step's end to the cluster's RunJournal as it happens.
class OperationRunner : public QObject
{
    Q_OBJECT
public:
    /// Takes ownership of `graph`.
    OperationRunner(const QString &operation, TaskGroup *graph, RunJournal *journal, QObject *parent = nullptr);

    /// Redacts this secret from everything reported or journaled.
    void setSecretSource(std::function<Secret()> secret) { m_secret = std::move(secret); }

    void start();
    void cancel();
    bool isRunning() const;
    const TaskOutcome &outcome() const;
    TaskGroup *graph() const { return m_graph; }

Q_SIGNALS:
    void stepStarted(const QString &host, const QString &step);
    /// `alreadyDone`: nothing was changed (the step's check held, or the task only looked).
    void stepFinished(const QString &host, const QString &step, const SparkDeck::TaskOutcome &outcome,
                      bool alreadyDone);
    void outputLine(const QString &host, const QString &line);
    /// A journal write failed (disk full): the run goes on, but the user must know.
    void journalProblem(const QString &message);
    void finished(const SparkDeck::TaskOutcome &outcome);

private:
    void watch(Task *task);
    QString redact(const QString &text) const;
    void reportJournal(const Status &status);

    QString m_operation;
    TaskGroup *m_graph;
    RunJournal *m_journal;
    std::function<Secret()> m_secret;
};

} // namespace SparkDeck
