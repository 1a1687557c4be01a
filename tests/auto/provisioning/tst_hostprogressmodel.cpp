// HostProgressModel: one row per host of an operation, fed by an OperationRunner over a graph
// of fake steps (finished when the test says), checked by QAbstractItemModelTester throughout.
#include "faketask.h"

#include "provisioning/hostprogressmodel.h"
#include "provisioning/operationrunner.h"
#include "provisioning/standalonerecipe.h"
#include "provisioning/taskgroup.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace SparkDeck;
using SparkDeck::Test::FakeTask;
using State = HostProgressModel::HostState;

class tst_HostProgressModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rowsPerHostBeforeTheRunStarts();
    void followsStepsAndKeepsALogPerHost();
    void aFailedWorkerHostLeavesTheOthersDone();
    void cancelMarksWhatWasLeft();
    void aStopOnErrorRunLeavesLaterHostsNotStarted();
    void emptyRunner();

private:
    FakeTask *step(const QString &host, const QString &title)
    {
        auto *task = new FakeTask(title, m_log);
        task->setProperty("sparkdeck.host", host);
        m_steps.insert(host + QLatin1Char('/') + title, task);
        return task;
    }
    FakeTask *at(const QString &host, const QString &title) { return m_steps.value(host + QLatin1Char('/') + title); }
    /// master: a, b (in sequence); then w1: c, d and w2: e in parallel, continue on error.
    OperationRunner *makeRunner(TaskGroup::FailurePolicy workerPolicy = TaskGroup::FailurePolicy::ContinueOnError)
    {
        auto *run = new TaskGroup(QStringLiteral("up"), TaskGroup::Mode::Sequence);
        auto *master = new TaskGroup(QStringLiteral("master"), TaskGroup::Mode::Sequence);
        master->addTask(step(QStringLiteral("10.0.0.1"), QStringLiteral("a")));
        master->addTask(step(QStringLiteral("10.0.0.1"), QStringLiteral("b")));
        auto *workers = new TaskGroup(QStringLiteral("workers"), TaskGroup::Mode::Parallel, workerPolicy);
        auto *w1 = new TaskGroup(QStringLiteral("w1"), TaskGroup::Mode::Sequence);
        w1->addTask(step(QStringLiteral("10.0.0.2"), QStringLiteral("c")));
        w1->addTask(step(QStringLiteral("10.0.0.2"), QStringLiteral("d")));
        workers->addTask(w1);
        workers->addTask(step(QStringLiteral("10.0.0.3"), QStringLiteral("e")));
        run->addTask(master);
        run->addTask(workers);
        m_runner = new OperationRunner(QStringLiteral("up"), run, nullptr);
        return m_runner;
    }

    QStringList m_log;
    QHash<QString, FakeTask *> m_steps;
    OperationRunner *m_runner = nullptr;
    HostProgressModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void tst_HostProgressModel::init()
{
    m_log.clear();
    m_steps.clear();
    m_model = new HostProgressModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_HostProgressModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_runner;
    m_runner = nullptr;
}

void tst_HostProgressModel::rowsPerHostBeforeTheRunStarts()
{
    m_model->setRunner(makeRunner());
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(HostProgressModel::ColumnCount));
    QCOMPARE(m_model->host(0), QStringLiteral("10.0.0.1"));
    QCOMPARE(m_model->host(2), QStringLiteral("10.0.0.3"));
    QCOMPARE(m_model->rowOfHost(QStringLiteral("10.0.0.2")), 1);
    QCOMPARE(m_model->data(m_model->index(1, HostProgressModel::ProgressColumn), HostProgressModel::StepsPlannedRole).toInt(), 2);
    QCOMPARE(m_model->hostState(0), State::Waiting);
    QCOMPARE(m_model->data(m_model->index(0, HostProgressModel::ProgressColumn)).toString(), QStringLiteral("0 of 2"));
    QCOMPARE(m_model->headerData(HostProgressModel::StepColumn, Qt::Horizontal).toString(), QStringLiteral("Step"));
}

