// The desktop app end to end on this computer (provider local) with the Spark stand-in, driven
// as a person drives it: the start page's template, the wizard, "Bring it up now?", the
// provisioning view, the cluster window; the worker strip dragged from 3 to 5 and from 5 to 2
// (the tiles follow: starting…, decommissioning…); presentation mode; closing in the middle of
// a run and resuming it from the start page's recent clusters; a master that cannot be
// reached; and Tear Down with its confirmation. Screenshots of each step go to
// SPARKDECK_ARTIFACTS_DIR (or the working folder).
#include "clusterwindowdriver.h"
#include "clirunner.h"
#include "screenshots.h"
#include "standindistribution.h"

#include "app/recentfiles.h"
#include "app/startpage.h"
#include "app/translations.h"
#include "dashboard/clusterwindow.h"
#include "dashboard/messagebanner.h"
#include "dashboard/provisioningview.h"
#include "dashboard/scalehandle.h"
#include "dashboard/totalsheader.h"
#include "dashboard/workerstrip.h"
#include "dashboard/workertile.h"
#include "wizard/machinespage.h"
#include "wizard/setupwizard.h"
#include "wizard/sharedfolderpage.h"
#include "wizard/softwarepage.h"
#include "wizard/workerspage.h"

#include "monitor/mastermonitor.h"
#include "monitor/workermodel.h"
#include "provisioning/clusterstatefile.h"
#include "provisioning/hostprogressmodel.h"
#include "provisioning/runjournal.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLinkButton>
#include <QProgressBar>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

using namespace SparkDeck;
using SparkDeck::Test::CliRun;
using Tile = WorkerModel::TileState;

namespace {

constexpr int kRunTimeoutMs = 300000;

/// The longest time the event loop went without running a 10 ms timer: how long the GUI
/// thread was busy at once. Printed, never asserted (ARCHITECTURE.md, rule 13).
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longest = qMax(m_longest, m_clock.restart());
        });
        m_clock.start();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

} // namespace

class tst_GuiLocalCluster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void wizardBringsTheClusterUpAndShowsItsWorkers();
    void dragTheStripFromThreeToFive();
    void dragTheStripFromFiveToTwo();
    void plusMinusAndKeyboardChooseBeforeApplying();
    void presentationMode();
    void closingMidRunThenResumingFromTheRecentClusters();
    void tearDownAsksThenRemovesEverything();
    void aMasterThatCannotBeReachedSaysSoAndOffersReconnect();

private:
    void shot(QWidget *widget, const QString &name)
    {
        QVERIFY2(!SparkDeck::Test::saveScreenshot(widget, QStringLiteral("tst_guilocalcluster"), name).isEmpty(),
                 qPrintable(name));
    }
    template<typename T>
    static T *waitForTopLevel(const QString &objectName = QString())
    {
        T *found = nullptr;
        (void)QTest::qWaitFor([&] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                auto *candidate = qobject_cast<T *>(widget);
                if (candidate && candidate->isVisible()
                    && (objectName.isEmpty() || candidate->objectName() == objectName)) {
                    found = candidate;
                    return true;
                }
            }
            return false;
        }, 10000);
        return found;
    }
    /// A message box, top level or (window-modal) a child of its window.
    static QMessageBox *waitForBox(const QString &objectName)
    {
        QMessageBox *box = nullptr;
        (void)QTest::qWaitFor([&] {
            for (QWidget *widget : QApplication::allWidgets()) {
                if (widget->objectName() == objectName && widget->isVisible())
                    box = qobject_cast<QMessageBox *>(widget);
            }
            return box != nullptr;
        }, 10000);
        return box;
    }
    static QAbstractButton *buttonWithText(QMessageBox *box, const QString &text)
    {
        for (QAbstractButton *button : box->buttons()) {
            if (button->text() == text)
                return button;
        }
        return nullptr;
    }
    QList<Tile> tiles() const { return SparkDeck::Test::ClusterWindowDriver::tileStates(m_window.data()); }
    QString tileText() const
    {
        QStringList states;
        for (WorkerTile *tile : m_window->workerStrip()->tiles())
            states << tile->stateText();
        return states.join(QStringLiteral(", "));
    }
    /// Drags the strip's handle to `count` workers with the mouse: press on the handle, move
    /// in two steps, release. The handle moves under the pointer: each event's position is
    /// taken where the handle is at that moment.
    void dragHandleTo(int count)
    {
        WorkerStrip *strip = m_window->workerStrip();
        ScaleHandle *handle = strip->handle();
        const QPoint start = strip->handlePosition(strip->pendingCount());
        const QPoint target = strip->handlePosition(count) + QPoint(2, 6);
        QTest::mousePress(handle, Qt::LeftButton, {}, handle->rect().center());
        QTest::mouseMove(handle, handle->mapFrom(strip, (start + target) / 2));
        QTest::mouseMove(handle, handle->mapFrom(strip, target));
        QCOMPARE(strip->pendingCount(), count);
        shot(m_window, QStringLiteral("dragging-to-%1").arg(count));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, handle->mapFrom(strip, target));
    }
    /// Every state row `row` took while the current operation ran.
    void watchRow(int row)
    {
        m_seen.clear();
        m_watch = connect(m_window->workerModel(), &QAbstractItemModel::dataChanged, this, [this, row] {
            m_seen.insert(int(m_window->workerModel()->tileState(row)));
        });
    }
    CliRun cli(const QString &command, const QStringList &extra = {})
    {
        return CliRun::of(QStringList{command, m_file, QStringLiteral("--state"), m_state} + extra);
    }

    QTemporaryDir m_dir;
    QString m_tarball;
    QString m_name;
    QString m_file;
    QString m_state;
    QPointer<ClusterWindow> m_window;
    QSet<int> m_seen;
    QMetaObject::Connection m_watch;
};

