// The task graph: sequences run one at a time, parallel groups respect their limit, a failure
// stops or does not stop the others by policy, and cancel reaches every running task.
// Compared as event logs: no clocks, no sleeps.
#include "faketask.h"
#include "provisioning/awaittask.h"
#include "provisioning/taskgroup.h"

#include <QtTest>

using namespace SparkDeck;
using SparkDeck::Test::FakeTask;

class tst_TaskGroup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_log.clear(); }
    void sequenceRunsOneAfterAnother();
    void parallelGroupRespectsItsLimit();
    void stopOnErrorCancelsTheRunningAndSkipsTheRest();
    void continueOnErrorLetsTheOthersFinish();
    void tolerateErrorsSucceedsAndNamesWhatFailed();
    void cancelReachesEveryRunningTaskAndEndsTheGroup();
    void nestedGroupsModelHostsInParallelAndStepsInSequence();
    void emptyGroupSucceeds();
    void everyTaskEndsExactlyOnce();
    void aBranchAwaitsAnotherWithoutPolling();
    void anAwaitFailsWhenWhatItAwaitsFails();

private:
    FakeTask *add(TaskGroup &group, const char *name)
    {
        auto *task = new FakeTask(QString::fromLatin1(name), m_log);
        group.addTask(task);
        return task;
    }
    QStringList m_log;
};

void tst_TaskGroup::sequenceRunsOneAfterAnother()
{
    TaskGroup group(QStringLiteral("host"), TaskGroup::Mode::Sequence);
    FakeTask *a = add(group, "a");
    FakeTask *b = add(group, "b");
    group.start();
    QCOMPARE(m_log, QStringList({"start a"}));
    a->succeed();
    b->succeed();
    QCOMPARE(m_log, QStringList({"start a", "done a", "start b", "done b"}));
    QVERIFY(group.outcome().succeeded());
    QCOMPARE(group.state(), Task::State::Finished);
}

void tst_TaskGroup::parallelGroupRespectsItsLimit()
{
    TaskGroup group(QStringLiteral("hosts"), TaskGroup::Mode::Parallel,
                    TaskGroup::FailurePolicy::ContinueOnError, 2);
    FakeTask *a = add(group, "a");
    FakeTask *b = add(group, "b");
    FakeTask *c = add(group, "c");
    FakeTask *d = add(group, "d");
    group.start();
    QCOMPARE(m_log, QStringList({"start a", "start b"}));
    b->succeed();
    QCOMPARE(m_log.last(), QStringLiteral("start c"));
    a->succeed();
    QCOMPARE(m_log.last(), QStringLiteral("start d"));
    c->succeed();
    d->succeed();
    QCOMPARE(m_log, QStringList({"start a", "start b", "done b", "start c", "done a", "start d",
                                 "done c", "done d"}));
    QVERIFY(group.outcome().succeeded());
}

void tst_TaskGroup::stopOnErrorCancelsTheRunningAndSkipsTheRest()
{
    TaskGroup group(QStringLiteral("master"), TaskGroup::Mode::Parallel,
                    TaskGroup::FailurePolicy::StopOnError, 2);
    FakeTask *a = add(group, "a");
    add(group, "b");
    FakeTask *c = add(group, "c");
    group.start();
    a->fail(QStringLiteral("10.0.0.11: Java could not be installed"));
    QCOMPARE(m_log, QStringList({"start a", "start b", "fail a", "cancel b"}));
    QVERIFY(group.outcome().failed());
    QCOMPARE(group.outcome().message, QStringLiteral("10.0.0.11: Java could not be installed"));
    QVERIFY(c->outcome().wasCancelled()); // never started, but it has an end
}

