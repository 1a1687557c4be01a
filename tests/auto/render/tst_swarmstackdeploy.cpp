// The rendered stack file deploys on a real Docker swarm: a private dockerd of this test
// (tests/lab/private-dockerd.sh, single-node swarm), the image built without a registry like
// apache/spark (tests/lab/docker-images.sh, the Spark stand-in inside), `docker stack deploy`;
// the master's /json/ then lists the workers ALIVE, a scaled service adds workers, and the
// authentication secret reaches Spark without showing in Docker's records, in a command line
// or in an environment. Needs root, dockerd and debootstrap (scripts/install-deps).
#include "monitor/sparkmasterclient.h"
#include "render/swarmstack.h"
#include "util/secret.h"

#include "commandrun.h"
#include "processes.h"
#include "swarmstackfile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace SparkDeck;
using SparkDeck::Test::CommandRun;

namespace {

const QString kSourceDir = QStringLiteral(SPARKDECK_SOURCE_DIR);

int freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::Any, 0) ? server.serverPort() : 0;
}

} // namespace

class tst_SwarmStackDeploy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void deployedStackRegistersItsWorkers();
    void theSecretReachesSparkOnlyThroughItsFile();
    void scaledWorkerServiceAddsWorkers();
    void cleanupTestCase();

private:
    CommandRun docker(const QStringList &arguments, const QByteArray &input = QByteArray()) const;
    CommandRun script(const QString &name, const QStringList &arguments, int timeoutMs) const;
    /// Polls the master's /json/ until `workers` workers are ALIVE; the last status read.
    MasterStatus waitForAliveWorkers(int workers) const;
    QStringList containers() const;

    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    QString m_dockerDir;
    bool m_dockerStarted = false;
    bool m_deployed = false;
    SwarmStack m_stack;
    Secret m_secret = Secret::generate();
};

CommandRun tst_SwarmStackDeploy::docker(const QStringList &arguments, const QByteArray &input) const
{
    return CommandRun::of(QStringLiteral("docker"), arguments, m_environment, input);
}

CommandRun tst_SwarmStackDeploy::script(const QString &name, const QStringList &arguments,
                                        int timeoutMs) const
{
    // On success the scripts print one line (DOCKER_HOST, the image's tag) and nothing else.
    CommandRun run = CommandRun::of(kSourceDir + QStringLiteral("/tests/lab/") + name, arguments,
                                    m_environment, QByteArray(), timeoutMs);
    run.output = run.output.trimmed();
    return run;
}

MasterStatus tst_SwarmStackDeploy::waitForAliveWorkers(int workers) const
{
    SparkMasterClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_stack.masterWebUiPort)));
    client.setTimeout(5000);
    MasterStatus last;
    bool answered = false;
    connect(&client, &SparkMasterClient::statusReceived, this, [&](const MasterStatus &status) {
        last = status;
        answered = true;
    });
    connect(&client, &SparkMasterClient::failed, this, [&] { answered = true; });
    // Workers that start before the master's name resolves register on Spark's retry (~10 s).
    for (int attempt = 0; attempt < 90 && last.aliveWorkers != workers; ++attempt) {
        answered = false;
        client.refresh();
        QTest::qWaitFor([&] { return answered; }, 10000);
        if (last.aliveWorkers != workers)
            QTest::qWait(1000);
    }
    return last;
}

