#include "step.h"

#include <QCoreApplication>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::Step)
};
} // namespace

Step::Step(const QString &title, QObject *parent) : Task(title, parent)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Step::startApply);
}

void Step::run()
{
    m_phase = Phase::Checking;
    check();
}

void Step::checkFinished(bool holds)
{
    if (m_phase == Phase::Verifying) {
        m_phase = Phase::Done;
        finish(holds ? TaskOutcome::success() : notTakenEffect());
        return;
    }
    if (m_phase != Phase::Checking)
        return;
    if (holds) {
        m_alreadyDone = true;
        m_phase = Phase::Done;
        finish(TaskOutcome::success(Tr::tr("already done")));
        return;
    }
    startApply();
}

TaskOutcome Step::notTakenEffect() const
{
    return TaskOutcome::failure(Tr::tr("%1 reported success, but the check afterwards says it did not happen")
                                    .arg(title()));
}

void Step::checkFailed(const TaskOutcome &outcome)
{
    if (m_phase != Phase::Checking && m_phase != Phase::Verifying)
        return;
    m_phase = Phase::Done;
    finish(outcome);
}

void Step::startApply()
{
    m_phase = Phase::Applying;
    ++m_attempts;
    apply();
}

void Step::applyFinished(const TaskOutcome &outcome)
{
    if (m_phase != Phase::Applying)
        return;
    if (outcome.failed() && outcome.transient && m_attempts < m_retryPolicy.attempts) {
        const int delay = m_retryPolicy.firstDelayMs << (m_attempts - 1);
        Q_EMIT outputLine(Tr::tr("%1; trying again in %2 s (attempt %3 of %4)")
                              .arg(outcome.message)
                              .arg(delay / 1000.0, 0, 'f', 1)
                              .arg(m_attempts + 1)
                              .arg(m_retryPolicy.attempts));
        m_phase = Phase::WaitingToRetry;
        m_retryTimer.start(delay);
        return;
    }
    if (outcome.succeeded() && m_verifyAfterApply) {
        m_phase = Phase::Verifying;
        check();
        return;
    }
    m_phase = Phase::Done;
    finish(outcome);
}

void Step::handleCancel()
{
    if (m_phase == Phase::Checking || m_phase == Phase::Applying || m_phase == Phase::Verifying)
        abort();
    m_retryTimer.stop();
    m_phase = Phase::Done;
    finish(TaskOutcome::cancelled());
}

} // namespace SparkDeck
