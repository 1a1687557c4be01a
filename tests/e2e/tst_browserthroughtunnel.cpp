// The embedded browser wired to ClusterWebAccess as the cluster window wires them, against a
// Spark stand-in master and worker on a lab host (bound to its private address, reverse proxy
// on): the master page through the SSH tunnel, a worker page through /proxy/<id>, the worker
// page's own link to the master's private address opened through the tunnel, the host's sshd
// killed → the "tunnel is down" page, sshd back → Reconnect → the pages again. Screenshots of
// each state go to SPARKDECK_ARTIFACTS_DIR.
#include "labhosts.h"
#include "localstandin.h"

#include "monitor/clusterwebaccess.h"
#include "provisioning/sshmachine.h"
#include "ssh/sshsession.h"
#include "web/browserpane.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWebEngineView>
#include <QtTest>

using namespace SparkDeck;
using SparkDeck::Test::LabHost;
using SparkDeck::Test::LabHosts;

namespace {
constexpr int kWaitMs = 60000;
constexpr quint16 kMasterPort = 17177;
constexpr quint16 kMasterUiPort = 18190;
constexpr quint16 kWorkerUiPort = 18191;
const QString kHome = QStringLiteral("/opt/sd-browser");
} // namespace

class tst_BrowserThroughTunnel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void masterPageThroughTheTunnel();
    void workerPageThroughTheProxy();
    void privateLinkOpensThroughTheTunnel();
    void tunnelDownThenReconnect();

private:
    bool startDaemon(const QString &script, const QStringList &env, const QStringList &args);
    QWebEngineView *view() const { return m_pane->currentView(); }
    QString masterTitle() const
    {
        return QStringLiteral("Spark Master at spark://%1:%2").arg(m_host.address).arg(kMasterPort);
    }
    bool waitForInk(QWidget *widget);
    void saveScreenshot(const QString &name);

    LabHosts m_lab = LabHosts::fromEnvironment();
    LabHost m_host;
    QTemporaryDir m_dir;
    QString m_sparkHome; // on the host
    QString m_workerId;
    std::unique_ptr<SshSession> m_session;
    std::unique_ptr<SshMachine> m_machine;
    std::unique_ptr<ClusterWebAccess> m_web;
    std::unique_ptr<BrowserPane> m_pane;
};

bool tst_BrowserThroughTunnel::startDaemon(const QString &script, const QStringList &env,
                                           const QStringList &args)
{
    QStringList command{QStringLiteral("env"), QStringLiteral("-u"), QStringLiteral("SPARK_HOME"),
                        QStringLiteral("SPARK_LOCAL_IP=") + m_host.address, QStringLiteral("USER=root")};
    command << env << m_sparkHome + QLatin1Char('/') + script << args;
    QByteArray output;
    QString error;
    if (!m_lab.runOnHost(m_host.name, command, &output, &error) || output.contains("failed to launch")) {
        qWarning() << script << error << output;
        return false;
    }
    return true;
}

