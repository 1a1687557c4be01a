// The desktop app end to end on lab hosts (real sshd in network namespaces) with the Spark
// stand-in: a recent cluster file of 1 master + 5 worker hosts opens in its cluster window; the
// host keys are asked for (host_key_policy: ask) and trusted in the app's own question; Bring
// Up shows a row per host; the master's status comes through the SSH tunnel; the worker strip
// is dragged from 3 to 5 and from 5 to 2 and the tiles follow; Tear Down removes everything.
// Screenshots of each step go to SPARKDECK_ARTIFACTS_DIR (or the working folder).
#include "clusterwindowdriver.h"
#include "clirunner.h"
#include "labhosts.h"
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

#include "monitor/mastermonitor.h"
#include "monitor/workermodel.h"
#include "provisioning/clusterstatefile.h"
#include "provisioning/hostprogressmodel.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace SparkDeck;
using SparkDeck::Test::CliRun;
using SparkDeck::Test::LabHosts;
using Tile = WorkerModel::TileState;

class tst_GuiLabCluster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void recentClusterOpensAndBringsItUpWithARowPerHost();
    void dragTheStripFromThreeToFive();
    void dragTheStripFromFiveToTwo();
    void tearDown();

private:
    void shot(QWidget *widget, const QString &name)
    {
        QVERIFY2(!SparkDeck::Test::saveScreenshot(widget, QStringLiteral("tst_guilabcluster"), name).isEmpty(),
                 qPrintable(name));
    }
    QList<Tile> tiles() const { return SparkDeck::Test::ClusterWindowDriver::tileStates(m_window.data()); }
    QStringList aliveHosts() const
    {
        QStringList hosts;
        for (const WorkerStatus &worker : m_window->monitor()->status().workers) {
            if (worker.state == WorkerState::Alive)
                hosts << worker.host;
        }
        hosts.sort();
        return hosts;
    }
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
        QTest::mouseRelease(handle, Qt::LeftButton, {}, handle->mapFrom(strip, target));
    }
    QString address(int index) const { return m_lab.hosts().at(index).address; }

    LabHosts m_lab = LabHosts::fromEnvironment();
    QTemporaryDir m_dir;
    QString m_file;
    QString m_state;
    QString m_knownHosts;
    QPointer<ClusterWindow> m_window;
    QTimer m_hostKeyAnswers;
    QStringList m_trustedHosts;
};

void tst_GuiLabCluster::initTestCase()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    if (m_lab.hosts().size() < 6)
        QSKIP("needs 6 lab hosts");
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("SparkDeckTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guilabcluster"));
    QVERIFY(installTranslators(QLocale(QLocale::English)));
    QString error;
    const QString tarball = SparkDeck::Test::buildStandinDistribution(m_dir.filePath(QStringLiteral("dist")), &error);
    QVERIFY2(!tarball.isEmpty(), qPrintable(error));
    const QString name = QStringLiteral("gui-lab");
    m_state = ClusterStateFile::defaultDirectory(name);
    QDir(m_state).removeRecursively();
    // An empty known_hosts and policy "ask": the app asks about every host key.
    m_knownHosts = m_dir.filePath(QStringLiteral("known_hosts"));
    QFile(m_knownHosts).open(QIODevice::WriteOnly);
    QString hosts;
    for (int i = 0; i < 6; ++i)
        hosts += QStringLiteral("    - { address: %1%2 }\n").arg(address(i), i == 0 ? QStringLiteral(", role: master") : QString());
    m_file = m_dir.filePath(QStringLiteral("gui-lab.yaml"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("name: %1\n"
                              "machines:\n"
                              "  provider: existing\n"
                              "  hosts:\n%2"
                              "  ssh: {user: root, identity: %3, known_hosts: %4, host_key_policy: ask}\n"
                              "spark: {distribution: %5}\n"
                              "workers: {count: 3, cores: 1, memory: 512m}\n"
                              "shared_folder: {enabled: false}\n")
                   .arg(name, hosts, m_lab.identityFile(), m_knownHosts, tarball)
                   .toUtf8());
    file.close();
    RecentFiles().add(m_file);

    // Answers the app's host key questions as a careful person would: compare, then trust.
    m_hostKeyAnswers.setInterval(50);
    connect(&m_hostKeyAnswers, &QTimer::timeout, this, [this] {
        for (QWidget *widget : QApplication::allWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (!box || !box->isVisible() || box->objectName() != QLatin1String("hostKeyQuestion"))
                continue;
            if (m_trustedHosts.isEmpty())
                shot(box, QStringLiteral("02-host-key-question"));
            m_trustedHosts << box->property("host").toString();
            box->button(QMessageBox::Yes)->click();
        }
    });
    m_hostKeyAnswers.start();
}

