// The desktop app with `deploy: swarm`: the same cluster window as the standalone mode on 3 lab
// hosts, each with its own dockerd (fixture docker_lab), the image loaded from its archive. Bring
// Up deploys the stack and the tiles show the workers ALIVE; dragging the strip's handle from 2
// to 3 scales the worker service; Tear Down removes the stack and leaves the swarm.
#include "clusterwindowdriver.h"
#include "labhosts.h"
#include "screenshots.h"
#include "swarmimage.h"

#include "app/translations.h"
#include "dashboard/clusterwindow.h"
#include "dashboard/scalehandle.h"
#include "dashboard/workerstrip.h"

#include "monitor/mastermonitor.h"
#include "monitor/workermodel.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;
using SparkDeck::Test::ClusterWindowDriver;
using SparkDeck::Test::LabHosts;

class tst_GuiSwarmCluster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bringUpDeploysTheStack();
    void dragTheStripFromTwoToThree();
    void tearDownLeavesTheSwarm();

private:
    int aliveWorkers() const { return ClusterWindowDriver::aliveWorkers(m_window.get()); }
    QString swarmState(int host)
    {
        QByteArray output;
        QString error;
        m_lab.runOnHost(m_lab.hosts().at(host).name,
                        {QStringLiteral("docker"), QStringLiteral("info"), QStringLiteral("--format"),
                         QStringLiteral("{{.Swarm.LocalNodeState}}")},
                        &output, &error);
        return QString::fromUtf8(output).trimmed();
    }

    LabHosts m_lab = LabHosts::fromEnvironment();
    QTemporaryDir m_dir;
    std::unique_ptr<ClusterWindow> m_window;
};

void tst_GuiSwarmCluster::initTestCase()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    QVERIFY2(m_lab.hosts().size() >= 3, "the docker_lab fixture starts 3 hosts");
    QVERIFY(installTranslators(QLocale(QLocale::English)));
    QString error;
    const SparkDeck::Test::SwarmImage image = SparkDeck::Test::SwarmImage::fromEnvironment(&error);
    QVERIFY2(!image.tag.isEmpty(), qPrintable(error));
    QStringList addresses;
    for (int i = 0; i < 3; ++i)
        addresses << m_lab.hosts().at(i).address;
    const QString file = m_dir.filePath(QStringLiteral("gui-swarm.yaml"));
    QFile cluster(file);
    QVERIFY(cluster.open(QIODevice::WriteOnly));
    cluster.write(image.clusterFile(QStringLiteral("gui-swarm"), addresses, m_lab.identityFile(),
                                    m_lab.knownHostsFile()));
    cluster.close();

    m_window = ClusterWindowDriver::open(file, m_dir.filePath(QStringLiteral("state")), &error);
    QVERIFY2(m_window, qPrintable(error));
}

void tst_GuiSwarmCluster::cleanupTestCase()
{
    if (m_window && m_window->clusterIsUp() && m_window->tearDownNow()) {
        TaskOutcome outcome;
        ClusterWindowDriver::waitForOperation(m_window.get(), ClusterWindow::Operation::Down, &outcome);
    }
    m_window.reset();
}

void tst_GuiSwarmCluster::bringUpDeploysTheStack()
{
    QVERIFY(m_window->bringUp());
    TaskOutcome outcome;
    QVERIFY(ClusterWindowDriver::waitForOperation(m_window.get(), ClusterWindow::Operation::Up, &outcome));
    QVERIFY2(outcome.succeeded() && outcome.partialFailures.isEmpty(), qPrintable(outcome.message));
    QTRY_COMPARE_WITH_TIMEOUT(aliveWorkers(), 2, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->workerStrip()->currentCount(), 2, 10000);
    for (int host = 0; host < 3; ++host)
        QCOMPARE(swarmState(host), QStringLiteral("active"));
    SparkDeck::Test::saveScreenshot(m_window.get(), QStringLiteral("tst_guiswarmcluster"), QStringLiteral("up"));
}

void tst_GuiSwarmCluster::dragTheStripFromTwoToThree()
{
    WorkerStrip *strip = m_window->workerStrip();
    QVERIFY(strip->maximum() >= 3);
    ScaleHandle *handle = strip->handle();
    const QPoint start = strip->handlePosition(2);
    const QPoint target = strip->handlePosition(3) + QPoint(2, 6);
    QTest::mousePress(handle, Qt::LeftButton, {}, handle->rect().center());
    QTest::mouseMove(handle, handle->mapFrom(strip, (start + target) / 2));
    QTest::mouseMove(handle, handle->mapFrom(strip, target));
    QCOMPARE(strip->pendingCount(), 3);
    QTest::mouseRelease(handle, Qt::LeftButton, {}, handle->mapFrom(strip, target));
    QCOMPARE(m_window->runningOperation(), ClusterWindow::Operation::Scale);
    TaskOutcome outcome;
    QVERIFY(ClusterWindowDriver::waitForOperation(m_window.get(), ClusterWindow::Operation::Scale, &outcome));
    QVERIFY2(outcome.succeeded() && outcome.partialFailures.isEmpty(), qPrintable(outcome.message));
    QTRY_COMPARE_WITH_TIMEOUT(aliveWorkers(), 3, 60000);
    SparkDeck::Test::saveScreenshot(m_window.get(), QStringLiteral("tst_guiswarmcluster"), QStringLiteral("three"));
}

void tst_GuiSwarmCluster::tearDownLeavesTheSwarm()
{
    QVERIFY(m_window->tearDownNow());
    TaskOutcome outcome;
    QVERIFY(ClusterWindowDriver::waitForOperation(m_window.get(), ClusterWindow::Operation::Down, &outcome));
    QVERIFY2(outcome.succeeded() && outcome.partialFailures.isEmpty(), qPrintable(outcome.message));
    QVERIFY(!m_window->clusterIsUp());
    for (int host = 0; host < 3; ++host)
        QCOMPARE(swarmState(host), QStringLiteral("inactive"));
}

QTEST_MAIN(tst_GuiSwarmCluster)
#include "tst_guiswarmcluster.moc"