void tst_TaskGroup::continueOnErrorLetsTheOthersFinish()
{
    TaskGroup group(QStringLiteral("workers"), TaskGroup::Mode::Parallel,
                    TaskGroup::FailurePolicy::ContinueOnError);
    FakeTask *a = add(group, "a");
    FakeTask *b = add(group, "b");
    FakeTask *c = add(group, "c");
    group.start();
    a->fail(QStringLiteral("10.0.0.12 is unreachable"));
    QVERIFY(group.isRunning());
    b->fail(QStringLiteral("10.0.0.13 is unreachable"));
    c->succeed();
    QCOMPARE(m_log, QStringList({"start a", "start b", "start c", "fail a", "fail b", "done c"}));
    QVERIFY(group.outcome().failed());
    QCOMPARE(group.outcome().message,
             QStringLiteral("2 of 3 tasks in 'workers' failed; the first: 10.0.0.12 is unreachable"));
}

void tst_TaskGroup::tolerateErrorsSucceedsAndNamesWhatFailed()
{
    TaskGroup group(QStringLiteral("workers"), TaskGroup::Mode::Parallel,
                    TaskGroup::FailurePolicy::TolerateErrors);
    FakeTask *a = add(group, "a");
    FakeTask *b = add(group, "b");
    group.start();
    a->fail(QStringLiteral("10.0.0.12 is unreachable"));
    b->succeed();
    QVERIFY(group.outcome().succeeded());
    QCOMPARE(group.outcome().partialFailures,
             QStringList("1 of 2 tasks in 'workers' failed; the first: 10.0.0.12 is unreachable"));
    QCOMPARE(group.failedTasks(), QList<Task *>{a});

    // A group above it succeeds and carries the warning up.
    TaskGroup run(QStringLiteral("up"), TaskGroup::Mode::Sequence);
    auto *inner = new TaskGroup(QStringLiteral("workers"), TaskGroup::Mode::Parallel,
                                TaskGroup::FailurePolicy::TolerateErrors);
    run.addTask(inner);
    FakeTask *c = add(*inner, "c");
    c->finishOnStart(TaskOutcome::failure(QStringLiteral("10.0.0.13 is unreachable")));
    run.start();
    QVERIFY(run.outcome().succeeded());
    QCOMPARE(run.outcome().partialFailures,
             QStringList("1 of 1 tasks in 'workers' failed; the first: 10.0.0.13 is unreachable"));
}

void tst_TaskGroup::cancelReachesEveryRunningTaskAndEndsTheGroup()
{
    TaskGroup group(QStringLiteral("hosts"), TaskGroup::Mode::Parallel,
                    TaskGroup::FailurePolicy::ContinueOnError, 2);
    FakeTask *a = add(group, "a");
    add(group, "b");
    FakeTask *c = add(group, "c");
    group.start();
    a->succeed();
    group.cancel();
    QCOMPARE(m_log, QStringList({"start a", "start b", "done a", "start c", "cancel b", "cancel c"}));
    QVERIFY(group.outcome().wasCancelled());
    QVERIFY(c->outcome().wasCancelled());
}

void tst_TaskGroup::nestedGroupsModelHostsInParallelAndStepsInSequence()
{
    TaskGroup run(QStringLiteral("up"), TaskGroup::Mode::Parallel,
                  TaskGroup::FailurePolicy::ContinueOnError);
    auto *h1 = new TaskGroup(QStringLiteral("h1"), TaskGroup::Mode::Sequence);
    auto *h2 = new TaskGroup(QStringLiteral("h2"), TaskGroup::Mode::Sequence);
    run.addTask(h1);
    run.addTask(h2);
    FakeTask *h1java = add(*h1, "h1/java");
    FakeTask *h1spark = add(*h1, "h1/spark");
    FakeTask *h2java = add(*h2, "h2/java");
    add(*h2, "h2/spark");
    run.start();
    h2java->fail(QStringLiteral("h2: no package manager"));
    h1java->succeed();
    h1spark->succeed();
    QCOMPARE(m_log, QStringList({"start h1/java", "start h2/java", "fail h2/java", "done h1/java",
                                 "start h1/spark", "done h1/spark"}));
    QVERIFY(h1->outcome().succeeded());
    QVERIFY(h2->outcome().failed());
    QCOMPARE(run.outcome().message, QStringLiteral("h2: no package manager"));
}