void tst_GuiLocalCluster::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("SparkDeckTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guilocalcluster"));
    QVERIFY(installTranslators(QLocale(QLocale::English)));
    QString error;
    m_tarball = SparkDeck::Test::buildStandinDistribution(m_dir.filePath(QStringLiteral("dist")), &error);
    QVERIFY2(!m_tarball.isEmpty(), qPrintable(error));
    m_name = QStringLiteral("gui-local-%1").arg(QCoreApplication::applicationPid());
    m_file = m_dir.filePath(QStringLiteral("%1.yaml").arg(m_name));
    m_state = ClusterStateFile::defaultDirectory(m_name);
    QDir(m_state).removeRecursively();
}

void tst_GuiLocalCluster::cleanupTestCase()
{
    delete m_window;
    if (QFileInfo::exists(m_file) && QDir(QStringLiteral("/opt/sparkdeck/") + m_name).exists())
        cli(QStringLiteral("down")); // whatever happened above, stop what we started
    QDir(m_state).removeRecursively();
}

void tst_GuiLocalCluster::wizardBringsTheClusterUpAndShowsItsWorkers()
{
    auto *page = new StartPage;
    page->setAttribute(Qt::WA_DeleteOnClose);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page));
    shot(page, QStringLiteral("01-start-page"));

    // The "This computer" template, then the wizard's pages as a person fills them.
    QTest::mouseClick(page->templateButtons().constFirst(), Qt::LeftButton);
    auto *wizard = waitForTopLevel<SetupWizard>();
    QVERIFY(wizard);
    wizard->setSaveFileChooser([this](const QString &) { return m_file; });
    QLineEdit *name = wizard->machinesPage()->nameEdit();
    name->selectAll();
    QTest::keyClicks(name, m_name);
    shot(wizard, QStringLiteral("02-wizard-machines"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(SetupWizard::SharedFolderPageId));
    wizard->sharedFolderPage()->enabledBox()->setChecked(false);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(SetupWizard::WorkersPageId));
    wizard->workersPage()->countSpin()->setValue(3);
    wizard->workersPage()->coresSpin()->setValue(1);
    wizard->workersPage()->memorySpin()->setValue(512);
    shot(wizard, QStringLiteral("03-wizard-workers"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(SetupWizard::SoftwarePageId));
    wizard->softwarePage()->distributionEdit()->setText(m_tarball);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(SetupWizard::ReviewPageId));
    shot(wizard, QStringLiteral("04-wizard-review"));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

    // "Bring it up now?"
    QMessageBox *question = waitForBox(QStringLiteral("bringUpQuestion"));
    QVERIFY(question);
    QVERIFY(question->informativeText().contains(QStringLiteral("3 workers")));
    shot(question, QStringLiteral("05-bring-up-question"));
    StallProbe probe;
    buttonWithText(question, QStringLiteral("&Bring Up Now"))->click();

    // The provisioning view, then the workers.
    m_window = waitForTopLevel<ClusterWindow>();
    QVERIFY(m_window);
    m_window->resize(1100, 760);
    QCOMPARE(m_window->currentPage(), ClusterWindow::ActivityPage);
    QVERIFY(m_window->isOperationRunning());
    ProvisioningView *view = m_window->provisioningView();
    QVERIFY(view->model()->rowCount() >= 1);
    QTRY_VERIFY_WITH_TIMEOUT(view->overallProgress()->value() >= 30, kRunTimeoutMs);
    shot(m_window, QStringLiteral("06-provisioning-running"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isOperationRunning(), kRunTimeoutMs);
    QVERIFY2(view->summary()->kind() == MessageBanner::Kind::Success, qPrintable(view->summary()->text()));
    QVERIFY(view->summary()->text().startsWith(QStringLiteral("Done: ")));
    m_window->showPage(ClusterWindow::ActivityPage);
    shot(m_window, QStringLiteral("07-provisioning-done"));
    m_window->showPage(ClusterWindow::WorkersPage);
    qInfo("longest GUI stall while bringing the cluster up: %lld ms", probe.longestMs());

    QTRY_COMPARE_WITH_TIMEOUT(tiles(), QList<Tile>(3, Tile::Alive), 30000);
    QVERIFY(m_window->resultBanner()->text().contains(QStringLiteral("is up: master spark://127.0.0.1:7077 with 3 workers")));
    QTRY_COMPARE(m_window->totalsHeader()->workersValue()->text(), QStringLiteral("3 of 3"));
    QCOMPARE(m_window->totalsHeader()->masterValue()->text(), QStringLiteral("ALIVE"));
    QCOMPARE(m_window->totalsHeader()->coresValue()->text(), QStringLiteral("0 of 3"));
    QVERIFY(!m_window->connectionBanner()->isVisible());
    QCOMPARE(m_window->monitor()->masterUiUrl(), QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(RecentFiles().files().constFirst(), m_file);
    shot(m_window, QStringLiteral("08-cluster-window"));
    QSignalSpy pages(m_window.data(), &ClusterWindow::operationStarted); // (none expected)
    m_window->showPage(ClusterWindow::WebUiPage);
    QVERIFY(m_window->webArea()); // created on first show
    if (m_window->webArea()->objectName() == QLatin1String("browserPane")) {
        // Built with gui/web: the embedded browser shows the master's own page.
        QSignalSpy titles(m_window->webArea(), SIGNAL(currentPageChanged(QString,QUrl)));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QList<QVariant> &change : std::as_const(titles)) {
                    if (change.at(0).toString().startsWith(QStringLiteral("Spark Master at spark://127.0.0.1:7077")))
                        return true;
                }
                return false;
            }(),
            30000);
        QTest::qWait(300); // let it paint
    } else {
        QCOMPARE(m_window->webArea()->objectName(), QStringLiteral("webUiFallback"));
    }
    shot(m_window, QStringLiteral("08b-web-ui"));
    m_window->showPage(ClusterWindow::WorkersPage);
    QCOMPARE(pages.size(), 0);
}

