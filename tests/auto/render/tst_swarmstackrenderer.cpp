// The cluster's Docker stack file: Spark's own launcher in the official image's layout, the master
// on the manager and the workers spread, limits that agree with what the worker offers, the
// authentication secret as an external Docker secret read at start, the shared folder as an NFS
// volume, published ports in host mode, dnsrr. Accepted by Docker's and Compose's own validators.
#include "render/swarmstack.h"

#include "commandrun.h"
#include "swarmstackfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <yaml-cpp/yaml.h>

using namespace SparkDeck;
using SparkDeck::Test::CommandRun;

Q_DECLARE_METATYPE(SparkDeck::SwarmStack)

namespace {

SwarmStack demo()
{
    SwarmStack stack;
    stack.stackName = QStringLiteral("demo");
    stack.image = QStringLiteral("apache/spark:3.5.8");
    stack.workers = 3;
    stack.workerCores = 2;
    stack.workerMemory = MemorySize::fromMebibytes(1536);
    stack.networkName = SwarmStack::networkNameFor(stack.stackName);
    stack.secretName = SwarmStack::secretNameFor(stack.stackName);
    stack.sharedFolder
        = SwarmSharedFolder{QStringLiteral("10.77.0.11"), QStringLiteral("/srv/sparkdeck/share"),
                            QStringLiteral("/srv/share")};
    return stack;
}

QString str(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

QStringList list(const YAML::Node &node)
{
    QStringList values;
    for (const YAML::Node &item : node)
        values << str(item);
    return values;
}

/// What Compose's interpolation makes of a value: `$$` is a literal dollar.
QString interpolated(QString value)
{
    return value.replace(QLatin1String("$$"), QLatin1String("$"));
}

} // namespace

class tst_SwarmStackRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masterRunsSparkClassOnTheManager();
    void workersOfferWhatTheirLimitsAllow();
    void workersSpreadOverTheNodeLabel();
    void stoppedWorkersDecommissionFirst();
    void theSecretIsAnExternalDockerSecret();
    void daemonsGetTheStandaloneModesSettings();
    void launchScriptWritesAPrivateConfigWithTheSecret();
    void sharedFolderIsAnNfsVolume();
    void noSharedFolderNoVolume();
    void versionIsQuoted();
    void forClusterTakesTheSpecsValues();
    void hostileValuesStayStrings_data();
    void hostileValuesStayStrings();
    void dockerStackConfigAcceptsIt_data();
    void dockerStackConfigAcceptsIt();
    void dockerComposeAcceptsIt_data();
    void dockerComposeAcceptsIt();

private:
    void validatorRows();
};

void tst_SwarmStackRenderer::masterRunsSparkClassOnTheManager()
{
    const YAML::Node master
        = YAML::Load(renderSwarmStack(demo()).toStdString())["services"]["master"];
    QCOMPARE(str(master["image"]), QStringLiteral("apache/spark:3.5.8"));
    // The image's entrypoint only knows Kubernetes roles: ours replaces it and execs the command.
    QCOMPARE(list(master["entrypoint"]).mid(0, 2), (QStringList{"/bin/sh", "-c"}));
    QCOMPARE(list(master["command"]),
             (QStringList{"/opt/spark/bin/spark-class", "org.apache.spark.deploy.master.Master",
                          "--host", "spark-master", "--port", "7077", "--webui-port", "8080"}));
    QCOMPARE(list(master["networks"]["cluster"]["aliases"]), QStringList{"spark-master"});
    QCOMPARE(master["deploy"]["replicas"].as<int>(), 1);
    QCOMPARE(str(master["deploy"]["endpoint_mode"]), QStringLiteral("dnsrr"));
    QCOMPARE(list(master["deploy"]["placement"]["constraints"]),
             QStringList{"node.role == manager"});
    QVERIFY(!master["environment"]["SPARK_DAEMON_MEMORY"]); // Spark's default heap, as standalone
    QStringList published;
    for (const YAML::Node &port : master["ports"]) {
        QCOMPARE(str(port["mode"]), QStringLiteral("host")); // the routing mesh needs IPVS
        QCOMPARE(port["target"].as<int>(), port["published"].as<int>());
        published << str(port["published"]);
    }
    QCOMPARE(published, (QStringList{"7077", "8080"}));
}

