// What a cluster file means: every field of the documented format, defaults for what is left
// out, hosts in both spellings, and every problem of a file reported in one pass.
#include "spec/clusterfileloader.h"

#include <QTemporaryFile>
#include <QtTest>

using namespace SparkDeck;

namespace {
LoadedClusterFile load(const char *yaml)
{
    return ClusterFileLoader::loadText(QByteArray(yaml));
}

QStringList formatted(const QList<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.format(QStringLiteral("f.yaml"));
    return lines;
}
} // namespace

class tst_ClusterFileLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEveryDocumentedField();
    void readsACloudProvidersChoicesAndLease();
    void swarmRunsOnThisComputerOrOnExistingHosts_data();
    void swarmRunsOnThisComputerOrOnExistingHosts();
    void readsTheSwarmImageArchive();
    void fillsDefaultsForWhatIsLeftOut();
    void emptySectionsMeanDefaults();
    void acceptsHostsAsAddressesOrMappings();
    void firstHostIsMasterUnlessOneIsMarked();
    void aLoneHostRunsMasterAndWorker();
    void reportsEveryProblemInOnePass();
    void warningsDoNotMakeTheFileInvalid();
    void reportsAnUnreadableFile();
    void recordsWhereEachValueWasWritten();
};

void tst_ClusterFileLoader::readsEveryDocumentedField()
{
    const LoadedClusterFile loaded
        = ClusterFileLoader::loadFile(QStringLiteral(SPARKDECK_TEST_DATA "/clusterfiles/good/full-existing.yaml"));
    QVERIFY2(loaded.ok(), qPrintable(formatted(loaded.diagnostics).join(QLatin1Char('\n'))));
    QVERIFY(loaded.diagnostics.isEmpty());
    const ClusterSpec &spec = loaded.spec;
    QCOMPARE(spec.name, QStringLiteral("demo"));
    QCOMPARE(toString(spec.machines.provider), QStringLiteral("existing"));
    QCOMPARE(spec.machines.hosts.size(), 3);
    QCOMPARE(spec.machines.hosts.at(0).address, QStringLiteral("10.0.0.11"));
    QCOMPARE(toString(spec.machines.hosts.at(0).role), QStringLiteral("master"));
    QCOMPARE(toString(spec.machines.hosts.at(1).role), QStringLiteral(""));
    QCOMPARE(spec.machines.ssh.user, QStringLiteral("root"));
    QCOMPARE(spec.machines.ssh.port, 22);
    QCOMPARE(spec.machines.ssh.identity, QStringLiteral("~/.ssh/id_ed25519"));
    QCOMPARE(spec.machines.ssh.knownHosts, QStringLiteral("~/.ssh/known_hosts"));
    QCOMPARE(toString(spec.machines.ssh.hostKeyPolicy), QStringLiteral("ask"));
    QCOMPARE(spec.spark.version, QStringLiteral("3.5.8"));
    QCOMPARE(toString(spec.spark.deploy), QStringLiteral("standalone"));
    QCOMPARE(spec.spark.distribution,
             QStringLiteral("https://archive.apache.org/dist/spark/spark-3.5.8/spark-3.5.8-bin-hadoop3.tgz"));
    QVERIFY(spec.spark.sha512.isEmpty());
    QCOMPARE(spec.spark.image, QStringLiteral("apache/spark:3.5.8"));
    QCOMPARE(spec.workers.count, 2);
    QCOMPARE(spec.workers.cores, 2);
    QCOMPARE(spec.workers.memory.mebibytes(), 2048);
    QVERIFY(spec.sharedFolder.enabled);
    QVERIFY(spec.sharedFolder.servedByMaster());
    QCOMPARE(spec.sharedFolder.exportPath, QStringLiteral("/srv/sparkdeck/share"));
    QCOMPARE(spec.sharedFolder.mountPath, QStringLiteral("/srv/sparkdeck/share"));
    QVERIFY(!spec.jupyter.enabled);
}

