// The whole flow on a cloud provider (issue 7, §8): a DigitalOcean-compatible server that, when
// asked for droplets, starts lab sshd hosts and gives their addresses; `sparkdeck-cli up` goes
// from the API call to a running Spark cluster (the stand-in distribution), `status` shows the
// machines' cost and time left, and `down` leaves no droplet, no firewall, no key and no process.
#include "clirunner.h"
#include "fakedigitalocean.h"
#include "labhosts.h"
#include "processes.h"
#include "standindistribution.h"

#include "providers/resourcejournal.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck::Test;

class tst_CloudCluster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void withoutATokenUpSaysWhereToPutOne();
    void upGoesFromTheApiToARunningSparkCluster();
    void statusShowsTheCostAndTheTimeLeft();
    void aSecondUpCreatesNothing();
    void execRunsOnEveryCreatedMachine();
    void expireBeforeTheLeaseEndsOnlySaysHowLongIsLeft();
    void downLeavesNoDropletAndNoProcess();
    void expireTearsTheClusterDownOnceItsLeaseHasPassed();
    void anUpKilledBeforeTheApiAnsweredLeavesNothingDownCannotFind();
    void aHostKeyKnownHostsContradictsStopsUpAtOnce();
    void theTokenIsInNoFileOfOurs();

private:
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DIGITALOCEAN_TOKEN"),
                   QString::fromLatin1(FakeDigitalOcean::kToken));
        env.insert(QStringLiteral("SPARKDECK_DIGITALOCEAN_API_URL"), m_cloud->apiUrl().toString());
        env.insert(QStringLiteral("SPARKDECK_ADDRESS_LOOKUP_URL"),
                   m_server.url(QStringLiteral("/myip")).toString());
        env.insert(QStringLiteral("SPARKDECK_PROVIDER_POLL_MS"), QStringLiteral("200"));
        return env;
    }
    CliRun cli(const QString &command, const QStringList &extra = {})
    {
        return CliRun::serving(QStringList{command, m_file, QStringLiteral("--state"), stateDir()}
                                   + extra,
                               environment());
    }
    QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }
    void checkNothingIsLeft();
    QString labDir() const { return m_dir.filePath(QStringLiteral("lab")); }
    /// lab-hosts.sh on this test's own lab (not the fixture's shared hosts).
    bool lab(const QStringList &arguments, QString *output = nullptr)
    {
        QProcess script;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SPARKDECK_LAB_DIR"), labDir());
        script.setProcessEnvironment(env);
        script.start(QStringLiteral("bash"), QStringList{LabHosts::scriptPath()} + arguments);
        const bool done = script.waitForFinished(180000) && script.exitCode() == 0;
        if (output)
            *output
                = QString::fromUtf8(script.readAllStandardOutput() + script.readAllStandardError());
        return done;
    }

    QTemporaryDir m_dir;
    HttpTestServer m_server;
    std::unique_ptr<FakeDigitalOcean> m_cloud;
    QList<LabHost> m_hosts;
    QString m_labProblem;
    bool m_staleHostKey = false;
    QString m_file;
};

