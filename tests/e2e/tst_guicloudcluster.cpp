// The desktop app with a cloud provider, end to end: a DigitalOcean-compatible server whose
// droplets are lab hosts (real sshd) hands out machines; Bring Up in the cluster window creates
// them, waits for them and brings Spark up on them (the stand-in distribution); the status bar
// shows what they cost and when they expire; the cost guard warns before the lease ends and tears
// the cluster down when it has; and no droplet is left.
#include "fakedigitalocean.h"
#include "httptestserver.h"
#include "clusterwindowdriver.h"
#include "labhosts.h"
#include "screenshots.h"
#include "standindistribution.h"

#include "app/translations.h"
#include "dashboard/clusterwindow.h"
#include "dashboard/costguard.h"
#include "dashboard/messagebanner.h"

#include "monitor/mastermonitor.h"
#include "providers/providerregistry.h"
#include "providers/resourcejournal.h"
#include "provisioning/clusteroperations.h"

#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;
using SparkDeck::Test::FakeDigitalOcean;
using SparkDeck::Test::HttpTestServer;
using SparkDeck::Test::ClusterWindowDriver;
using SparkDeck::Test::LabHosts;

class tst_GuiCloudCluster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bringUpCreatesTheMachinesThenStartsSpark();
    void theStatusBarShowsTheCostAndTheTimeLeft();
    void theCostGuardWarnsThenTearsDownWhenTheLeaseEnds();

private:
    int aliveWorkers() const { return ClusterWindowDriver::aliveWorkers(m_window.get()); }

    LabHosts m_lab = LabHosts::fromEnvironment();
    QTemporaryDir m_dir;
    HttpTestServer m_server;
    std::unique_ptr<FakeDigitalOcean> m_cloud;
    std::unique_ptr<ClusterWindow> m_window;
};

void tst_GuiCloudCluster::initTestCase()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    if (m_lab.hosts().size() < 3)
        QSKIP("needs 3 lab hosts");
    QVERIFY(installTranslators(QLocale(QLocale::English)));
    QString error;
    const QString tarball = SparkDeck::Test::buildStandinDistribution(m_dir.filePath(QStringLiteral("dist")), &error);
    QVERIFY2(!tarball.isEmpty(), qPrintable(error));

    // Droplet "gui-cloud-N" is the lab's last hosts, counted from the end (other lab tests use
    // the first ones).
    QVERIFY(m_server.listen());
    m_cloud = std::make_unique<FakeDigitalOcean>(&m_server);
    m_cloud->addressesFor = [this](const QString &name) {
        const int index = int(m_lab.hosts().size()) - name.section(QLatin1Char('-'), -1).toInt();
        const QString address = m_lab.hosts().value(index).address;
        return qMakePair(address, address); // one network in the lab: public and private alike
    };
    qputenv("DIGITALOCEAN_TOKEN", FakeDigitalOcean::kToken);
    qputenv(qPrintable(ProviderRegistry::apiUrlVariable(Provider::DigitalOcean)), m_cloud->apiUrl().toString().toUtf8());
    qputenv("SPARKDECK_ADDRESS_LOOKUP_URL", m_server.url(QStringLiteral("/myip")).toString().toUtf8());
    qputenv("SPARKDECK_PROVIDER_POLL_MS", "200");

    const QString file = m_dir.filePath(QStringLiteral("gui-cloud.yaml"));
    QFile cluster(file);
    QVERIFY(cluster.open(QIODevice::WriteOnly));
    cluster.write(FakeDigitalOcean::clusterFile(QStringLiteral("gui-cloud"), m_lab.identityFile(),
                                                m_dir.filePath(QStringLiteral("known_hosts")), tarball));
    cluster.close();

    m_window = ClusterWindowDriver::open(file, m_dir.filePath(QStringLiteral("state")), &error);
    QVERIFY2(m_window, qPrintable(error));
}

void tst_GuiCloudCluster::cleanupTestCase()
{
    if (m_window && m_cloud && !m_cloud->droplets.isEmpty() && m_window->tearDownNow()) {
        TaskOutcome outcome;
        ClusterWindowDriver::waitForOperation(m_window.get(), ClusterWindow::Operation::Down, &outcome);
    }
    m_window.reset();
}

void tst_GuiCloudCluster::bringUpCreatesTheMachinesThenStartsSpark()
{
    QVERIFY(!m_window->operations()->hasMachines());
    QVERIFY(m_window->bringUp());
    TaskOutcome outcome;
    QVERIFY(ClusterWindowDriver::waitForOperation(m_window.get(), ClusterWindow::Operation::Up, &outcome));
    QVERIFY2(outcome.succeeded() && outcome.partialFailures.isEmpty(), qPrintable(outcome.message));
    QCOMPARE(m_cloud->droplets.size(), 3);
    QVERIFY(m_window->operations()->hasMachines());
    QTRY_COMPARE_WITH_TIMEOUT(aliveWorkers(), 2, 60000);
    SparkDeck::Test::saveScreenshot(m_window.get(), QStringLiteral("tst_guicloudcluster"), QStringLiteral("up"));
}

void tst_GuiCloudCluster::theStatusBarShowsTheCostAndTheTimeLeft()
{
    auto *cost = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("costLabel"));
    QVERIFY(cost);
    QVERIFY(cost->isVisible());
    QVERIFY2(cost->text().startsWith(QStringLiteral("3 machines, $0.11 per hour")), qPrintable(cost->text()));
    QVERIFY2(cost->text().contains(QStringLiteral("expires in 1h 59m")), qPrintable(cost->text()));
    QVERIFY(!m_window->costBanner()->isVisible());
}

void tst_GuiCloudCluster::theCostGuardWarnsThenTearsDownWhenTheLeaseEnds()
{
    const QDateTime expires = *m_window->operations()->resources().leaseExpires();
    QDateTime now = expires.addSecs(-10 * 60);
    m_window->costGuard()->setClock([&now] { return now; });
    m_window->costGuard()->refresh();
    QVERIFY(m_window->costBanner()->isVisible());
    QVERIFY2(m_window->costBanner()->text().contains(QStringLiteral("deleted in 10m")),
             qPrintable(m_window->costBanner()->text()));
    SparkDeck::Test::saveScreenshot(m_window.get(), QStringLiteral("tst_guicloudcluster"), QStringLiteral("expiring"));

    now = expires.addSecs(1);
    m_window->costGuard()->refresh();
    QCOMPARE(m_window->runningOperation(), ClusterWindow::Operation::Down);
    TaskOutcome outcome;
    QVERIFY(ClusterWindowDriver::waitForOperation(m_window.get(), ClusterWindow::Operation::Down, &outcome));
    QVERIFY2(outcome.succeeded() && outcome.partialFailures.isEmpty(), qPrintable(outcome.message));
    QVERIFY(m_cloud->droplets.isEmpty());
    QVERIFY(!m_window->clusterIsUp());
    QVERIFY(!m_window->operations()->hasMachines());
    QVERIFY2(m_window->resultBanner()->text().contains(QStringLiteral("machines are deleted")),
             qPrintable(m_window->resultBanner()->text()));
}

QTEST_MAIN(tst_GuiCloudCluster)
#include "tst_guicloudcluster.moc"