void tst_ClusterFileLoader::readsACloudProvidersChoicesAndLease()
{
    const LoadedClusterFile loaded
        = ClusterFileLoader::loadFile(QStringLiteral(SPARKDECK_TEST_DATA "/clusterfiles/good/digitalocean.yaml"));
    QVERIFY2(loaded.ok(), qPrintable(formatted(loaded.diagnostics).join(QLatin1Char('\n'))));
    QVERIFY(loaded.diagnostics.isEmpty());
    const MachinesSpec &machines = loaded.spec.machines;
    QCOMPARE(toString(machines.provider), QStringLiteral("digitalocean"));
    QCOMPARE(machines.region, QStringLiteral("fra1"));
    QCOMPARE(machines.size, QStringLiteral("s-2vcpu-4gb"));
    QCOMPARE(machines.image, QStringLiteral("debian-12-x64"));
    QVERIFY(machines.expiresAfter.has_value());
    QCOMPARE(machines.expiresAfter->seconds(), 3 * 3600);
    QVERIFY(loaded.spec.machines.hosts.isEmpty());
}

void tst_ClusterFileLoader::swarmRunsOnThisComputerOrOnExistingHosts_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("this computer, a single-node swarm")
        << QByteArray("name: demo\nmachines:\n  provider: local\nspark:\n  deploy: swarm\n");
    // A swarm places any number of worker containers on its nodes: not one worker per host.
    QTest::newRow("existing hosts, more workers than hosts")
        << QByteArray("name: demo\nmachines:\n  provider: existing\n  hosts: [10.0.0.11, 10.0.0.12]\n"
                      "spark:\n  deploy: swarm\nworkers:\n  count: 5\n");
}

void tst_ClusterFileLoader::swarmRunsOnThisComputerOrOnExistingHosts()
{
    QFETCH(QByteArray, yaml);
    const LoadedClusterFile loaded = ClusterFileLoader::loadText(yaml);
    QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(formatted(loaded.diagnostics).join(QLatin1Char('\n'))));
    QCOMPARE(toString(loaded.spec.spark.deploy), QStringLiteral("swarm"));
}

void tst_ClusterFileLoader::readsTheSwarmImageArchive()
{
    QTemporaryFile archive;
    QVERIFY(archive.open());
    const LoadedClusterFile loaded = ClusterFileLoader::loadText(
        "name: demo\nspark:\n  deploy: swarm\n  image: local/spark:3.5.8\n  image_archive: "
        + archive.fileName().toUtf8() + "\n");
    QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(formatted(loaded.diagnostics).join(QLatin1Char('\n'))));
    QCOMPARE(loaded.spec.spark.imageArchive, archive.fileName());
    QCOMPARE(loaded.spec.spark.image, QStringLiteral("local/spark:3.5.8"));
}

void tst_ClusterFileLoader::fillsDefaultsForWhatIsLeftOut()
{
    const LoadedClusterFile loaded = load("name: tiny\n");
    QVERIFY(loaded.ok());
    ClusterSpec expected;
    expected.name = QStringLiteral("tiny");
    QCOMPARE(loaded.spec, expected);
    QCOMPARE(toString(loaded.spec.machines.provider), QStringLiteral("local")); // works on one machine, nothing set up
    QCOMPARE(toString(loaded.spec.machines.ssh.hostKeyPolicy), QStringLiteral("ask"));
}

void tst_ClusterFileLoader::emptySectionsMeanDefaults()
{
    const LoadedClusterFile loaded = load("name: tiny\nmachines:\nspark: {}\nworkers:\njupyter:\n");
    QVERIFY2(loaded.ok(), qPrintable(formatted(loaded.diagnostics).join(QLatin1Char('\n'))));
    QCOMPARE(loaded.spec.workers, WorkersSpec());
}

void tst_ClusterFileLoader::acceptsHostsAsAddressesOrMappings()
{
    const LoadedClusterFile loaded = load("name: lab\n"
                                          "machines:\n"
                                          "  provider: existing\n"
                                          "  hosts:\n"
                                          "    - node1.example.org\n"
                                          "    - { address: 10.0.0.12, port: 2222, user: spark }\n"
                                          "    - address: fd00::12\n"
                                          "      role: worker\n");
    QVERIFY2(loaded.ok(), qPrintable(formatted(loaded.diagnostics).join(QLatin1Char('\n'))));
    const QList<HostSpec> &hosts = loaded.spec.machines.hosts;
    QCOMPARE(hosts.size(), 3);
    QCOMPARE(hosts.at(0).address, QStringLiteral("node1.example.org"));
    QVERIFY(!hosts.at(0).port.has_value());
    QCOMPARE(hosts.at(1).port, std::optional<int>(2222));
    QCOMPARE(hosts.at(1).user, QStringLiteral("spark"));
    QCOMPARE(hosts.at(2).address, QStringLiteral("fd00::12"));
    QCOMPARE(toString(hosts.at(2).role), QStringLiteral("worker"));
}