void tst_CloudCluster::initTestCase()
{
    // This test's own lab, apart from the fixture's shared hosts: one host up and down again
    // says whether this machine can run lab hosts at all, and leaves the user's key behind
    // (lab-hosts.sh keeps keys/), which must exist before any machine does.
    QString output;
    QVERIFY2(lab({QStringLiteral("up"), QStringLiteral("1")}, &output), qPrintable(output));
    const LabHosts probe = LabHosts::fromDirectory(labDir());
    SPARKDECK_REQUIRE_LAB(probe);
    QVERIFY2(lab({QStringLiteral("down")}, &output), qPrintable(output));
    const QString identity = probe.identityFile();
    QVERIFY(QFile::exists(identity + QStringLiteral(".pub")));

    QString error;
    const QString tarball
        = buildStandinDistribution(m_dir.filePath(QStringLiteral("dist")), &error);
    QVERIFY2(!tarball.isEmpty(), qPrintable(error));

    QVERIFY(m_server.listen());
    m_cloud = std::make_unique<FakeDigitalOcean>(&m_server);
    m_cloud->listDelay = 1;
    m_cloud->activeDelay = 2;
    m_cloud->beforeCreate = [this](const QStringList &names) {
        QString output;
        if (!lab({QStringLiteral("up"), QString::number(names.size())}, &output)) {
            m_labProblem = output;
            return;
        }
        m_hosts = LabHosts::fromDirectory(labDir()).hosts();
        if (m_staleHostKey && !m_hosts.isEmpty()) {
            // Another machine that once had the first droplet's address left its key here.
            QFile knownHosts(m_dir.filePath(QStringLiteral("known_hosts")));
            QFile otherKey(labDir() + QStringLiteral("/keys/id_ed25519.pub"));
            if (knownHosts.open(QIODevice::Append) && otherKey.open(QIODevice::ReadOnly))
                knownHosts.write(m_hosts.first().address.toUtf8() + ' ' + otherKey.readAll().simplified().split(' ').mid(0, 2).join(' ') + '\n');
        }
    };
    m_cloud->addressesFor = [this](const QString &name) {
        const int index = name.section(QLatin1Char('-'), -1).toInt() - 1;
        const QString address = m_hosts.value(index).address;
        return qMakePair(address, address); // one network in the lab: public and private alike
    };
    m_cloud->whenNoDropletIsLeft = [this] {
        lab({QStringLiteral("down")});
    };

    m_file = m_dir.filePath(QStringLiteral("cluster.yaml"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(FakeDigitalOcean::clusterFile(QStringLiteral("cloud-e2e"), identity,
                                             m_dir.filePath(QStringLiteral("known_hosts")), tarball));
}

void tst_CloudCluster::cleanupTestCase()
{
    if (m_cloud && !m_cloud->droplets.isEmpty())
        cli(QStringLiteral("down"));
    lab({QStringLiteral("down")}); // whatever happened above
}

void tst_CloudCluster::withoutATokenUpSaysWhereToPutOne()
{
    QProcessEnvironment env = environment();
    env.remove(QStringLiteral("DIGITALOCEAN_TOKEN"));
    // systemEnvironment() underneath may hold one: an empty value counts as none.
    env.insert(QStringLiteral("DIGITALOCEAN_TOKEN"), QString());
    env.insert(QStringLiteral("DIGITALOCEAN_ACCESS_TOKEN"), QString());
    const CliRun up = CliRun::serving(
        {QStringLiteral("up"), m_file, QStringLiteral("--state"), stateDir()}, env);
    QCOMPARE(up.exitCode, 1);
    QVERIFY2(up.err.contains(QLatin1String("No DigitalOcean token: set DIGITALOCEAN_TOKEN")),
             up.transcript());
    QVERIFY(m_server.requests().isEmpty());
}

void tst_CloudCluster::upGoesFromTheApiToARunningSparkCluster()
{
    const CliRun up = cli(QStringLiteral("up"));
    QVERIFY2(m_labProblem.isEmpty(), qPrintable(m_labProblem));
    QVERIFY2(up.exitCode == 0, up.transcript());
    QVERIFY2(up.err.contains(QLatin1String("No keychain is available"))
                 || !up.err.contains(QLatin1String("keychain")),
             up.transcript());
    QCOMPARE(m_cloud->dropletsTagged(QStringLiteral("sparkdeck-cluster:cloud-e2e")).size(), 3);
    QCOMPARE(m_cloud->createCalls, 1); // one names[] call for the three
    QCOMPARE(m_cloud->firewalls.size(), 1);
    QVERIFY(up.out.contains(QLatin1String("Cluster 'cloud-e2e' is up")));

    const QJsonObject status
        = QJsonDocument::fromJson(
              cli(QStringLiteral("status"), {QStringLiteral("--json")}).out.toUtf8())
              .object();
    QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("ALIVE"));
    QCOMPARE(status.value(QLatin1String("aliveWorkers")).toInt(), 2);
}

void tst_CloudCluster::statusShowsTheCostAndTheTimeLeft()
{
    const CliRun text = cli(QStringLiteral("status"));
    QVERIFY2(text.out.startsWith(
                 QLatin1String("Machines on digitalocean: 3 machine(s), $0.11 per hour, about $")),
             text.transcript());
    QVERIFY2(text.out.contains(QLatin1String("; expires in ")), text.transcript());
    const QJsonObject machines
        = QJsonDocument::fromJson(
              cli(QStringLiteral("status"), {QStringLiteral("--json")}).out.toUtf8())
              .object()
              .value(QLatin1String("machines"))
              .toObject();
    QCOMPARE(machines.value(QLatin1String("machines")).toInt(), 3);
    QCOMPARE(machines.value(QLatin1String("hourlyCost")).toDouble(), 3 * 0.03571);
    QCOMPARE(machines.value(QLatin1String("expired")).toBool(), false);
    QVERIFY(machines.value(QLatin1String("secondsLeft")).toInt() > 0);
}

void tst_CloudCluster::aSecondUpCreatesNothing()
{
    const CliRun again = cli(QStringLiteral("up"));
    QVERIFY2(again.exitCode == 0, again.transcript());
    QCOMPARE(m_cloud->createCalls, 1);
    QCOMPARE(m_cloud->droplets.size(), 3);
}

void tst_CloudCluster::execRunsOnEveryCreatedMachine()
{
    const CliRun exec = cli(QStringLiteral("exec"), {QStringLiteral("--"), QStringLiteral("hostname")});
    QVERIFY2(exec.exitCode == 0, exec.transcript());
    for (const LabHost &host : std::as_const(m_hosts))
        QVERIFY2(exec.out.contains(host.address), exec.transcript());
}

void tst_CloudCluster::expireBeforeTheLeaseEndsOnlySaysHowLongIsLeft()
{
    const CliRun expire = cli(QStringLiteral("expire"));
    QVERIFY2(expire.exitCode == 0, expire.transcript());
    QVERIFY2(expire.out.contains(QLatin1String("; expires in ")), expire.transcript());
    QCOMPARE(m_cloud->droplets.size(), 3);
}

void tst_CloudCluster::downLeavesNoDropletAndNoProcess()
{
    const CliRun down = cli(QStringLiteral("down"));
    QVERIFY2(down.exitCode == 0, down.transcript());
    QVERIFY(
        down.out.contains(QLatin1String("its machines and everything made for them are deleted")));
    checkNothingIsLeft();
}

void tst_CloudCluster::expireTearsTheClusterDownOnceItsLeaseHasPassed()
{
    const CliRun up = cli(QStringLiteral("up"));
    QVERIFY2(up.exitCode == 0, up.transcript());
    QCOMPARE(m_cloud->droplets.size(), 3);
    {
        // Two hours later, as far as the lease knows.
        SparkDeck::ResourceJournal journal(stateDir());
        QVERIFY(journal.load().ok());
        const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
        QVERIFY(journal.setLease(past, past.addSecs(2 * 3600)).ok());
    }
    QVERIFY(cli(QStringLiteral("status")).out.contains(QLatin1String("EXPIRED at")));
    const CliRun expire = cli(QStringLiteral("expire"));
    QVERIFY2(expire.exitCode == 0, expire.transcript());
    QVERIFY2(expire.out.contains(QLatin1String("expired at")), expire.transcript());
    checkNothingIsLeft();
}

void tst_CloudCluster::anUpKilledBeforeTheApiAnsweredLeavesNothingDownCannotFind()
{
    m_cloud->holdNextDropletCreate = true; // the droplets are made; the answer never leaves
    QProcess up;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(environment());
    up.setProcessEnvironment(env);
    up.start(QStringLiteral(SPARKDECK_CLI),
             {QStringLiteral("up"), m_file, QStringLiteral("--state"), stateDir()});
    QTRY_COMPARE_WITH_TIMEOUT(m_cloud->droplets.size(), 3, 120000);
    up.kill(); // the crash: between "request sent" and "response received"
    QVERIFY(up.waitForFinished(10000));
    m_server.dropHeld();
    {
        SparkDeck::ResourceJournal journal(stateDir());
        QVERIFY(journal.load().ok());
        QCOMPARE(journal.liveMachines().size(), 0); // no answer, no id: only the intents
        int intents = 0;
        for (const SparkDeck::CloudResource &resource : journal.outstanding())
            intents += resource.isMachine()
                       && resource.state == SparkDeck::CloudResource::State::Intended;
        QCOMPARE(intents, 3);
    }
    const CliRun down = cli(QStringLiteral("down"));
    QVERIFY2(down.exitCode == 0, down.transcript());
    checkNothingIsLeft();
}

void tst_CloudCluster::aHostKeyKnownHostsContradictsStopsUpAtOnce()
{
    m_staleHostKey = true;
    const CliRun up = cli(QStringLiteral("up"));
    m_staleHostKey = false;
    QCOMPARE(up.exitCode, 1);
    QVERIFY2(up.err.contains(QLatin1String("has CHANGED")), up.transcript());
    QVERIFY2(!up.err.contains(QLatin1String("tries")), up.transcript()); // not retried until the attempts ran out
    // The user does what the message says, then tears down.
    QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-R"), m_hosts.first().address,
                                                              QStringLiteral("-f"), m_dir.filePath(QStringLiteral("known_hosts"))}), 0);
    const CliRun down = cli(QStringLiteral("down"));
    QVERIFY2(down.exitCode == 0, down.transcript());
    checkNothingIsLeft();
}

void tst_CloudCluster::theTokenIsInNoFileOfOurs()
{
    QDirIterator files(stateDir(), QDir::Files, QDirIterator::Subdirectories);
    int read = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(FakeDigitalOcean::kToken), qPrintable(file.fileName()));
        ++read;
    }
    QVERIFY(read >= 2); // the run journal and the resource journal at least
}

void tst_CloudCluster::checkNothingIsLeft()
{
    QCOMPARE(m_cloud->droplets.size(), 0);
    QCOMPARE(m_cloud->firewalls.size(), 0);
    QCOMPARE(m_cloud->keys.size(), 0);
    QCOMPARE(processesMentioning(labDir().toUtf8()), QStringList()); // the lab hosts are gone
    SparkDeck::ResourceJournal journal(stateDir());
    QVERIFY(journal.load().ok());
    QVERIFY(journal.outstanding().isEmpty());
    QVERIFY(!journal.leaseStarted());
}

QTEST_GUILESS_MAIN(tst_CloudCluster)
#include "tst_cloudcluster.moc"