void tst_GuiLocalCluster::dragTheStripFromThreeToFive()
{
    QVERIFY(m_window);
    QCOMPARE(m_window->workerStrip()->currentCount(), 3);
    watchRow(4);
    QSignalSpy finished(m_window.data(), &ClusterWindow::operationFinished);
    dragHandleTo(5);
    QCOMPARE(m_window->runningOperation(), ClusterWindow::Operation::Scale);
    QCOMPARE(m_window->currentPage(), ClusterWindow::WorkersPage); // the tiles show it
    QCOMPARE(tiles().size(), 5);
    QCOMPARE(tiles().at(4), Tile::Starting);
    QVERIFY(m_window->operationBanner()->isVisible());
    shot(m_window, QStringLiteral("09-scaling-to-5"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunTimeoutMs);
    QVERIFY2(finished.at(0).at(1).value<TaskOutcome>().succeeded(), qPrintable(m_window->provisioningView()->summary()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(tiles(), QList<Tile>(5, Tile::Alive), 30000);
    QObject::disconnect(m_watch);
    QVERIFY(m_seen.contains(int(Tile::Starting)));
    QCOMPARE(m_window->workerStrip()->currentCount(), 5);
    QTRY_COMPARE(m_window->totalsHeader()->workersValue()->text(), QStringLiteral("5 of 5"));
    QVERIFY(m_window->resultBanner()->text().contains(QStringLiteral("now has 5 workers")));
    shot(m_window, QStringLiteral("10-five-workers"));
}

void tst_GuiLocalCluster::dragTheStripFromFiveToTwo()
{
    QVERIFY(m_window);
    watchRow(3);
    QSignalSpy finished(m_window.data(), &ClusterWindow::operationFinished);
    dragHandleTo(2);
    QCOMPARE(m_window->runningOperation(), ClusterWindow::Operation::Scale);
    QCOMPARE(tiles().mid(2), QList<Tile>(3, Tile::Decommissioning));
    shot(m_window, QStringLiteral("11-scaling-to-2"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunTimeoutMs);
    QVERIFY2(finished.at(0).at(1).value<TaskOutcome>().succeeded(), qPrintable(m_window->provisioningView()->summary()->text()));
    // The leaving tiles stay, no longer running, until the next operation.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<Tile> states = tiles();
            if (states.size() != 5 || states.at(0) != Tile::Alive || states.at(1) != Tile::Alive)
                return false;
            for (int i = 2; i < 5; ++i) {
                if (states.at(i) != Tile::Decommissioned && states.at(i) != Tile::Stopped)
                    return false;
            }
            return true;
        }(),
        30000);
    QObject::disconnect(m_watch);
    QVERIFY(m_seen.contains(int(Tile::Decommissioning)));
    QCOMPARE(m_window->monitor()->status().aliveWorkers, 2);
    QCOMPARE(m_window->workerStrip()->currentCount(), 2);
    shot(m_window, QStringLiteral("12-two-workers"));
    // The CLI sees the same cluster.
    const CliRun status = cli(QStringLiteral("status"));
    QVERIFY2(status.exitCode == 0 && status.out.contains(QStringLiteral("2 workers ALIVE")), status.transcript());
}

void tst_GuiLocalCluster::plusMinusAndKeyboardChooseBeforeApplying()
{
    QVERIFY(m_window);
    WorkerStrip *strip = m_window->workerStrip();
    QVERIFY(m_window->addWorkerButton()->isEnabled());
    QVERIFY(!m_window->applyScaleButton()->isVisible());
    QTest::mouseClick(m_window->addWorkerButton(), Qt::LeftButton);
    QTest::mouseClick(m_window->addWorkerButton(), Qt::LeftButton);
    QCOMPARE(strip->pendingCount(), 4);
    QCOMPARE(m_window->countLabel()->text(), QStringLiteral("4 workers"));
    QVERIFY(m_window->applyScaleButton()->isVisible());
    QCOMPARE(m_window->applyScaleButton()->text(), QStringLiteral("&Scale to 4 Workers"));
    QVERIFY(!m_window->isOperationRunning()); // nothing runs before Apply
    shot(m_window, QStringLiteral("13-choosing-with-plus"));
    QTest::mouseClick(m_window->revertScaleButton(), Qt::LeftButton);
    QCOMPARE(strip->pendingCount(), 2);
    QVERIFY(!m_window->applyScaleButton()->isVisible());
    // Keyboard: Tab reaches the handle; arrows choose; Escape goes back.
    strip->handle()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(strip->handle(), Qt::Key_Right);
    QCOMPARE(strip->pendingCount(), 3);
    QTest::keyClick(strip->handle(), Qt::Key_Escape);
    QCOMPARE(strip->pendingCount(), 2);
    QVERIFY(!m_window->isOperationRunning());
    // Tab order on the workers page: − + (Scale, Revert when shown) the handle, then on
    // (the applications table when one runs).
    m_window->removeWorkerButton()->setFocus(Qt::TabFocusReason);
    QWidget *focus = m_window->removeWorkerButton();
    QStringList order;
    for (int i = 0; i < 2; ++i) {
        focus = focus->nextInFocusChain();
        while (!(focus->focusPolicy() & Qt::TabFocus) || !focus->isVisible() || !focus->isEnabled())
            focus = focus->nextInFocusChain();
        order << focus->objectName();
    }
    QCOMPARE(order, QStringList({QStringLiteral("addWorkerButton"), QStringLiteral("scaleHandle")}));
}

void tst_GuiLocalCluster::presentationMode()
{
    QVERIFY(m_window);
    const int tileWidth = m_window->workerStrip()->tiles().constFirst()->width();
    const qreal points = m_window->font().pointSizeF();
    m_window->presentationAction()->trigger();
    QVERIFY(m_window->isPresentationMode());
    QCOMPARE(m_window->font().pointSizeF(), points * 1.6);
    QTRY_VERIFY(m_window->workerStrip()->tiles().constFirst()->width() > tileWidth * 1.4);
    m_window->resize(1400, 900);
    shot(m_window, QStringLiteral("14-presentation-mode"));
    m_window->presentationAction()->trigger();
    QCOMPARE(m_window->font().pointSizeF(), points);
    m_window->resize(1100, 760);
    QTRY_COMPARE(m_window->workerStrip()->tiles().constFirst()->width(), tileWidth);
}

void tst_GuiLocalCluster::closingMidRunThenResumingFromTheRecentClusters()
{
    QVERIFY(m_window);
    // Up again (to the file's 3 workers); close the window while it runs: it asks, then stops.
    QVERIFY(m_window->bringUp());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->provisioningView()->model()->appliedSteps()
                                     + m_window->provisioningView()->model()->verifiedSteps() >= 2,
                             kRunTimeoutMs);
    QVERIFY(m_window->isOperationRunning());
    m_window->close();
    QMessageBox *question = waitForBox(QStringLiteral("closeWhileRunningQuestion"));
    QVERIFY(question);
    shot(m_window, QStringLiteral("15-close-while-running"));
    QElapsedTimer clock;
    clock.start();
    buttonWithText(question, QStringLiteral("&Stop and Close"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_window.isNull(), 5000); // closed once every step stopped
    qInfo("the run stopped and the window closed after %lld ms", clock.elapsed());
    {
        RunJournal journal(m_state);
        QVERIFY(journal.load().ok());
        QCOMPARE(journal.lastRun().value(QLatin1String("outcome")).toString(), QStringLiteral("cancelled"));
        // As if the app had been killed in the middle of a run: a run that never ended.
        QVERIFY(journal.beginRun(QStringLiteral("up")).ok());
        QVERIFY(journal.lastRunInterrupted());
    }

    // The start page's recent clusters: the cluster window, reconnected, offers to resume.
    auto *page = new StartPage;
    page->setAttribute(Qt::WA_DeleteOnClose);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page));
    QCOMPARE(page->recentButtons().constFirst()->property("path").toString(), m_file);
    shot(page, QStringLiteral("16-start-page-recent"));
    QTest::mouseClick(page->recentButtons().constFirst(), Qt::LeftButton);
    m_window = waitForTopLevel<ClusterWindow>();
    QVERIFY(m_window);
    m_window->resize(1100, 760);
    QVERIFY(m_window->resumeBanner()->isVisible());
    QVERIFY2(m_window->resumeBanner()->text().contains(QStringLiteral("did not finish")),
             qPrintable(m_window->resumeBanner()->text()));
    // Reconnected: the master still runs the two workers of the last scale.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->monitor()->connection(), MasterMonitor::Connection::Reachable, 15000);
    QTRY_COMPARE(tiles().mid(0, 2), QList<Tile>(2, Tile::Alive));
    shot(m_window, QStringLiteral("17-reopened-resume-offered"));
    QPushButton *resume = m_window->resumeBanner()->findChild<QPushButton *>(QStringLiteral("resumeButton"));
    QVERIFY(resume);
    QSignalSpy finished(m_window.data(), &ClusterWindow::operationFinished);
    resume->click();
    QCOMPARE(m_window->runningOperation(), ClusterWindow::Operation::Up);
    QVERIFY(!m_window->resumeBanner()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunTimeoutMs);
    QVERIFY2(finished.at(0).at(1).value<TaskOutcome>().succeeded(),
             qPrintable(m_window->provisioningView()->summary()->text()));
    QVERIFY(m_window->provisioningView()->model()->verifiedSteps() > 0); // what was done was only checked
    QTRY_COMPARE_WITH_TIMEOUT(tiles(), QList<Tile>(3, Tile::Alive), 30000);
    shot(m_window, QStringLiteral("18-resumed"));
}