QStringList tst_SwarmStackDeploy::containers() const
{
    return docker({QStringLiteral("ps"), QStringLiteral("-q")})
        .output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void tst_SwarmStackDeploy::initTestCase()
{
    if (geteuid() != 0)
        QSKIP("needs root: a private dockerd and debootstrap (CI runs as root)");
    for (const char *tool : {"dockerd", "docker", "debootstrap"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()
            && QStandardPaths::findExecutable(QString::fromLatin1(tool),
                                              {QStringLiteral("/usr/sbin")})
                   .isEmpty())
            QSKIP(qPrintable(
                QStringLiteral("%1 is missing (scripts/install-deps installs it)").arg(tool)));
    }
    const QString buildDir = qEnvironmentVariable("SPARKDECK_SWARM_DEPLOY_DIR");
    QVERIFY2(!buildDir.isEmpty(), "SPARKDECK_SWARM_DEPLOY_DIR is not set (CTest sets it)");
    m_dockerDir = buildDir + QStringLiteral("/dockerd");

    const CommandRun started = script(QStringLiteral("private-dockerd.sh"),
                                      {QStringLiteral("start"), m_dockerDir}, 90000);
    QVERIFY2(started.ok(), qPrintable(started.output));
    m_dockerStarted = true;
    m_environment.insert(QStringLiteral("DOCKER_HOST"), started.output);

    const CommandRun image = script(QStringLiteral("docker-images.sh"),
                                    {qEnvironmentVariable("SPARKDECK_SWARM_IMAGE_DIR")}, 600000);
    QVERIFY2(image.ok(), qPrintable(image.output));

    docker({QStringLiteral("swarm"), QStringLiteral("leave"),
            QStringLiteral("--force")}); // a crashed run's
    const CommandRun init
        = docker({QStringLiteral("swarm"), QStringLiteral("init"),
                  QStringLiteral("--advertise-addr"), QStringLiteral("127.0.0.1")});
    QVERIFY2(init.ok(), qPrintable(init.output));

    m_stack.stackName = QStringLiteral("sdtest");
    m_stack.image = image.output;
    m_stack.workers = 2;
    m_stack.workerCores = 1;
    m_stack.workerMemory = MemorySize::fromMebibytes(512);
    m_stack.networkName = SwarmStack::networkNameFor(m_stack.stackName);
    m_stack.secretName = SwarmStack::secretNameFor(m_stack.stackName);
    // Not 7077/8080: other tests run Spark on this computer's default ports.
    m_stack.masterPort = freePort();
    m_stack.masterWebUiPort = freePort();
    QVERIFY(m_stack.masterPort > 0 && m_stack.masterWebUiPort > 0);

    // What the swarm engine provides before deploying (see SwarmStack).
    const CommandRun node
        = docker({QStringLiteral("node"), QStringLiteral("update"), QStringLiteral("--label-add"),
                  QLatin1String(SwarmStack::kPlacementLabel) + QStringLiteral("=127.0.0.1"),
                  docker({QStringLiteral("info"), QStringLiteral("--format"),
                          QStringLiteral("{{.Swarm.NodeID}}")})
                      .output.trimmed()});
    QVERIFY2(node.ok(), qPrintable(node.output));
    const CommandRun network
        = docker({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--driver"),
                  QStringLiteral("overlay"), QStringLiteral("--attachable"), m_stack.networkName});
    QVERIFY2(network.ok(), qPrintable(network.output));
    const CommandRun secret = docker({QStringLiteral("secret"), QStringLiteral("create"),
                                      m_stack.secretName, QStringLiteral("-")},
                                     m_secret.reveal().toUtf8());
    QVERIFY2(secret.ok(), qPrintable(secret.output));
}

void tst_SwarmStackDeploy::deployedStackRegistersItsWorkers()
{
    QTemporaryDir dir;
    const QString path = Test::writeStackFile(dir, m_stack);
    QVERIFY(!path.isEmpty());

    const CommandRun deploy = docker({QStringLiteral("stack"), QStringLiteral("deploy"),
                                      QStringLiteral("-c"), path, m_stack.stackName});
    QVERIFY2(deploy.ok(), qPrintable(deploy.output));
    m_deployed = true;

    const MasterStatus status = waitForAliveWorkers(2);
    QCOMPARE(status.status, QStringLiteral("ALIVE"));
    QCOMPARE(status.url, m_stack.masterUrl());
    QCOMPARE(status.aliveWorkers, 2);
    for (const WorkerStatus &worker : status.workers) {
        QCOMPARE(worker.cores, m_stack.workerCores);
        QCOMPARE(qint64(worker.memoryMiB), m_stack.workerMemory.mebibytes());
    }
}

void tst_SwarmStackDeploy::theSecretReachesSparkOnlyThroughItsFile()
{
    if (!m_deployed)
        QSKIP("the stack is not deployed");
    // Docker's records of the services and their containers.
    QString records = docker({QStringLiteral("service"), QStringLiteral("inspect"),
                              m_stack.masterService(), m_stack.workerService()})
                          .output;
    const QStringList ids = containers();
    QVERIFY(ids.size() >= 3);
    records += docker(QStringList{QStringLiteral("inspect")} + ids).output;
    QVERIFY(records.contains(m_stack.secretName)); // we did read the records
    QVERIFY(!records.contains(m_secret.reveal()));

    // Every process's command line and environment, the containers' included (this /proc
    // shows them): the daemons are there, the secret is not.
    QCOMPARE(Test::processesMentioning(m_stack.masterUrl().toUtf8()).size(), 2); // the workers
    QVERIFY(Test::processesMentioning(m_secret.reveal().toUtf8()).isEmpty());

    for (const QString &id : ids) {
        // Spark's configuration holds it, readable by the daemon's user only.
        const CommandRun config
            = docker({QStringLiteral("exec"), id, QStringLiteral("sh"), QStringLiteral("-c"),
                      QStringLiteral("stat -c %a \"$(ls /tmp/tmp.*/spark-defaults.conf)\"; "
                                     "grep -c \"^spark.authenticate.secret $(cat "
                                     "/run/secrets/spark-authenticate-secret)$\" "
                                     "/tmp/tmp.*/spark-defaults.conf")});
        QCOMPARE(config.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 (QStringList{QStringLiteral("600"), QStringLiteral("1")}));
    }
}

void tst_SwarmStackDeploy::scaledWorkerServiceAddsWorkers()
{
    if (!m_deployed)
        QSKIP("the stack is not deployed");
    const CommandRun scale
        = docker({QStringLiteral("service"), QStringLiteral("scale"), QStringLiteral("--detach"),
                  m_stack.workerService() + QStringLiteral("=3")});
    QVERIFY2(scale.ok(), qPrintable(scale.output));
    QCOMPARE(waitForAliveWorkers(3).aliveWorkers, 3);
}

void tst_SwarmStackDeploy::cleanupTestCase()
{
    if (!m_dockerStarted)
        return;
    if (m_deployed) {
        docker({QStringLiteral("stack"), QStringLiteral("rm"), m_stack.stackName});
        // The network can go once the stack's containers are gone.
        for (int i = 0; i < 60 && !containers().isEmpty(); ++i)
            QTest::qWait(500);
    }
    docker({QStringLiteral("network"), QStringLiteral("rm"), m_stack.networkName});
    docker({QStringLiteral("secret"), QStringLiteral("rm"), m_stack.secretName});
    const CommandRun stopped = script(QStringLiteral("private-dockerd.sh"),
                                      {QStringLiteral("stop"), m_dockerDir}, 60000);
    QVERIFY2(stopped.ok(), qPrintable(stopped.output));
}

QTEST_GUILESS_MAIN(tst_SwarmStackDeploy)
#include "tst_swarmstackdeploy.moc"
