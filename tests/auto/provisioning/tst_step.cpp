// A step checks before it acts, so a second `up` only verifies; transient failures are retried
// with backoff, permanent ones are not; cancel stops the running phase at once.
#include "provisioning/step.h"

#include <QtTest>

using namespace SparkDeck;

namespace {

/// A step whose check and apply answers are scripted; it logs each phase it enters.
class ScriptedStep : public Step
{
public:
    ScriptedStep(bool holds, QList<TaskOutcome> applyOutcomes, QStringList &log)
        : Step(QStringLiteral("install Java")), m_holds(holds), m_applyOutcomes(std::move(applyOutcomes)), m_log(log)
    {
        setRetryPolicy({3, 0});
    }
    /// What check() answers after the first time.
    std::optional<bool> holdsLater;
    bool answerLater = false;
    void answerApply() { applyFinished(m_applyOutcomes.takeFirst()); }

protected:
    void check() override
    {
        m_log << QStringLiteral("check");
        const bool holds = m_checked && holdsLater ? *holdsLater : m_holds;
        m_checked = true;
        checkFinished(holds);
    }
    void apply() override
    {
        m_log << QStringLiteral("apply");
        if (!answerLater)
            answerApply();
    }
    void abort() override { m_log << QStringLiteral("abort"); }

private:
    bool m_holds;
    bool m_checked = false;
    QList<TaskOutcome> m_applyOutcomes;
    QStringList &m_log;
};

} // namespace

class tst_Step : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_log.clear(); }
    void whatAlreadyHoldsIsOnlyChecked();
    void whatDoesNotHoldIsApplied();
    void transientFailuresAreRetriedWithBackoff();
    void permanentFailuresAreNotRetried();
    void retriesStopAfterTheLastAttempt();
    void cancelAbortsTheRunningPhase();
    void verificationCatchesAnApplyThatDidNotTakeEffect();
    void verificationConfirmsAnApplyThatDid();

private:
    QStringList m_log;
};

void tst_Step::whatAlreadyHoldsIsOnlyChecked()
{
    ScriptedStep step(true, {}, m_log);
    step.start();
    QCOMPARE(m_log, QStringList({"check"}));
    QVERIFY(step.outcome().succeeded());
    QVERIFY(step.wasAlreadyDone());
    QCOMPARE(step.attempts(), 0);
}

void tst_Step::whatDoesNotHoldIsApplied()
{
    ScriptedStep step(false, {TaskOutcome::success()}, m_log);
    step.start();
    QCOMPARE(m_log, QStringList({"check", "apply"}));
    QVERIFY(step.outcome().succeeded());
    QVERIFY(!step.wasAlreadyDone());
}

void tst_Step::transientFailuresAreRetriedWithBackoff()
{
    ScriptedStep step(false,
                      {TaskOutcome::failure(QStringLiteral("dpkg lock held"), true),
                       TaskOutcome::success()},
                      m_log);
    QSignalSpy output(&step, &Task::outputLine);
    step.start();
    QTRY_VERIFY(step.state() == Task::State::Finished);
    QCOMPARE(m_log, QStringList({"check", "apply", "apply"}));
    QVERIFY(step.outcome().succeeded());
    QCOMPARE(step.attempts(), 2);
    QCOMPARE(output.first().first().toString(),
             QStringLiteral("dpkg lock held; trying again in 0.0 s (attempt 2 of 3)"));
}

void tst_Step::permanentFailuresAreNotRetried()
{
    ScriptedStep step(false, {TaskOutcome::failure(QStringLiteral("no package manager"))}, m_log);
    step.start();
    QCOMPARE(m_log, QStringList({"check", "apply"}));
    QCOMPARE(step.outcome().message, QStringLiteral("no package manager"));
}

void tst_Step::retriesStopAfterTheLastAttempt()
{
    const TaskOutcome reset = TaskOutcome::failure(QStringLiteral("connection reset"), true);
    ScriptedStep step(false, {reset, reset, reset}, m_log);
    step.start();
    QTRY_VERIFY(step.state() == Task::State::Finished);
    QCOMPARE(m_log, QStringList({"check", "apply", "apply", "apply"}));
    QVERIFY(step.outcome().failed());
    QCOMPARE(step.outcome().message, QStringLiteral("connection reset"));
}

void tst_Step::cancelAbortsTheRunningPhase()
{
    ScriptedStep step(false, {TaskOutcome::success()}, m_log);
    step.answerLater = true;
    step.start();
    step.cancel();
    QCOMPARE(m_log, QStringList({"check", "apply", "abort"}));
    QVERIFY(step.outcome().wasCancelled());
    step.answerApply(); // a late answer from the aborted phase changes nothing
    QVERIFY(step.outcome().wasCancelled());
}

void tst_Step::verificationCatchesAnApplyThatDidNotTakeEffect()
{
    ScriptedStep step(false, {TaskOutcome::success()}, m_log);
    step.setVerifyAfterApply(true);
    step.holdsLater = false; // e.g. the daemon died right after "starting"
    step.start();
    QCOMPARE(m_log, QStringList({"check", "apply", "check"}));
    QVERIFY(step.outcome().failed());
    QCOMPARE(step.outcome().message,
             QStringLiteral("install Java reported success, but the check afterwards says it did not happen"));
}

void tst_Step::verificationConfirmsAnApplyThatDid()
{
    ScriptedStep step(false, {TaskOutcome::success()}, m_log);
    step.setVerifyAfterApply(true);
    step.holdsLater = true;
    step.start();
    QCOMPARE(m_log, QStringList({"check", "apply", "check"}));
    QVERIFY(step.outcome().succeeded());
}

QTEST_GUILESS_MAIN(tst_Step)
#include "tst_step.moc"