void tst_SwarmStackRenderer::workersOfferWhatTheirLimitsAllow()
{
    const YAML::Node worker
        = YAML::Load(renderSwarmStack(demo()).toStdString())["services"]["worker"];
    QCOMPARE(worker["deploy"]["replicas"].as<int>(), 3);
    QCOMPARE(str(worker["deploy"]["endpoint_mode"]), QStringLiteral("dnsrr"));
    const QStringList command = list(worker["command"]);
    QCOMPARE(command.mid(0, 2),
             (QStringList{"/opt/spark/bin/spark-class", "org.apache.spark.deploy.worker.Worker"}));
    QCOMPARE(command.at(command.indexOf("--cores") + 1), QStringLiteral("2"));
    QCOMPARE(command.at(command.indexOf("--memory") + 1), QStringLiteral("1536m"));
    QCOMPARE(command.last(), QStringLiteral("spark://spark-master:7077"));
    const YAML::Node limits = worker["deploy"]["resources"]["limits"];
    QCOMPARE(str(limits["cpus"]), QStringLiteral("2"));
    // What executors get, plus 1 GiB for the worker's heap (SPARK_DAEMON_MEMORY) and non-heap.
    QCOMPARE(str(worker["environment"]["SPARK_DAEMON_MEMORY"]), QStringLiteral("512m"));
    QCOMPARE(str(limits["memory"]), QStringLiteral("2560M"));
    // Worker UIs are reached through the master's reverse proxy: two replicas on one node
    // would fight over a published port.
    QVERIFY(!worker["ports"]);
}

void tst_SwarmStackRenderer::workersSpreadOverTheNodeLabel()
{
    const YAML::Node placement = YAML::Load(
        renderSwarmStack(demo()).toStdString())["services"]["worker"]["deploy"]["placement"];
    QCOMPARE(str(placement["preferences"][0]["spread"]),
             QStringLiteral("node.labels.") + QLatin1String(SwarmStack::kPlacementLabel));
    QVERIFY(!placement["constraints"]);
}

void tst_SwarmStackRenderer::stoppedWorkersDecommissionFirst()
{
    // Docker stops a worker with Spark's decommission signal and waits before it kills it.
    const YAML::Node worker
        = YAML::Load(renderSwarmStack(demo()).toStdString())["services"]["worker"];
    QCOMPARE(str(worker["stop_signal"]), QStringLiteral("SIGPWR"));
    QCOMPARE(str(worker["stop_grace_period"]), QStringLiteral("10s"));
    QVERIFY(!YAML::Load(renderSwarmStack(demo()).toStdString())["services"]["master"]["stop_signal"]);
}

void tst_SwarmStackRenderer::theSecretIsAnExternalDockerSecret()
{
    const YAML::Node file = YAML::Load(renderSwarmStack(demo()).toStdString());
    QCOMPARE(file["secrets"].size(), std::size_t(1));
    const YAML::Node secret = file["secrets"].begin()->second;
    QCOMPARE(secret["external"].as<bool>(), true);
    QCOMPARE(str(secret["name"]), QStringLiteral("sparkdeck-demo-auth"));
    QVERIFY(!secret["file"]); // never a file of ours
    const std::string key = file["secrets"].begin()->first.as<std::string>();
    for (const char *service : {"master", "worker"}) {
        const YAML::Node mount = file["services"][service]["secrets"][0];
        QCOMPARE(mount["source"].as<std::string>(), key);
        QCOMPARE(str(mount["uid"]), QStringLiteral("185")); // the image's spark user
        QCOMPARE(mount["mode"].as<int>(), 0400);
    }
}