void tst_GuiLabCluster::cleanupTestCase()
{
    delete m_window;
    if (!m_file.isEmpty() && m_lab.available()) {
        for (const auto &host : m_lab.hosts())
            m_lab.startSshd(host.name);
        CliRun::of({QStringLiteral("down"), m_file, QStringLiteral("--state"), m_state});
    }
    QDir(m_state).removeRecursively();
}

void tst_GuiLabCluster::recentClusterOpensAndBringsItUpWithARowPerHost()
{
    auto *page = new StartPage;
    page->setAttribute(Qt::WA_DeleteOnClose);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page));
    QCOMPARE(page->recentButtons().constFirst()->property("path").toString(), m_file);
    QTest::mouseClick(page->recentButtons().constFirst(), Qt::LeftButton);
    QTRY_VERIFY([&] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *window = qobject_cast<ClusterWindow *>(widget); window && window->isVisible())
                m_window = window;
        }
        return !m_window.isNull();
    }());
    m_window->resize(1100, 780);
    QVERIFY(!m_window->clusterIsUp());
    QVERIFY(m_window->connectionBanner()->text().contains(QStringLiteral("is not running")));
    shot(m_window, QStringLiteral("01-not-running"));

    QSignalSpy finished(m_window.data(), &ClusterWindow::operationFinished);
    m_window->connectionBanner()->findChild<QPushButton *>(QStringLiteral("bannerBringUpButton"))->click();
    QCOMPARE(m_window->runningOperation(), ClusterWindow::Operation::Up);
    ProvisioningView *view = m_window->provisioningView();
    // A row per host: the master and the three worker hosts (and "this computer" for the checksum).
    QVERIFY2(view->model()->rowCount() >= 4, qPrintable(QString::number(view->model()->rowCount())));
    for (int i = 0; i < 4; ++i)
        QVERIFY2(view->model()->rowOfHost(address(i)) >= 0, qPrintable(address(i)));
    QCOMPARE(view->model()->rowOfHost(address(4)), -1); // not a worker yet
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->hostCount(HostProgressModel::HostState::Running) >= 3
                                 || !m_window->isOperationRunning(),
                             600000);
    view->selectHost(view->model()->rowOfHost(address(2)));
    shot(m_window, QStringLiteral("03-provisioning-per-host"));
    QVERIFY2(m_window->isOperationRunning() || finished.size() == 1, "the run neither went on nor ended");
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 600000);
    QVERIFY2(finished.at(0).at(1).value<TaskOutcome>().succeeded(), qPrintable(view->summary()->text()));
    // The master has just started: no error from a read made before it ran.
    QVERIFY2(!m_window->connectionBanner()->isVisible() || m_window->connectionBanner()->kind() != MessageBanner::Kind::Error,
             qPrintable(m_window->connectionBanner()->text()));
    m_window->showPage(ClusterWindow::ActivityPage);
    shot(m_window, QStringLiteral("04-provisioning-done"));
    m_window->showPage(ClusterWindow::WorkersPage);
    QVERIFY(m_trustedHosts.size() >= 4); // every host the run reached, asked once each
    QCOMPARE(m_trustedHosts.size(), QSet<QString>(m_trustedHosts.begin(), m_trustedHosts.end()).size());

    // The status comes through the SSH tunnel to the master's private address.
    QTRY_COMPARE_WITH_TIMEOUT(tiles(), QList<Tile>(3, Tile::Alive), 60000);
    const QUrl ui = m_window->monitor()->masterUiUrl();
    QCOMPARE(ui.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(ui.port() != 8080 && ui.port() > 0);
    QVERIFY(m_window->monitor()->routeDescription().contains(address(0)));
    QCOMPARE(aliveHosts(), QStringList({address(1), address(2), address(3)}));
    QCOMPARE(m_window->totalsHeader()->masterValue()->text(), QStringLiteral("ALIVE"));
    shot(m_window, QStringLiteral("05-three-workers"));
}

