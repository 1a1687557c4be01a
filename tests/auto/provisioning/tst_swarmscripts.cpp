// The swarm's scripts against real Docker engines: two docker_lab hosts (each its own dockerd),
// reached over SSH as `up` reaches them. The swarm SparkDeck makes is told apart from any other,
// a worker joins with the token on standard input and leaves only our swarm, the secret reaches
// Docker through standard input only, and hostile values stay literal.
#include "labhosts.h"
#include "provisioning/clustermachines.h"
#include "provisioning/swarmscripts.h"
#include "ssh/sshsessionpool.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;
using SparkDeck::Test::LabHosts;

class tst_SwarmScripts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void theManagerTellsOurSwarmFromAnother();
    void aWorkerJoinsWithTheTokenOnStandardInputAndLeavesOnlyOurSwarm();
    void theSecretReachesDockerThroughStandardInputOnly();
    void hostileImageNamesStayLiteral();

private:
    ExecResult run(Machine *machine, const CommandRequest &request)
    {
        std::unique_ptr<MachineJob> job(machine->run(request, nullptr));
        QSignalSpy finished(job.get(), &MachineJob::finished);
        job->start();
        if (finished.isEmpty() && !finished.wait(120000))
            return {};
        return job->result();
    }
    int exitOf(Machine *machine, const CommandRequest &request)
    {
        return run(machine, request).exitCode;
    }
    QString swarmState(Machine *machine)
    {
        return QString::fromUtf8(
                   run(machine,
                       {QStringLiteral("docker info --format '{{.Swarm.LocalNodeState}}'")})
                       .standardOutput)
            .trimmed();
    }
    Machine *manager() const { return m_machines->master(); }
    Machine *worker() const { return m_machines->machines().at(1); }

    LabHosts m_lab = LabHosts::fromEnvironment();
    ClusterSpec m_spec;
    SshSessionPool m_pool;
    std::unique_ptr<ClusterMachines> m_machines;
    std::unique_ptr<SwarmScripts> m_scripts;
};

void tst_SwarmScripts::initTestCase()
{
    if (!m_lab.available())
        QSKIP(qPrintable(m_lab.unavailableReason()));
    m_spec.name = QStringLiteral("scripts");
    m_spec.spark.deploy = DeployMode::Swarm;
    m_spec.machines.provider = Provider::Existing;
    for (int i = 0; i < 2; ++i) {
        m_spec.machines.hosts << HostSpec{m_lab.hosts().at(i).address, std::nullopt, QString(),
                                          i == 0 ? HostRole::Master : HostRole::Unassigned};
    }
    m_spec.machines.ssh.identity = m_lab.identityFile();
    m_spec.machines.ssh.knownHosts = m_lab.knownHostsFile();
    m_spec.machines.ssh.hostKeyPolicy = HostKeyPolicy::Strict;
    m_machines = std::make_unique<ClusterMachines>(m_spec, &m_pool);
    QVERIFY(m_machines->isValid());
    m_scripts = std::make_unique<SwarmScripts>(
        ClusterLayout(m_spec), SwarmStack::forCluster(m_spec, manager()->address()));
}

void tst_SwarmScripts::cleanupTestCase()
{
    if (!m_machines)
        return;
    run(worker(), SwarmScripts::leaveSwarmOf(manager()->address()));
    run(manager(), m_scripts->removeSecret());
    run(manager(), m_scripts->leaveOurSwarm());
    run(manager(), {QStringLiteral("rm -rf /opt/sparkdeck")});
}

void tst_SwarmScripts::theManagerTellsOurSwarmFromAnother()
{
    QCOMPARE(exitOf(manager(), m_scripts->managesOurSwarm()), 1); // in no swarm yet
    QCOMPARE(exitOf(manager(), m_scripts->initSwarm(manager()->address())), 0);
    QCOMPARE(exitOf(manager(), m_scripts->managesOurSwarm()), 0);
    // Without SparkDeck's record of it, the same swarm is somebody else's: an error, not a
    // takeover.
    const QString idFile = ClusterLayout(m_spec).swarmIdFile();
    QCOMPARE(exitOf(manager(), {QStringLiteral("mv %1 %1.aside").arg(idFile)}), 0);
    const ExecResult foreign = run(manager(), m_scripts->managesOurSwarm());
    QCOMPARE(foreign.exitCode, 3);
    QVERIFY2(foreign.standardError.contains("already belongs to another Docker swarm"),
             foreign.standardError.constData());
    // ...which down leaves alone.
    QCOMPARE(exitOf(manager(), m_scripts->leaveOurSwarm()), 0);
    QCOMPARE(swarmState(manager()), QStringLiteral("active"));
    QCOMPARE(exitOf(manager(), {QStringLiteral("mv %1.aside %1").arg(idFile)}), 0);
    QCOMPARE(exitOf(manager(), m_scripts->managesOurSwarm()), 0);
}