void tst_SwarmStackRenderer::daemonsGetTheStandaloneModesSettings()
{
    const SwarmStack stack = demo();
    const YAML::Node file = YAML::Load(renderSwarmStack(stack).toStdString());
    const QString expected
        = SparkConfigRenderer::sparkDefaultsWithoutSecret(stack.stackName, stack.masterUrl());
    for (const char *service : {"master", "worker"}) {
        const QString defaults
            = str(file["services"][service]["environment"]["SPARKDECK_SPARK_DEFAULTS"]);
        QCOMPARE(interpolated(defaults), expected);
        QVERIFY(!defaults.contains(QLatin1String("spark.authenticate.secret")));
    }
}

void tst_SwarmStackRenderer::launchScriptWritesAPrivateConfigWithTheSecret()
{
    // The entrypoint as the container runs it, with /run/secrets moved to a directory of ours.
    QTemporaryDir secrets;
    QVERIFY(secrets.isValid());
    QFile secretFile(secrets.filePath(QStringLiteral("spark-authenticate-secret")));
    QVERIFY(secretFile.open(QIODevice::WriteOnly));
    secretFile.write("s3cr3t-value\n");
    secretFile.close();

    const YAML::Node master
        = YAML::Load(renderSwarmStack(demo()).toStdString())["services"]["master"];
    QStringList entrypoint = list(master["entrypoint"]);
    for (QString &word : entrypoint)
        word = interpolated(word).replace(QLatin1String("/run/secrets"), secrets.path());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SPARKDECK_SPARK_DEFAULTS"),
                       interpolated(str(master["environment"]["SPARKDECK_SPARK_DEFAULTS"])));
    // In place of spark-class: report what the daemon would see.
    const QString probe
        = QStringLiteral("printf '%s|%s|' \"${SPARKDECK_SPARK_DEFAULTS-unset}\" \"$(stat -c %a "
                         "\"$SPARK_CONF_DIR/spark-defaults.conf\")\";"
                         "cat \"$SPARK_CONF_DIR/spark-defaults.conf\"; rm -r \"$SPARK_CONF_DIR\"");
    const CommandRun result = CommandRun::of(
        entrypoint.first(),
        entrypoint.mid(1) + QStringList{QStringLiteral("sh"), QStringLiteral("-c"), probe},
        environment);
    QCOMPARE(result.exitCode, 0);
    const QStringList parts = result.output.split(QLatin1Char('|'));
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.at(0), QStringLiteral("unset"));
    QCOMPARE(parts.at(1), QStringLiteral("600"));
    const SwarmStack stack = demo();
    QCOMPARE(parts.at(2),
             SparkConfigRenderer::sparkDefaultsWithoutSecret(stack.stackName, stack.masterUrl())
                 + QStringLiteral("spark.authenticate.secret s3cr3t-value\n"));
}

void tst_SwarmStackRenderer::sharedFolderIsAnNfsVolume()
{
    const YAML::Node file = YAML::Load(renderSwarmStack(demo()).toStdString());
    const YAML::Node volume = file["volumes"]["shared"];
    QCOMPARE(str(volume["driver"]), QStringLiteral("local"));
    QCOMPARE(str(volume["driver_opts"]["type"]), QStringLiteral("nfs"));
    QCOMPARE(str(volume["driver_opts"]["o"]), QStringLiteral("addr=10.77.0.11,rw,nfsvers=4"));
    QCOMPARE(str(volume["driver_opts"]["device"]), QStringLiteral(":/srv/sparkdeck/share"));
    for (const char *service : {"master", "worker"}) {
        const YAML::Node mount = file["services"][service]["volumes"][0];
        QCOMPARE(str(mount["type"]), QStringLiteral("volume"));
        QCOMPARE(str(mount["source"]), QStringLiteral("shared"));
        QCOMPARE(str(mount["target"]), QStringLiteral("/srv/share"));
    }
}

void tst_SwarmStackRenderer::noSharedFolderNoVolume()
{
    SwarmStack stack = demo();
    stack.sharedFolder.reset();
    const YAML::Node file = YAML::Load(renderSwarmStack(stack).toStdString());
    QVERIFY(!file["volumes"]);
    QVERIFY(!file["services"]["master"]["volumes"]);
    QVERIFY(!file["services"]["worker"]["volumes"]);
}

