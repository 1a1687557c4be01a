// Saving writes a clean, commented cluster file; loading it gives back the same spec, and
// other YAML readers (YAML 1.1, as most tools still are) read the same strings.
#include "spec/clusterfileloader.h"
#include "spec/clusterfilewriter.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;
Q_DECLARE_METATYPE(SparkDeck::ClusterSpec)

namespace {
ClusterSpec existingCluster()
{
    ClusterSpec spec;
    spec.name = QStringLiteral("classroom");
    spec.machines.provider = Provider::Existing;
    spec.machines.hosts = {{QStringLiteral("10.0.0.11"), std::nullopt, QString(), HostRole::Master},
                           {QStringLiteral("node-2.lab.example"), 2222, QStringLiteral("spark"), HostRole::Unassigned},
                           {QStringLiteral("fd00::13"), std::nullopt, QString(), HostRole::Worker}};
    spec.workers.count = 2;
    return spec;
}
} // namespace

class tst_ClusterFileWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsLossless_data();
    void roundTripIsLossless();
    void writesACommentedFileWithQuotedVersion();
    void otherYamlReadersSeeTheSameStrings();
    void saveReplacesTheFileAtomically();
    void saveReportsWhatToDoWhenItCannotWrite();
};

void tst_ClusterFileWriter::roundTripIsLossless_data()
{
    QTest::addColumn<ClusterSpec>("spec");
    ClusterSpec minimal;
    minimal.name = QStringLiteral("demo");
    QTest::newRow("defaults") << minimal;
    QTest::newRow("existing hosts, ports, users, roles") << existingCluster();

    ClusterSpec tricky = existingCluster();
    tricky.machines.ssh.user = QStringLiteral("yes");              // a YAML 1.1 boolean word
    tricky.machines.ssh.identity = QStringLiteral("~/Keys/my key: 22:22 #1 — ключ"); // spaces, colons, hash, unicode
    tricky.machines.ssh.knownHosts = QStringLiteral("/home/o'neil/.ssh/known \"hosts\"");
    tricky.machines.ssh.port = 2200;
    tricky.machines.ssh.hostKeyPolicy = HostKeyPolicy::AcceptNew;
    tricky.spark.version = QStringLiteral("3.5.10");
    tricky.spark.distribution = QStringLiteral("/home/me/Downloads/spark-3.5.10-bin-hadoop3.tgz");
    tricky.spark.sha512 = QString(128, QLatin1Char('a'));
    tricky.spark.deploy = DeployMode::Swarm;
    tricky.spark.image = QStringLiteral("registry.local:5000/team/spark:3.5.10-java17");
    tricky.spark.imageArchive = QCoreApplication::applicationFilePath(); // must exist: any file
    tricky.workers = {0, 16, MemorySize::fromMebibytes(1536)};
    tricky.sharedFolder = {false, QStringLiteral("10.0.0.50"), QStringLiteral("/export/data"),
                           QStringLiteral("/mnt/data")};
    tricky.jupyter.enabled = true;
    QTest::newRow("strings YAML would misread, every field changed") << tricky;

    ClusterSpec cloud = minimal;
    cloud.machines.provider = Provider::DigitalOcean;
    QTest::newRow("cloud provider") << cloud;

    ClusterSpec chosen = cloud;
    chosen.machines.region = QStringLiteral("fra1");
    chosen.machines.size = QStringLiteral("s-2vcpu-4gb");
    chosen.machines.image = QStringLiteral("debian-12-x64");
    chosen.machines.expiresAfter = LeaseDuration::fromSeconds(5400);
    QTest::newRow("cloud region, size, image and lease") << chosen;

    ClusterSpec virtualBox = minimal;
    virtualBox.machines.provider = Provider::VirtualBox;
    virtualBox.machines.image = QStringLiteral("https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-generic-amd64.qcow2");
    virtualBox.machines.expiresAfter = LeaseDuration::fromSeconds(86400);
    QTest::newRow("virtualbox image URL and a one-day lease") << virtualBox;
}