void tst_BrowserThroughTunnel::initTestCase()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    if (QStandardPaths::findExecutable(QStringLiteral("java")).isEmpty() && qEnvironmentVariableIsEmpty("JAVA_HOME"))
        QSKIP("the Spark stand-in needs a Java runtime");
    m_host = m_lab.hosts().at(m_lab.hosts().size() - 2);

    QString error;
    const QString tarball = Test::buildStandinDistribution(m_dir.filePath(QStringLiteral("dist")), &error);
    QVERIFY2(!tarball.isEmpty(), qPrintable(error));
    const QString localHome = m_lab.hostPath(m_host.name, kHome);
    QDir(localHome).removeRecursively();
    QVERIFY(QDir().mkpath(localHome));
    QCOMPARE(QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-xzf"), tarball, QStringLiteral("-C"), localHome}), 0);
    m_sparkHome = kHome + QLatin1Char('/') + QFileInfo(tarball).completeBaseName();
    QFile defaults(m_lab.hostPath(m_host.name, m_sparkHome + QStringLiteral("/conf/spark-defaults.conf")));
    QVERIFY(defaults.open(QIODevice::WriteOnly));
    defaults.write("spark.ui.reverseProxy true\n");
    defaults.close();

    QVERIFY(startDaemon(QStringLiteral("sbin/start-master.sh"),
                        {QStringLiteral("SPARK_PID_DIR=%1/run/master").arg(kHome),
                         QStringLiteral("SPARK_LOG_DIR=%1/logs/master").arg(kHome),
                         QStringLiteral("SPARK_MASTER_HOST=") + m_host.address,
                         QStringLiteral("SPARK_MASTER_PORT=%1").arg(kMasterPort),
                         QStringLiteral("SPARK_MASTER_WEBUI_PORT=%1").arg(kMasterUiPort)},
                        {}));
    QVERIFY(startDaemon(QStringLiteral("sbin/start-worker.sh"),
                        {QStringLiteral("SPARK_PID_DIR=%1/run/worker").arg(kHome),
                         QStringLiteral("SPARK_LOG_DIR=%1/logs/worker").arg(kHome),
                         QStringLiteral("SPARK_WORKER_WEBUI_PORT=%1").arg(kWorkerUiPort),
                         QStringLiteral("SPARK_WORKER_CORES=1"), QStringLiteral("SPARK_WORKER_MEMORY=512m")},
                        {QStringLiteral("spark://%1:%2").arg(m_host.address).arg(kMasterPort)}));
    // The test itself may look at the lab's private addresses; the browser may not.
    const QUrl json(QStringLiteral("http://%1:%2/json/").arg(m_host.address).arg(kMasterUiPort));
    QTRY_VERIFY_WITH_TIMEOUT(Test::LocalStandin::get(json).contains("\"ALIVE\""), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(Test::LocalStandin::get(json).contains("\"aliveworkers\" : 1"), 30000);
    const QJsonObject state = QJsonDocument::fromJson(Test::LocalStandin::get(json)).object();
    m_workerId = state.value(QLatin1String("workers")).toArray().first().toObject().value(QLatin1String("id")).toString();
    QVERIFY(!m_workerId.isEmpty());

    SshTarget target;
    target.host = m_host.address;
    target.identityFile = m_lab.identityFile();
    target.useAgent = false;
    target.knownHostsFile = m_lab.knownHostsFile();
    target.hostKeyPolicy = HostKeyPolicy::Strict;
    m_session = std::make_unique<SshSession>(target);
    m_machine = std::make_unique<SshMachine>(m_session.get(), m_host.address);
    m_web = std::make_unique<ClusterWebAccess>(m_machine.get(), kMasterUiPort);
    m_pane = std::make_unique<BrowserPane>();
    // As the cluster window wires them.
    m_pane->setTunnelHost(m_web->hostName());
    connect(m_web.get(), &ClusterWebAccess::available, m_pane.get(), [this](const QUrl &url) {
        m_pane->setMasterUiUrl(url, m_web->remoteMasterUiUrl());
    });
    connect(m_web.get(), &ClusterWebAccess::unavailable, m_pane.get(), &BrowserPane::setUnavailable);
    connect(m_pane.get(), &BrowserPane::reconnectRequested, m_web.get(), &ClusterWebAccess::reconnect);
    m_pane->resize(1100, 700);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void tst_BrowserThroughTunnel::cleanupTestCase()
{
    m_pane.reset();
    m_web.reset();
    m_machine.reset();
    m_session.reset();
    if (!m_lab.available() || m_host.name.isEmpty())
        return;
    m_lab.startSshd(m_host.name);
    m_lab.runOnHost(m_host.name, {QStringLiteral("sh"), QStringLiteral("-c"),
                                  QStringLiteral("for f in %1/run/*/*.pid; do [ -f \"$f\" ] && kill -9 $(cat \"$f\"); done; true").arg(kHome)});
    QDir(m_lab.hostPath(m_host.name, kHome)).removeRecursively();
}

bool tst_BrowserThroughTunnel::waitForInk(QWidget *widget)
{
    return QTest::qWaitFor(
        [&] {
            const QImage image = widget->grab().toImage();
            int dark = 0;
            for (int y = 0; y < qMin(image.height(), 80); ++y) {
                for (int x = 0; x < qMin(image.width(), 700); ++x)
                    dark += qGray(image.pixel(x, y)) < 80 ? 1 : 0;
            }
            return dark > 150;
        },
        kWaitMs);
}

void tst_BrowserThroughTunnel::saveScreenshot(const QString &name)
{
    QTest::qWait(200);
    const QString dir = qEnvironmentVariable("SPARKDECK_ARTIFACTS_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    const QString png = QDir(dir).filePath(QStringLiteral("tst_browserthroughtunnel-%1.png").arg(name));
    if (m_pane->grab().save(png))
        qInfo("screenshot: %s", qPrintable(png));
}

void tst_BrowserThroughTunnel::masterPageThroughTheTunnel()
{
    QVERIFY(m_pane->isShowingUnavailablePage()); // "Opening the Spark web UI…"
    m_web->open();
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->tabCount() == 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(view()->title(), masterTitle(), kWaitMs);
    QCOMPARE(view()->url().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(view()->url(), m_web->masterUiUrl());
    QVERIFY(waitForInk(view()));
    saveScreenshot(QStringLiteral("master"));
}

void tst_BrowserThroughTunnel::workerPageThroughTheProxy()
{
    m_pane->openWorkerUi(m_workerId);
    QTRY_VERIFY_WITH_TIMEOUT(view()->title().startsWith(QStringLiteral("Spark Worker at %1:").arg(m_host.address)),
                             kWaitMs);
    QCOMPARE(view()->url().path(), QStringLiteral("/proxy/%1/").arg(m_workerId));
    QCOMPARE(view()->url().port(), m_web->masterUiUrl().port());
    QVERIFY(waitForInk(view()));
    saveScreenshot(QStringLiteral("worker"));
}

void tst_BrowserThroughTunnel::privateLinkOpensThroughTheTunnel()
{
    // The worker page's "Back to Master" links http://<master private address>:<port>.
    bool done = false;
    QString href;
    view()->page()->runJavaScript(
        QStringLiteral("(function(){var a=[].find.call(document.links,function(l){return l.textContent=='Back to Master';});"
                       "if(!a)return '';var h=a.getAttribute('href');a.click();return h;})()"),
        [&](const QVariant &value) {
            href = value.toString();
            done = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QCOMPARE(QUrl(href).host(), m_host.address);
    QTRY_COMPARE_WITH_TIMEOUT(view()->title(), masterTitle(), kWaitMs);
    QCOMPARE(view()->url().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(view()->url().port(), m_web->masterUiUrl().port());
}

void tst_BrowserThroughTunnel::tunnelDownThenReconnect()
{
    auto restore = qScopeGuard([this] { m_lab.startSshd(m_host.name); });
    QVERIFY(m_lab.stopSshd(m_host.name));
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->isShowingUnavailablePage(), kWaitMs);
    const QString text = m_pane->unavailableText();
    QVERIFY2(text.startsWith(QStringLiteral("The Spark web UI is reached through an SSH tunnel to %1, which is down: ")
                                 .arg(m_host.address)),
             qPrintable(text));
    QVERIFY(m_pane->reconnectButton()->isVisible());
    saveScreenshot(QStringLiteral("tunnel-down"));

    QVERIFY(m_lab.startSshd(m_host.name));
    QTest::mouseClick(m_pane->reconnectButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_pane->isShowingUnavailablePage(), kWaitMs);
    QVERIFY(m_web->isAvailable());
    m_pane->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(view()->title(), masterTitle(), kWaitMs);
    QVERIFY(!m_pane->isShowingTabNotice(0));
    QVERIFY(waitForInk(view()));
    saveScreenshot(QStringLiteral("reconnected"));
}

QTEST_MAIN(tst_BrowserThroughTunnel)
#include "tst_browserthroughtunnel.moc"
