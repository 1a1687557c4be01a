// The provisioning view over a runner of fake steps (finished when the test says): rows per
// host, the log following the selected host, Cancel that shows "Cancelling…" and ends within a
// second, Retry, and the summary at the end (done, partly done, failed, cancelled).
#include "../provisioning/faketask.h"
#include "screenshots.h"

#include "app/translations.h"
#include "dashboard/messagebanner.h"
#include "dashboard/provisioningview.h"

#include "provisioning/hostprogressmodel.h"
#include "provisioning/operationrunner.h"
#include "provisioning/taskgroup.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTimer>
#include <QtTest>

using namespace SparkDeck;
using SparkDeck::Test::FakeTask;
using State = HostProgressModel::HostState;

namespace {

/// A step that needs a moment to stop (like a remote command being killed).
class SlowToCancelTask : public Task
{
public:
    SlowToCancelTask(const QString &title, int cancelMs) : Task(title), m_cancelMs(cancelMs) {}

protected:
    void run() override { Q_EMIT outputLine(QStringLiteral("downloading spark-3.5.8-bin-hadoop3.tgz")); }
    void handleCancel() override
    {
        QTimer::singleShot(m_cancelMs, this, [this] { finish(TaskOutcome::cancelled()); });
    }

private:
    int m_cancelMs;
};

} // namespace

class tst_ProvisioningView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void aRowPerHostAndTheLogFollowsTheSelection();
    void cancelShowsCancellingAndEndsWithinASecond();
    void escapeCancels();
    void doneSummaryOffersToContinue();
    void partlyDoneSummaryNamesTheFailedHostsAndOffersRetry();
    void failedSummarySaysWhatAndSelectsTheFailedHost();

private:
    Task *tag(Task *task, const QString &host)
    {
        task->setProperty("sparkdeck.host", host);
        if (auto *fake = qobject_cast<FakeTask *>(task))
            m_steps.insert(host + QLatin1Char('/') + task->title(), fake);
        return task;
    }
    FakeTask *at(const QString &host, const QString &title) { return m_steps.value(host + QLatin1Char('/') + title); }
    OperationRunner *makeRunner(TaskGroup::FailurePolicy workers, Task *slowWorkerStep = nullptr)
    {
        auto *run = new TaskGroup(QStringLiteral("up"), TaskGroup::Mode::Sequence);
        auto *master = new TaskGroup(QStringLiteral("master"), TaskGroup::Mode::Sequence);
        master->addTask(tag(new FakeTask(QStringLiteral("Install Java"), m_log), QStringLiteral("10.77.0.11")));
        master->addTask(tag(new FakeTask(QStringLiteral("Start the master"), m_log), QStringLiteral("10.77.0.11")));
        auto *group = new TaskGroup(QStringLiteral("workers"), TaskGroup::Mode::Parallel, workers);
        group->addTask(tag(slowWorkerStep ? slowWorkerStep : new FakeTask(QStringLiteral("Copy Spark"), m_log),
                           QStringLiteral("10.77.0.12")));
        group->addTask(tag(new FakeTask(QStringLiteral("Start worker 1"), m_log), QStringLiteral("10.77.0.13")));
        run->addTask(master);
        run->addTask(group);
        m_runner = new OperationRunner(QStringLiteral("up"), run, nullptr);
        return m_runner;
    }
    void finishMaster()
    {
        at(QStringLiteral("10.77.0.11"), QStringLiteral("Install Java"))->succeed();
        at(QStringLiteral("10.77.0.11"), QStringLiteral("Start the master"))->succeed();
    }

    QStringList m_log;
    QHash<QString, FakeTask *> m_steps;
    OperationRunner *m_runner = nullptr;
    ProvisioningView *m_view = nullptr;
};

void tst_ProvisioningView::initTestCase()
{
    QVERIFY(installTranslators(QLocale(QLocale::English)));
}