void tst_SwarmStackRenderer::versionIsQuoted()
{
    // Unquoted, yaml-cpp writes `version: 3.8`, a number, which Compose refuses.
    QVERIFY(renderSwarmStack(demo()).contains(QLatin1String("\nversion: \"3.8\"\n")));
}

void tst_SwarmStackRenderer::forClusterTakesTheSpecsValues()
{
    ClusterSpec spec;
    spec.name = QStringLiteral("lab");
    spec.spark.image = QStringLiteral("local/spark:3.5.8");
    spec.workers.count = 4;
    spec.workers.cores = 3;
    spec.workers.memory = MemorySize::fromMebibytes(4096);
    SwarmStack stack = SwarmStack::forCluster(spec, QStringLiteral("10.0.0.5"));
    QCOMPARE(stack.stackName, QStringLiteral("lab"));
    QCOMPARE(stack.image, QStringLiteral("local/spark:3.5.8"));
    QCOMPARE(stack.workers, 4);
    QCOMPARE(stack.workerCores, 3);
    QCOMPARE(stack.workerMemory, MemorySize::fromMebibytes(4096));
    QCOMPARE(stack.networkName, QStringLiteral("sparkdeck-lab"));
    QCOMPARE(stack.secretName, QStringLiteral("sparkdeck-lab-auth"));
    QCOMPARE(stack.masterService(), QStringLiteral("lab_master"));
    QCOMPARE(stack.workerService(), QStringLiteral("lab_worker"));
    QVERIFY(stack.sharedFolder);
    QCOMPARE(stack.sharedFolder->server, QStringLiteral("10.0.0.5")); // server: master
    QCOMPARE(stack.sharedFolder->exportPath, spec.sharedFolder.exportPath);

    spec.sharedFolder.server = QStringLiteral("nfs.example.org");
    QCOMPARE(SwarmStack::forCluster(spec, QStringLiteral("10.0.0.5")).sharedFolder->server,
             QStringLiteral("nfs.example.org"));
    spec.sharedFolder.enabled = false;
    QVERIFY(!SwarmStack::forCluster(spec, QStringLiteral("10.0.0.5")).sharedFolder);
}

void tst_SwarmStackRenderer::hostileValuesStayStrings_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("yaml-1.1-time") << QStringLiteral("22:22");
    QTest::newRow("number") << QStringLiteral("3.8");
    QTest::newRow("boolean") << QStringLiteral("yes");
    QTest::newRow("null") << QStringLiteral("~");
    QTest::newRow("mapping") << QStringLiteral("a: b");
    QTest::newRow("comment") << QStringLiteral("x #y");
    QTest::newRow("quotes") << QStringLiteral("it's \"q\"");
    QTest::newRow("newline") << QStringLiteral("a\nservices: {}");
    QTest::newRow("interpolation") << QStringLiteral("$HOME ${PATH} $$");
    QTest::newRow("flow") << QStringLiteral("[x, {y: z}]");
    QTest::newRow("unicode") << QStringLiteral("クラスタ");
}

void tst_SwarmStackRenderer::hostileValuesStayStrings()
{
    QFETCH(QString, value);
    SwarmStack stack = demo();
    stack.stackName = value;
    stack.image = value;
    stack.networkName = value;
    stack.secretName = value;
    stack.sharedFolder->mountPath = value;
    stack.sharedFolder->exportPath = value;
    const YAML::Node file = YAML::Load(renderSwarmStack(stack).toStdString());
    QCOMPARE(interpolated(str(file["services"]["master"]["image"])), value);
    QCOMPARE(interpolated(str(file["services"]["worker"]["volumes"][0]["target"])), value);
    QCOMPARE(interpolated(str(file["networks"]["cluster"]["name"])), value);
    QCOMPARE(interpolated(str(file["secrets"].begin()->second["name"])), value);
    QCOMPARE(interpolated(str(file["volumes"]["shared"]["driver_opts"]["device"])),
             QLatin1Char(':') + value);
    QCOMPARE(file["services"].size(), std::size_t(2));
}

