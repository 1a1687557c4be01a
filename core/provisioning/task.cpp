#include "task.h"

namespace SparkDeck {

Task::Task(const QString &title, QObject *parent) : QObject(parent), m_title(title) {}

void Task::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Running;
    Q_EMIT started();
    run();
}

void Task::cancel()
{
    if (m_state == State::Idle)
        finish(TaskOutcome::cancelled());
    else if (m_state == State::Running)
        handleCancel();
}

void Task::handleCancel()
{
    finish(TaskOutcome::cancelled());
}

void Task::finish(const TaskOutcome &outcome)
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    m_outcome = outcome;
    Q_EMIT finished(m_outcome);
    Q_EMIT finishedForGroup();
}

} // namespace SparkDeck