void tst_SwarmScripts::aWorkerJoinsWithTheTokenOnStandardInputAndLeavesOnlyOurSwarm()
{
    const QString address = manager()->address();
    const ExecResult token = run(manager(), SwarmScripts::readJoinToken());
    QVERIFY2(token.succeeded(), token.standardError.constData());
    const Secret secret(QString::fromUtf8(token.standardOutput).trimmed());
    QVERIFY(secret.reveal().startsWith(QStringLiteral("SWMTKN-")));
    const CommandRequest join = SwarmScripts::join(address, worker()->address(), secret);
    // The token travels in the request on standard input, never as an argument of anything.
    QVERIFY(!join.script.contains(secret.reveal()));
    QVERIFY(!join.script.contains(QLatin1String("--token")));
    QCOMPARE(QJsonDocument::fromJson(join.standardInput).object().value(QLatin1String("JoinToken")).toString(),
             secret.reveal());
    QCOMPARE(exitOf(worker(), SwarmScripts::joinedTo(address)), 1);
    const ExecResult joined = run(worker(), join);
    QVERIFY2(joined.succeeded(), joined.standardError.constData());
    QVERIFY(!joined.standardOutput.contains(secret.reveal().toUtf8()));
    QCOMPARE(exitOf(worker(), SwarmScripts::joinedTo(address)), 0);
    QCOMPARE(exitOf(worker(), SwarmScripts::joinedTo(QStringLiteral("192.0.2.1"))),
             3); // someone else's manager
    QCOMPARE(exitOf(manager(), SwarmScripts::labelNodes()), 0);
    QCOMPARE(exitOf(manager(), SwarmScripts::nodesLabelled()), 0);
    QCOMPARE(exitOf(worker(), SwarmScripts::leaveSwarmOf(QStringLiteral("192.0.2.1"))), 0);
    QCOMPARE(swarmState(worker()), QStringLiteral("active"));
    QCOMPARE(exitOf(worker(), SwarmScripts::leaveSwarmOf(address)), 0);
    QCOMPARE(swarmState(worker()), QStringLiteral("inactive"));
}

void tst_SwarmScripts::theSecretReachesDockerThroughStandardInputOnly()
{
    const Secret secret = Secret::generate();
    const CommandRequest create = m_scripts->createSecret(secret);
    QVERIFY(!create.script.contains(secret.reveal()));
    QCOMPARE(create.standardInput, secret.reveal().toUtf8());
    QCOMPARE(exitOf(manager(), m_scripts->secretPresent()), 1);
    QCOMPARE(exitOf(manager(), create), 0);
    QCOMPARE(exitOf(manager(), m_scripts->secretPresent()), 0);
    QCOMPARE(exitOf(manager(), m_scripts->removeSecret()), 0);
    QCOMPARE(exitOf(manager(), m_scripts->secretPresent()), 1);
}

void tst_SwarmScripts::hostileImageNamesStayLiteral()
{
    const QString marker = m_lab.hostPath(m_lab.hosts().at(0).name, QStringLiteral("/opt/pwned"));
    ClusterSpec hostile = m_spec;
    hostile.spark.image
        = QStringLiteral("x:$(touch /opt/pwned)`touch /opt/pwned`; touch /opt/pwned");
    const SwarmScripts scripts(ClusterLayout(hostile),
                               SwarmStack::forCluster(hostile, manager()->address()));
    QCOMPARE(exitOf(manager(), scripts.imagePresent()), 1);
    QVERIFY(!run(manager(), scripts.pullImage()).succeeded());
    QVERIFY(!QFileInfo::exists(marker));
}

QTEST_GUILESS_MAIN(tst_SwarmScripts)
#include "tst_swarmscripts.moc"