void tst_ClusterFileWriter::roundTripIsLossless()
{
    QFETCH(ClusterSpec, spec);
    const QByteArray yaml = ClusterFileWriter::toYaml(spec);
    const LoadedClusterFile loaded = ClusterFileLoader::loadText(yaml);
    QStringList problems;
    for (const Diagnostic &d : loaded.diagnostics)
        problems << d.format(QStringLiteral("written"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n')) + "\n" + yaml));
    QCOMPARE(loaded.spec, spec);
    QCOMPARE(ClusterFileWriter::toYaml(loaded.spec), yaml); // saving twice changes nothing
}

void tst_ClusterFileWriter::writesACommentedFileWithQuotedVersion()
{
    const QByteArray yaml = ClusterFileWriter::toYaml(existingCluster());
    QVERIFY(yaml.startsWith("# SparkDeck cluster file."));
    QVERIFY(yaml.contains("  version: \"3.5.8\""));
    QVERIFY(yaml.contains("provider: existing  # existing | local | virtualbox | digitalocean | ec2 | gce | openstack"));
    QVERIFY(yaml.contains("    - {address: node-2.lab.example, port: 2222, user: spark}"));
    QVERIFY(yaml.contains("  sha512: ~  # fetched from <distribution>.sha512"));
    QVERIFY(!yaml.contains("password:"));
}

void tst_ClusterFileWriter::otherYamlReadersSeeTheSameStrings()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"), {QStringLiteral("/usr/bin")});
    QProcess probe;
    probe.start(python, {QStringLiteral("-c"), QStringLiteral("import yaml")});
    if (python.isEmpty() || !probe.waitForFinished() || probe.exitCode() != 0)
        QSKIP("needs /usr/bin/python3 with PyYAML (Debian package python3-yaml)");

    ClusterSpec spec = existingCluster();
    spec.machines.ssh.user = QStringLiteral("on");
    spec.machines.ssh.identity = QStringLiteral("~/k/22:22");
    spec.spark.version = QStringLiteral("3.5.10");
    QProcess reader;
    reader.start(python, {QStringLiteral("-c"),
                          QStringLiteral("import sys, yaml, json\n"
                                         "d = yaml.safe_load(sys.stdin)\n"
                                         "print(json.dumps([d['spark']['version'], d['machines']['ssh']['user'],"
                                         " d['machines']['ssh']['identity'], d['machines']['hosts'][0]['address'],"
                                         " d['spark']['sha512']]))")});
    reader.write(ClusterFileWriter::toYaml(spec));
    reader.closeWriteChannel();
    QVERIFY(reader.waitForFinished());
    QCOMPARE(reader.readAllStandardError(), QByteArray());
    QCOMPARE(reader.readAllStandardOutput().trimmed(),
             QByteArray(R"(["3.5.10", "on", "~/k/22:22", "10.0.0.11", null])"));
}

void tst_ClusterFileWriter::saveReplacesTheFileAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cluster.yaml"));
    QVERIFY(ClusterFileWriter::save(existingCluster(), path).ok());
    ClusterSpec changed = existingCluster();
    changed.workers.count = 1;
    QVERIFY(ClusterFileWriter::save(changed, path).ok());
    QCOMPARE(ClusterFileLoader::loadFile(path).spec, changed);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList("cluster.yaml")); // no temp file left
}

void tst_ClusterFileWriter::saveReportsWhatToDoWhenItCannotWrite()
{
    const Status status = ClusterFileWriter::save(existingCluster(), QStringLiteral("/nonexistent-dir/c.yaml"));
    QVERIFY(!status.ok());
    QVERIFY2(status.errorMessage().startsWith(QStringLiteral("Cannot write /nonexistent-dir/c.yaml: ")),
             qPrintable(status.errorMessage()));
    QVERIFY(status.errorMessage().endsWith(QStringLiteral("Choose another folder or free some space.")));
}

QTEST_GUILESS_MAIN(tst_ClusterFileWriter)
#include "tst_clusterfilewriter.moc"