void tst_TaskGroup::emptyGroupSucceeds()
{
    TaskGroup group(QStringLiteral("nothing"), TaskGroup::Mode::Parallel);
    QSignalSpy finished(&group, &Task::finished);
    group.start();
    QCOMPARE(finished.size(), 1);
    QVERIFY(group.outcome().succeeded());
}

void tst_TaskGroup::everyTaskEndsExactlyOnce()
{
    TaskGroup group(QStringLiteral("hosts"), TaskGroup::Mode::Parallel,
                    TaskGroup::FailurePolicy::StopOnError, 1);
    FakeTask *a = add(group, "a");
    FakeTask *b = add(group, "b");
    b->finishOnStart(TaskOutcome::success());
    QSignalSpy groupFinished(&group, &Task::finished);
    QSignalSpy aFinished(a, &Task::finished);
    QSignalSpy bFinished(b, &Task::finished);
    group.start();
    a->succeed();
    a->fail(QStringLiteral("late callback after the end")); // ignored
    group.cancel();                                          // too late: ignored
    QCOMPARE(groupFinished.size(), 1);
    QCOMPARE(aFinished.size(), 1);
    QCOMPARE(bFinished.size(), 1);
    QVERIFY(group.outcome().succeeded());
}

void tst_TaskGroup::aBranchAwaitsAnotherWithoutPolling()
{
    // The master starts while a worker host copies Spark; the host starts its worker after both.
    TaskGroup together(QStringLiteral("together"), TaskGroup::Mode::Parallel);
    FakeTask *master = add(together, "master");
    TaskGroup *host = new TaskGroup(QStringLiteral("host"), TaskGroup::Mode::Sequence);
    FakeTask *copy = add(*host, "copy");
    host->addTask(new AwaitTask(QStringLiteral("await master"), master));
    FakeTask *worker = add(*host, "worker");
    together.addTask(host);
    together.start();
    copy->succeed();
    QCOMPARE(m_log, QStringList({"start master", "start copy", "done copy"}));
    master->succeed();
    QCOMPARE(m_log, QStringList({"start master", "start copy", "done copy", "done master", "start worker"}));
    worker->succeed();
    QVERIFY(together.outcome().succeeded());
    QCOMPARE(host->tasks().at(1)->outcome().message, QStringLiteral("'master' done"));

    // Awaiting what has already ended takes no time.
    m_log.clear();
    TaskGroup after(QStringLiteral("after"), TaskGroup::Mode::Sequence);
    after.addTask(new AwaitTask(QStringLiteral("await master"), master));
    add(after, "next")->finishOnStart(TaskOutcome::success());
    after.start();
    QCOMPARE(m_log, QStringList({"start next", "done next"}));
    QVERIFY(after.outcome().succeeded());
}

void tst_TaskGroup::anAwaitFailsWhenWhatItAwaitsFails()
{
    FakeTask master(QStringLiteral("master"), m_log);
    TaskGroup host(QStringLiteral("host"), TaskGroup::Mode::Sequence);
    host.addTask(new AwaitTask(QStringLiteral("Wait for the master"), &master));
    add(host, "worker");
    master.start();
    host.start();
    master.fail(QStringLiteral("10.0.0.11: the master did not start"));
    QVERIFY(host.outcome().failed());
    QVERIFY2(host.outcome().message.contains(QLatin1String("'master' did not succeed")), qPrintable(host.outcome().message));
    QCOMPARE(m_log, QStringList({"start master", "fail master"}));
}

QTEST_GUILESS_MAIN(tst_TaskGroup)
#include "tst_taskgroup.moc"