void tst_ProvisioningView::init()
{
    m_log.clear();
    m_steps.clear();
    m_view = new ProvisioningView;
    m_view->resize(900, 620);
    new QAbstractItemModelTester(m_view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_view);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void tst_ProvisioningView::cleanup()
{
    delete m_view;
    delete m_runner;
    m_runner = nullptr;
}

void tst_ProvisioningView::aRowPerHostAndTheLogFollowsTheSelection()
{
    OperationRunner *runner = makeRunner(TaskGroup::FailurePolicy::ContinueOnError);
    m_view->setRunner(runner, QStringLiteral("Bringing up “demo”"));
    runner->start();
    QCOMPARE(m_view->model()->rowCount(), 3);
    QCOMPARE(m_view->titleLabel()->text(), QStringLiteral("Bringing up “demo”"));
    QCOMPARE(m_view->selectedRow(), 0); // the first host's log is shown from the start
    QVERIFY(m_view->cancelButton()->isVisible());
    QVERIFY(!m_view->retryButton()->isVisible());
    Q_EMIT at(QStringLiteral("10.77.0.11"), QStringLiteral("Install Java"))->outputLine(QStringLiteral("apt-get install openjdk"));
    QVERIFY(m_view->logView()->toPlainText().contains(QStringLiteral("apt-get install openjdk")));
    finishMaster();
    QCOMPARE(m_view->overallProgress()->value(), 50);
    QVERIFY(m_view->statusLabel()->text().contains(QStringLiteral("10.77.0.1"))); // a worker step now

    // Select the second host with the keyboard: its log replaces the first's and follows it.
    m_view->hostView()->setFocus();
    QTest::keyClick(m_view->hostView(), Qt::Key_Down);
    QCOMPARE(m_view->selectedRow(), 1);
    QVERIFY(!m_view->logView()->toPlainText().contains(QStringLiteral("openjdk")));
    QVERIFY(m_view->logView()->toPlainText().contains(QStringLiteral("▶ Copy Spark")));
    Q_EMIT at(QStringLiteral("10.77.0.12"), QStringLiteral("Copy Spark"))->outputLine(QStringLiteral("copied 300 MB"));
    Q_EMIT at(QStringLiteral("10.77.0.13"), QStringLiteral("Start worker 1"))->outputLine(QStringLiteral("other host"));
    QVERIFY(m_view->logView()->toPlainText().endsWith(QStringLiteral("copied 300 MB")));
    QVERIFY(!m_view->logView()->toPlainText().contains(QStringLiteral("other host")));
    QVERIFY(SparkDeck::Test::saveScreenshot(m_view, QStringLiteral("tst_provisioningview"), QStringLiteral("running")).size());
    at(QStringLiteral("10.77.0.12"), QStringLiteral("Copy Spark"))->succeed();
    at(QStringLiteral("10.77.0.13"), QStringLiteral("Start worker 1"))->succeed();
    QVERIFY(!m_view->isRunning());
}

void tst_ProvisioningView::cancelShowsCancellingAndEndsWithinASecond()
{
    OperationRunner *runner = makeRunner(TaskGroup::FailurePolicy::ContinueOnError,
                                         new SlowToCancelTask(QStringLiteral("Copy Spark"), 300));
    m_view->setRunner(runner, QStringLiteral("Bringing up “demo”"));
    QSignalSpy finished(m_view, &ProvisioningView::runFinished);
    runner->start();
    finishMaster();
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(m_view->cancelButton(), Qt::LeftButton);
    QCOMPARE(m_view->cancelButton()->text(), QStringLiteral("Cancelling…"));
    QVERIFY(!m_view->cancelButton()->isEnabled());
    QVERIFY(m_view->statusLabel()->text().startsWith(QStringLiteral("Cancelling…")));
    QVERIFY(SparkDeck::Test::saveScreenshot(m_view, QStringLiteral("tst_provisioningview"), QStringLiteral("cancelling")).size());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 1000);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(finished.at(0).at(0).value<TaskOutcome>().wasCancelled());
    QVERIFY(!m_view->cancelButton()->isVisible());
    QVERIFY(m_view->summary()->isVisible());
    QVERIFY(m_view->summary()->text().startsWith(QStringLiteral("Cancelled.")));
    QCOMPARE(m_view->retryButton()->text(), QStringLiteral("&Resume"));
    QCOMPARE(m_view->model()->hostState(1), State::Cancelled);
    QSignalSpy retry(m_view, &ProvisioningView::retryRequested);
    QTest::keyClick(m_view->retryButton(), Qt::Key_Space);
    QCOMPARE(retry.size(), 1);
}

void tst_ProvisioningView::escapeCancels()
{
    OperationRunner *runner = makeRunner(TaskGroup::FailurePolicy::ContinueOnError);
    m_view->setRunner(runner, QStringLiteral("up"));
    runner->start();
    m_view->hostView()->setFocus();
    QTest::keyClick(m_view->hostView(), Qt::Key_Escape);
    QTRY_VERIFY(!m_view->isRunning());
    QVERIFY(runner->outcome().wasCancelled());
}

