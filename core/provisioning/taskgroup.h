#pragma once

#include "provisioning/task.h"

#include <QList>

namespace SparkDeck {

/// Runs child tasks one after another or side by side (at most `parallelLimit` at once).
///
/// Failure policy: StopOnError cancels the running children and starts no more at the first
/// failure (a master failure stops the run); ContinueOnError lets the others finish (a worker
/// host's failure does not stop the other hosts) and fails at the end, naming how many failed;
/// TolerateErrors does the same but succeeds, for work that may partly fail (some workers).
/// Cancelling the group cancels every running child and finishes once they all have.
class TaskGroup : public Task
{
    Q_OBJECT
public:
    enum class Mode { Sequence, Parallel };
    enum class FailurePolicy {
        StopOnError,     ///< the first failure cancels the rest and fails the group
        ContinueOnError, ///< the others go on; the group fails at the end
        TolerateErrors,  ///< the others go on; the group succeeds, naming what failed
    };

    TaskGroup(const QString &title, Mode mode, FailurePolicy policy = FailurePolicy::StopOnError,
              int parallelLimit = 0, QObject *parent = nullptr);

    /// Takes ownership. Add children before start().
    void addTask(Task *task);
    const QList<Task *> &tasks() const { return m_tasks; }
    /// The children that failed, once finished.
    QList<Task *> failedTasks() const;

protected:
    void run() override;
    void handleCancel() override;

private:
    void startMore();
    void handleChildFinished(Task *child);
    int runningCount() const;
    void finishWhenIdle();
    QString failureSummary() const;

    Mode m_mode;
    FailurePolicy m_policy;
    int m_parallelLimit;
    QList<Task *> m_tasks;
    int m_next = 0;
    int m_failures = 0;
    TaskOutcome m_firstFailure;
    bool m_stopping = false;
    bool m_cancelled = false;
    bool m_settling = false; ///< cancelling never-started children: their ends change nothing
};

} // namespace SparkDeck