void tst_HostProgressModel::followsStepsAndKeepsALogPerHost()
{
    m_model->setRunner(makeRunner());
    QSignalSpy lines(m_model, &HostProgressModel::logLineAdded);
    m_runner->start();
    QVERIFY(m_model->isRunning());
    QCOMPARE(m_model->hostState(0), State::Running);
    QCOMPARE(m_model->currentStep(0), QStringLiteral("a"));
    QCOMPARE(m_model->data(m_model->index(0, HostProgressModel::StepColumn)).toString(), QStringLiteral("a"));
    Q_EMIT at(QStringLiteral("10.0.0.1"), QStringLiteral("a"))->outputLine(QStringLiteral("installing java"));
    at(QStringLiteral("10.0.0.1"), QStringLiteral("a"))->succeed();
    QCOMPARE(m_model->data(m_model->index(0, HostProgressModel::ProgressColumn), HostProgressModel::ProgressRole).toInt(), 50);
    QCOMPARE(m_model->currentStep(0), QStringLiteral("b"));
    QCOMPARE(m_model->hostState(1), State::Waiting);
    at(QStringLiteral("10.0.0.1"), QStringLiteral("b"))->succeed();
    QCOMPARE(m_model->hostState(0), State::Done);
    QCOMPARE(m_model->hostState(1), State::Running);
    QCOMPARE(m_model->hostState(2), State::Running);
    at(QStringLiteral("10.0.0.2"), QStringLiteral("c"))->succeed();
    at(QStringLiteral("10.0.0.3"), QStringLiteral("e"))->succeed();
    QCOMPARE(m_model->hostState(2), State::Done);
    at(QStringLiteral("10.0.0.2"), QStringLiteral("d"))->succeed();
    QVERIFY(!m_model->isRunning());
    QCOMPARE(m_model->hostCount(State::Done), 3);
    QCOMPARE(m_model->appliedSteps(), 0); // fake tasks are not Steps: they only looked
    QCOMPARE(m_model->verifiedSteps(), 5);
    QCOMPARE(m_model->log(0), QStringList({QStringLiteral("▶ a"), QStringLiteral("  installing java"),
                                           QStringLiteral("✓ a: already done"), QStringLiteral("▶ b"),
                                           QStringLiteral("✓ b: already done")}));
    QCOMPARE(m_model->log(2).size(), 2);
    QCOMPARE(lines.size(), 11);
    QCOMPARE(lines.at(1).at(0).toInt(), 0);
    QVERIFY(m_model->data(m_model->index(0, HostProgressModel::StepColumn)).toString().startsWith(QStringLiteral("All 2 step")));
}

void tst_HostProgressModel::aFailedWorkerHostLeavesTheOthersDone()
{
    auto *runner = makeRunner(TaskGroup::FailurePolicy::TolerateErrors);
    m_model->setRunner(runner);
    runner->start();
    at(QStringLiteral("10.0.0.1"), QStringLiteral("a"))->succeed();
    at(QStringLiteral("10.0.0.1"), QStringLiteral("b"))->succeed();
    at(QStringLiteral("10.0.0.2"), QStringLiteral("c"))->fail(QStringLiteral("10.0.0.2: no space left"));
    QCOMPARE(m_model->hostState(1), State::Failed);
    QCOMPARE(m_model->message(1), QStringLiteral("10.0.0.2: no space left"));
    QCOMPARE(m_model->data(m_model->index(1, 0), Qt::ToolTipRole).toString(), QStringLiteral("10.0.0.2: no space left"));
    at(QStringLiteral("10.0.0.3"), QStringLiteral("e"))->succeed();
    QVERIFY(!m_model->isRunning());
    QVERIFY(runner->outcome().succeeded());
    QCOMPARE(m_model->hostState(0), State::Done);
    QCOMPARE(m_model->hostState(1), State::Failed);
    QCOMPARE(m_model->hostState(2), State::Done);
    QVERIFY(m_model->log(1).last().startsWith(QStringLiteral("✗ c: ")));
}

void tst_HostProgressModel::cancelMarksWhatWasLeft()
{
    m_model->setRunner(makeRunner());
    m_runner->start();
    at(QStringLiteral("10.0.0.1"), QStringLiteral("a"))->succeed();
    m_runner->cancel();
    QVERIFY(!m_model->isRunning());
    QVERIFY(m_runner->outcome().wasCancelled());
    QCOMPARE(m_model->hostState(0), State::Cancelled);
    QCOMPARE(m_model->hostState(1), State::Cancelled);
    QCOMPARE(m_model->log(0).last(), QStringLiteral("■ b: cancelled"));
    QVERIFY(m_model->log(1).isEmpty()); // its steps never started: no line for them
}

void tst_HostProgressModel::aStopOnErrorRunLeavesLaterHostsNotStarted()
{
    m_model->setRunner(makeRunner());
    m_runner->start();
    at(QStringLiteral("10.0.0.1"), QStringLiteral("a"))->fail(QStringLiteral("the master's disk is full"));
    QVERIFY(m_runner->outcome().failed());
    QCOMPARE(m_model->hostState(0), State::Failed);
    QCOMPARE(m_model->hostState(1), State::NotStarted);
    QCOMPARE(m_model->hostState(2), State::NotStarted);
    QCOMPARE(HostProgressModel::stateName(State::NotStarted), QStringLiteral("Not started"));
}

void tst_HostProgressModel::emptyRunner()
{
    m_model->setRunner(makeRunner());
    m_model->setRunner(nullptr);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_model->log(0).isEmpty());
    QCOMPARE(m_model->hostState(5), State::Waiting);
}

QTEST_GUILESS_MAIN(tst_HostProgressModel)
#include "tst_hostprogressmodel.moc"