void tst_GuiLocalCluster::tearDownAsksThenRemovesEverything()
{
    QVERIFY(m_window);
    QVERIFY(m_window->tearDownAction()->isEnabled());
    m_window->tearDownAction()->trigger();
    QMessageBox *question = waitForBox(QStringLiteral("tearDownQuestion"));
    QVERIFY(question);
    QVERIFY2(question->informativeText().contains(QStringLiteral("/opt/sparkdeck/") + m_name),
             qPrintable(question->informativeText()));
    QVERIFY(question->informativeText().contains(QStringLiteral("3 workers")));
    QVERIFY(question->informativeText().contains(QStringLiteral("stays")));
    QCOMPARE(question->defaultButton()->text(), QStringLiteral("&Keep the Cluster"));
    shot(question, QStringLiteral("19-tear-down-question"));
    QSignalSpy finished(m_window.data(), &ClusterWindow::operationFinished);
    question->findChild<QPushButton *>(QStringLiteral("confirmTearDownButton"))->click();
    QCOMPARE(m_window->runningOperation(), ClusterWindow::Operation::Down);
    QCOMPARE(tiles(), QList<Tile>(3, Tile::Stopping));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kRunTimeoutMs);
    QVERIFY2(finished.at(0).at(1).value<TaskOutcome>().succeeded(),
             qPrintable(m_window->provisioningView()->summary()->text()));
    QVERIFY(!m_window->clusterIsUp());
    QVERIFY(!QDir(QStringLiteral("/opt/sparkdeck/") + m_name).exists());
    QCOMPARE(tiles(), QList<Tile>(3, Tile::Stopped));
    QVERIFY(m_window->connectionBanner()->text().contains(QStringLiteral("is not running")));
    QVERIFY(!m_window->tearDownAction()->isEnabled());
    QVERIFY(!m_window->addWorkerButton()->isEnabled());
    m_window->showPage(ClusterWindow::WorkersPage);
    shot(m_window, QStringLiteral("20-torn-down"));
}

