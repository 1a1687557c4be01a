#pragma once

#include "provisioning/task.h"

#include <QStringList>

namespace SparkDeck::Test {

/// A task that records what happens to it in a shared event log and finishes when the test
/// says so, so that task-graph tests compare event logs instead of waiting on clocks.
class FakeTask : public Task
{
    Q_OBJECT
public:
    FakeTask(const QString &name, QStringList &log) : Task(name), m_log(log) {}

    /// Makes start() finish the task at once with this outcome.
    void finishOnStart(const TaskOutcome &outcome)
    {
        m_immediate = true;
        m_immediateOutcome = outcome;
    }
    void succeed() { end(TaskOutcome::success()); }
    void fail(const QString &message) { end(TaskOutcome::failure(message)); }

protected:
    void run() override
    {
        m_log << QStringLiteral("start ") + title();
        if (m_immediate)
            end(m_immediateOutcome);
    }
    void handleCancel() override
    {
        m_log << QStringLiteral("cancel ") + title();
        finish(TaskOutcome::cancelled());
    }

private:
    void end(const TaskOutcome &outcome)
    {
        m_log << QStringLiteral("%1 %2").arg(outcome.succeeded() ? QStringLiteral("done") : QStringLiteral("fail"),
                                              title());
        finish(outcome);
    }

    QStringList &m_log;
    bool m_immediate = false;
    TaskOutcome m_immediateOutcome;
};

} // namespace SparkDeck::Test