void tst_ProvisioningView::doneSummaryOffersToContinue()
{
    OperationRunner *runner = makeRunner(TaskGroup::FailurePolicy::ContinueOnError);
    m_view->setRunner(runner, QStringLiteral("up"));
    QSignalSpy continued(m_view, &ProvisioningView::continueRequested);
    runner->start();
    finishMaster();
    at(QStringLiteral("10.77.0.12"), QStringLiteral("Copy Spark"))->succeed();
    at(QStringLiteral("10.77.0.13"), QStringLiteral("Start worker 1"))->succeed();
    QCOMPARE(m_view->overallProgress()->value(), 100);
    QCOMPARE(m_view->summary()->kind(), MessageBanner::Kind::Success);
    QCOMPARE(m_view->summary()->text(), QStringLiteral("Done: 0 changes made, 4 checks found things already in place."));
    QVERIFY(m_view->continueButton()->isVisible());
    QVERIFY(!m_view->retryButton()->isVisible());
    QVERIFY(m_view->continueButton()->hasFocus());
    QVERIFY(SparkDeck::Test::saveScreenshot(m_view, QStringLiteral("tst_provisioningview"), QStringLiteral("done")).size());
    QTest::keyClick(m_view->continueButton(), Qt::Key_Return);
    QCOMPARE(continued.size(), 1);
}

void tst_ProvisioningView::partlyDoneSummaryNamesTheFailedHostsAndOffersRetry()
{
    OperationRunner *runner = makeRunner(TaskGroup::FailurePolicy::TolerateErrors);
    m_view->setRunner(runner, QStringLiteral("up"));
    runner->start();
    finishMaster();
    at(QStringLiteral("10.77.0.12"), QStringLiteral("Copy Spark"))->fail(QStringLiteral("10.77.0.12: No space left on device"));
    at(QStringLiteral("10.77.0.13"), QStringLiteral("Start worker 1"))->succeed();
    QVERIFY(runner->outcome().succeeded());
    QCOMPARE(m_view->summary()->kind(), MessageBanner::Kind::Warning);
    QVERIFY2(m_view->summary()->text().startsWith(QStringLiteral("Partly done: ")), qPrintable(m_view->summary()->text()));
    QVERIFY(m_view->summary()->text().contains(QStringLiteral("No space left on device")));
    QVERIFY(m_view->summary()->text().contains(QStringLiteral("Retry Failed Hosts")));
    QVERIFY(m_view->retryButton()->isVisible());
    QCOMPARE(m_view->selectedRow(), 1); // the failed host's log, which says why
    QVERIFY(m_view->logView()->toPlainText().contains(QStringLiteral("✗ Copy Spark: 10.77.0.12: No space left on device")));
    QVERIFY(SparkDeck::Test::saveScreenshot(m_view, QStringLiteral("tst_provisioningview"), QStringLiteral("partly-done")).size());
}

void tst_ProvisioningView::failedSummarySaysWhatAndSelectsTheFailedHost()
{
    OperationRunner *runner = makeRunner(TaskGroup::FailurePolicy::ContinueOnError);
    m_view->setRunner(runner, QStringLiteral("up"));
    runner->start();
    at(QStringLiteral("10.77.0.11"), QStringLiteral("Install Java"))
        ->fail(QStringLiteral("10.77.0.11: apt-get could not reach the package mirror; check the proxy."));
    QVERIFY(runner->outcome().failed());
    QCOMPARE(m_view->summary()->kind(), MessageBanner::Kind::Error);
    QVERIFY(m_view->summary()->text().startsWith(QStringLiteral("Failed: ")));
    QVERIFY(m_view->summary()->text().contains(QStringLiteral("check the proxy")));
    QCOMPARE(m_view->model()->hostState(1), State::NotStarted);
    QCOMPARE(m_view->selectedRow(), 0);
    QCOMPARE(m_view->retryButton()->text(), QStringLiteral("&Retry Failed Hosts"));
    QVERIFY(m_view->retryButton()->hasFocus());
    QVERIFY(SparkDeck::Test::saveScreenshot(m_view, QStringLiteral("tst_provisioningview"), QStringLiteral("failed")).size());
}

QTEST_MAIN(tst_ProvisioningView)
#include "tst_provisioningview.moc"