void tst_SwarmStackRenderer::validatorRows()
{
    QTest::addColumn<SwarmStack>("stack");
    QTest::newRow("demo") << demo();
    SwarmStack noFolder = demo();
    noFolder.sharedFolder.reset();
    QTest::newRow("no shared folder") << noFolder;
    SwarmStack ipv6 = demo();
    ipv6.sharedFolder->server = QStringLiteral("fd00::11");
    QTest::newRow("ipv6 nfs server") << ipv6;
    SwarmStack hostile = demo();
    hostile.stackName = QStringLiteral("it's: #1 ${x}\n  - y"); // reaches the environment
    hostile.image = QStringLiteral("local/spark:22:22");
    hostile.networkName = QStringLiteral("net-$HOME");
    hostile.sharedFolder->mountPath = QStringLiteral("/srv/it's #1 $x");
    QTest::newRow("hostile") << hostile;
}

void tst_SwarmStackRenderer::dockerStackConfigAcceptsIt_data()
{
    validatorRows();
}

void tst_SwarmStackRenderer::dockerStackConfigAcceptsIt()
{
    QFETCH(SwarmStack, stack);
    const QString docker = QStandardPaths::findExecutable(QStringLiteral("docker"));
    if (docker.isEmpty())
        QSKIP("no docker CLI on PATH");
    if (!CommandRun::of(
             docker, {QStringLiteral("stack"), QStringLiteral("config"), QStringLiteral("--help")})
             .ok())
        QSKIP("this docker CLI has no 'stack config'; the Docker CLI 28 on the test machines has");
    QTemporaryDir dir;
    const QString path = Test::writeStackFile(dir, stack);
    QVERIFY(!path.isEmpty());

    const CommandRun result = CommandRun::of(
        docker, {QStringLiteral("stack"), QStringLiteral("config"), QStringLiteral("-c"), path});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    // Docker's reading of the file: what the engine will deploy.
    const YAML::Node read = YAML::Load(result.output.toStdString());
    QCOMPARE(str(read["services"]["master"]["image"]), stack.image);
    QCOMPARE(read["services"]["worker"]["deploy"]["replicas"].as<int>(), stack.workers);
    QCOMPARE(str(read["networks"]["cluster"]["name"]), stack.networkName);
    // Docker's interpolation leaves exactly what the daemons need ($$ is a literal $).
    QCOMPARE(str(read["services"]["worker"]["environment"]["SPARKDECK_SPARK_DEFAULTS"]),
             SparkConfigRenderer::sparkDefaultsWithoutSecret(stack.stackName, stack.masterUrl()));
    const YAML::Node written = YAML::Load(renderSwarmStack(stack).toStdString());
    QCOMPARE(list(read["services"]["master"]["entrypoint"]),
             list(written["services"]["master"]["entrypoint"])
                 .replaceInStrings(QLatin1String("$$"), QLatin1String("$")));
    if (stack.sharedFolder)
        QCOMPARE(str(read["services"]["worker"]["volumes"][0]["target"]),
                 stack.sharedFolder->mountPath);
}

void tst_SwarmStackRenderer::dockerComposeAcceptsIt_data()
{
    validatorRows();
}

void tst_SwarmStackRenderer::dockerComposeAcceptsIt()
{
    QFETCH(SwarmStack, stack);
    const QString compose = QStandardPaths::findExecutable(QStringLiteral("docker-compose"));
    if (compose.isEmpty())
        QSKIP(
            "no docker-compose (Debian package docker-compose; scripts/install-deps installs it)");
    QTemporaryDir dir;
    const QString path = Test::writeStackFile(dir, stack);
    QVERIFY(!path.isEmpty());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix:///nonexistent"));
    const CommandRun result = CommandRun::of(
        compose, {QStringLiteral("-f"), path, QStringLiteral("config"), QStringLiteral("-q")},
        environment);
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    QVERIFY2(result.output.trimmed().isEmpty(), qPrintable(result.output)); // not even a warning
}

QTEST_GUILESS_MAIN(tst_SwarmStackRenderer)
#include "tst_swarmstackrenderer.moc"