void tst_GuiLabCluster::dragTheStripFromThreeToFive()
{
    QVERIFY(m_window);
    QSignalSpy finished(m_window.data(), &ClusterWindow::operationFinished);
    dragHandleTo(5);
    QCOMPARE(m_window->runningOperation(), ClusterWindow::Operation::Scale);
    QCOMPARE(tiles().mid(3), QList<Tile>(2, Tile::Starting));
    shot(m_window, QStringLiteral("06-scaling-to-5"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 600000);
    QVERIFY2(finished.at(0).at(1).value<TaskOutcome>().succeeded(),
             qPrintable(m_window->provisioningView()->summary()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(tiles(), QList<Tile>(5, Tile::Alive), 60000);
    QCOMPARE(aliveHosts(), QStringList({address(1), address(2), address(3), address(4), address(5)}));
    shot(m_window, QStringLiteral("07-five-workers"));
}

void tst_GuiLabCluster::dragTheStripFromFiveToTwo()
{
    QVERIFY(m_window);
    QSignalSpy finished(m_window.data(), &ClusterWindow::operationFinished);
    dragHandleTo(2);
    QCOMPARE(tiles().mid(2), QList<Tile>(3, Tile::Decommissioning));
    shot(m_window, QStringLiteral("08-scaling-to-2"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 600000);
    QVERIFY2(finished.at(0).at(1).value<TaskOutcome>().succeeded(),
             qPrintable(m_window->provisioningView()->summary()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<Tile> states = tiles();
            if (states.size() != 5 || states.mid(0, 2) != QList<Tile>(2, Tile::Alive))
                return false;
            for (int i = 2; i < 5; ++i) {
                if (states.at(i) != Tile::Decommissioned && states.at(i) != Tile::Stopped)
                    return false;
            }
            return true;
        }(),
        60000);
    QCOMPARE(aliveHosts(), QStringList({address(1), address(2)}));
    shot(m_window, QStringLiteral("09-two-workers"));
}

void tst_GuiLabCluster::tearDown()
{
    QVERIFY(m_window);
    QSignalSpy finished(m_window.data(), &ClusterWindow::operationFinished);
    m_window->tearDownAction()->trigger();
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = m_window->findChild<QMessageBox *>(QStringLiteral("tearDownQuestion"))));
    for (int i = 0; i < 6; ++i)
        QVERIFY2(question->informativeText().contains(address(i)), qPrintable(question->informativeText()));
    question->findChild<QPushButton *>(QStringLiteral("confirmTearDownButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 600000);
    QVERIFY2(finished.at(0).at(1).value<TaskOutcome>().succeeded(),
             qPrintable(m_window->provisioningView()->summary()->text()));
    for (const auto &host : m_lab.hosts().mid(0, 6))
        QVERIFY(!QDir(m_lab.hostPath(host.name, QStringLiteral("/opt/sparkdeck/gui-lab"))).exists());
    shot(m_window, QStringLiteral("10-torn-down"));
}

QTEST_MAIN(tst_GuiLabCluster)
#include "tst_guilabcluster.moc"