void tst_ClusterFileLoader::firstHostIsMasterUnlessOneIsMarked()
{
    const LoadedClusterFile unmarked = load("name: a\nmachines:\n  provider: existing\n"
                                            "  hosts: [10.0.0.1, 10.0.0.2, 10.0.0.3]\n");
    QCOMPARE(unmarked.spec.masterHost()->address, QStringLiteral("10.0.0.1"));
    QCOMPARE(unmarked.spec.workerHosts().size(), 3);
    QCOMPARE(unmarked.spec.workerHosts().last().address, QStringLiteral("10.0.0.1"));

    const LoadedClusterFile marked = load("name: a\nmachines:\n  provider: existing\n  hosts:\n"
                                          "    - 10.0.0.1\n    - {address: 10.0.0.2, role: master}\n"
                                          "    - 10.0.0.3\n");
    QCOMPARE(marked.spec.masterHost()->address, QStringLiteral("10.0.0.2"));
    QCOMPARE(marked.spec.workerHosts().at(0).address, QStringLiteral("10.0.0.1"));
    QCOMPARE(marked.spec.workerHosts().at(1).address, QStringLiteral("10.0.0.3"));
    QCOMPARE(marked.spec.workerHosts().at(2).address, QStringLiteral("10.0.0.2"));
}

void tst_ClusterFileLoader::aLoneHostRunsMasterAndWorker()
{
    const LoadedClusterFile loaded = load("name: a\nmachines:\n  provider: existing\n"
                                          "  hosts: [10.0.0.1]\nworkers: {count: 1}\n");
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.spec.workerHosts().size(), 1);
    QCOMPARE(loaded.spec.workerHosts().first().address, QStringLiteral("10.0.0.1"));
}

void tst_ClusterFileLoader::reportsEveryProblemInOnePass()
{
    const LoadedClusterFile loaded = load("name: Bad Name\n"
                                          "workers:\n"
                                          "  count: many\n"
                                          "  memory: 4096\n"
                                          "spark:\n"
                                          "  deploy: swarn\n");
    QCOMPARE(formatted(loaded.diagnostics),
             QStringList({
                 "f.yaml:1:7: error: name 'Bad Name' must start with a lowercase letter and hold "
                 "only lowercase letters, digits and dashes, at most 40 characters (it names "
                 "services, volumes and the state folder)",
                 "f.yaml:3:10: error: 'workers.count' must be a whole number, not 'many'",
                 "f.yaml:4:11: error: memory '4096' has no unit; Spark would read it as bytes. "
                 "Write it with a unit, such as 4096m",
                 "f.yaml:6:11: error: unknown deploy 'swarn'; did you mean 'swarm'?",
             }));
}

void tst_ClusterFileLoader::warningsDoNotMakeTheFileInvalid()
{
    const LoadedClusterFile loaded = load(
        "name: a\nspark:\n  version: \"3.5.1\"\n"
        "  distribution: https://archive.apache.org/dist/spark/spark-3.5.8/spark-3.5.8-bin-hadoop3.tgz\n");
    QVERIFY(loaded.ok());
    QCOMPARE(formatted(loaded.diagnostics),
             QStringList("f.yaml:4:17: warning: the distribution is Spark 3.5.8 but "
                         "'spark.version' says 3.5.1"));
}

void tst_ClusterFileLoader::reportsAnUnreadableFile()
{
    const LoadedClusterFile loaded = ClusterFileLoader::loadFile(QStringLiteral("/nonexistent/x.yaml"));
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.diagnostics.first().format(QStringLiteral("x.yaml")),
             QStringLiteral("x.yaml:1:1: error: cannot read the file: No such file or directory"));
}

void tst_ClusterFileLoader::recordsWhereEachValueWasWritten()
{
    const LoadedClusterFile loaded = load("name: a\nmachines:\n  provider: existing\n  hosts:\n"
                                          "    - 10.0.0.1\n    - { address: 10.0.0.2, port: 22 }\n");
    QCOMPARE(loaded.locations.of(QStringLiteral("machines.hosts[1].port")), (SourceLocation{6, 34}));
    QCOMPARE(loaded.locations.of(QStringLiteral("machines.hosts[0].address")), (SourceLocation{5, 7}));
    // A value left out points at its section.
    QCOMPARE(loaded.locations.of(QStringLiteral("machines.ssh.user")), (SourceLocation{3, 3}));
}

QTEST_GUILESS_MAIN(tst_ClusterFileLoader)
#include "tst_clusterfileloader.moc"