void tst_GuiLocalCluster::aMasterThatCannotBeReachedSaysSoAndOffersReconnect()
{
    // A cluster whose journal says it is up, but nothing answers on the master's port.
    const QString state = m_dir.filePath(QStringLiteral("ghost-state"));
    {
        RunJournal journal(state);
        QVERIFY(journal.beginRun(QStringLiteral("up")).ok());
        QVERIFY(journal.endRun(TaskOutcome::success()).ok());
    }
    ClusterWindow window;
    window.setStateDirectory(state);
    QString error;
    QVERIFY2(window.openFile(m_file, &error), qPrintable(error));
    window.resize(1100, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(window.monitor()->connection(), MasterMonitor::Connection::Unreachable, 15000);
    QVERIFY(window.connectionBanner()->isVisible());
    QCOMPARE(window.connectionBanner()->kind(), MessageBanner::Kind::Error);
    QVERIFY2(window.connectionBanner()->text().startsWith(QStringLiteral("The Spark master cannot be reached.")),
             qPrintable(window.connectionBanner()->text()));
    QCOMPARE(window.workerModel()->tileState(0), Tile::Unknown);
    QCOMPARE(window.totalsHeader()->masterValue()->text(), QStringLiteral("not reached"));
    shot(&window, QStringLiteral("21-master-unreachable"));
    auto *reconnect = window.connectionBanner()->findChild<QPushButton *>(QStringLiteral("reconnectButton"));
    QVERIFY(reconnect);
    QTest::mouseClick(reconnect, Qt::LeftButton);
    QCOMPARE(window.monitor()->connection(), MasterMonitor::Connection::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(window.monitor()->connection(), MasterMonitor::Connection::Unreachable, 15000);
    QVERIFY(window.connectionBanner()->isVisible());
}

QTEST_MAIN(tst_GuiLocalCluster)
#include "tst_guilocalcluster.moc"
