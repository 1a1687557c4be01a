#include "taskgroup.h"

#include <QCoreApplication>

#include <algorithm>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::TaskGroup)
};
} // namespace

TaskGroup::TaskGroup(const QString &title, Mode mode, FailurePolicy policy, int parallelLimit,
                     QObject *parent)
    : Task(title, parent), m_mode(mode), m_policy(policy), m_parallelLimit(parallelLimit)
{}

void TaskGroup::addTask(Task *task)
{
    Q_ASSERT(state() == State::Idle);
    task->setParent(this);
    connect(task, &Task::finishedForGroup, this, [this, task] { handleChildFinished(task); });
    connect(task, &Task::outputLine, this, &Task::outputLine);
    m_tasks << task;
}

void TaskGroup::run()
{
    if (m_tasks.isEmpty()) {
        finish(TaskOutcome::success());
        return;
    }
    startMore();
}

int TaskGroup::runningCount() const
{
    return int(std::count_if(m_tasks.cbegin(), m_tasks.cend(), [](const Task *t) { return t->isRunning(); }));
}

void TaskGroup::startMore()
{
    const int limit = m_mode == Mode::Sequence ? 1
                      : m_parallelLimit > 0    ? m_parallelLimit
                                               : int(m_tasks.size());
    // Starting a child may finish it at once (and re-enter here): re-check on every round.
    while (!m_stopping && m_next < m_tasks.size() && runningCount() < limit)
        m_tasks.at(m_next++)->start();
    finishWhenIdle();
}

void TaskGroup::handleChildFinished(Task *child)
{
    if (m_settling)
        return;
    const TaskOutcome &outcome = child->outcome();
    if (outcome.failed()) {
        if (m_failures++ == 0)
            m_firstFailure = outcome;
        if (m_policy == FailurePolicy::StopOnError && !m_stopping) {
            m_stopping = true;
            for (Task *task : std::as_const(m_tasks)) {
                if (task->isRunning())
                    task->cancel();
            }
        }
    }
    if (state() == State::Running)
        startMore();
}

void TaskGroup::finishWhenIdle()
{
    if (runningCount() > 0 || (!m_stopping && m_next < m_tasks.size()) || state() != State::Running)
        return;
    // Children never started because of a stop end as cancelled, so every child has an outcome.
    const int firstUnstarted = m_next;
    m_next = int(m_tasks.size());
    m_settling = true;
    for (int i = firstUnstarted; i < m_tasks.size(); ++i)
        m_tasks.at(i)->cancel();
    m_settling = false;
    TaskOutcome gathered = TaskOutcome::success();
    for (const Task *task : std::as_const(m_tasks)) {
        gathered.partialFailures += task->outcome().partialFailures;
        gathered.warnings += task->outcome().warnings;
    }
    if (m_cancelled) {
        finish(TaskOutcome::cancelled());
    } else if (m_failures == 0) {
        finish(gathered);
    } else if (m_policy == FailurePolicy::TolerateErrors) {
        gathered.partialFailures << failureSummary();
        finish(gathered);
    } else if (m_failures == 1 || m_policy == FailurePolicy::StopOnError) {
        finish(m_firstFailure);
    } else {
        finish(TaskOutcome::failure(failureSummary()));
    }
}

QString TaskGroup::failureSummary() const
{
    return Tr::tr("%1 of %2 tasks in '%3' failed; the first: %4")
        .arg(m_failures)
        .arg(m_tasks.size())
        .arg(title(), m_firstFailure.message);
}

QList<Task *> TaskGroup::failedTasks() const
{
    QList<Task *> failed;
    for (Task *task : m_tasks) {
        if (task->state() == State::Finished && task->outcome().failed())
            failed << task;
    }
    return failed;
}

void TaskGroup::handleCancel()
{
    m_cancelled = true;
    m_stopping = true;
    for (Task *task : std::as_const(m_tasks)) {
        if (task->isRunning())
            task->cancel();
    }
    finishWhenIdle();
}

} // namespace SparkDeck
