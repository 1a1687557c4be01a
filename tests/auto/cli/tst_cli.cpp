// sparkdeck-cli as a user meets it: exit codes, usage, help, version, validate and plan.
#include "clirunner.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class tst_Cli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyGoodFileExitsZero_data();
    void everyGoodFileExitsZero();
    void everyBadFileExitsTwoWithItsLocation_data();
    void everyBadFileExitsTwoWithItsLocation();
    void validateReportsEveryFileItIsGiven();
    void usageErrorsExitTwoWithAUsageLine_data();
    void usageErrorsExitTwoWithAUsageLine();
    void helpAndVersionExitZero();
    void planPrintsEachHostWithItsCommands();
    void planRefusesAnInvalidFile();
    void planForSwarmShowsTheDockerSteps();

private:
    using Run = SparkDeck::Test::CliRun;
    static Run cli(const QStringList &arguments) { return Run::of(arguments, 60000); }
    static QString data(const QString &relative)
    {
        return QStringLiteral(SPARKDECK_TEST_DATA "/clusterfiles/") + relative;
    }
};

void tst_Cli::everyGoodFileExitsZero_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(data(QStringLiteral("good"))).entryList(QDir::Files, QDir::Name);
    QVERIFY(files.contains(QStringLiteral("issue-example.yaml"))); // the format as documented
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << data(QStringLiteral("good/") + file);
}

void tst_Cli::everyGoodFileExitsZero()
{
    QFETCH(QString, file);
    const Run run = cli({QStringLiteral("validate"), file});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(file + QStringLiteral(": valid cluster '")));
}

void tst_Cli::everyBadFileExitsTwoWithItsLocation_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(data(QStringLiteral("bad"))).entryList(QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 40);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << data(QStringLiteral("bad/") + file);
}

void tst_Cli::everyBadFileExitsTwoWithItsLocation()
{
    QFETCH(QString, file);
    const Run run = cli({QStringLiteral("validate"), file});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QString());
    const QRegularExpression compilerStyle(QRegularExpression::anchoredPattern(
        QRegularExpression::escape(file) + QStringLiteral(":[0-9]+:[0-9]+: (error|warning): [^\\n]+")));
    const QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    for (const QString &line : lines)
        QVERIFY2(compilerStyle.match(line).hasMatch(), qPrintable(line));
}

void tst_Cli::validateReportsEveryFileItIsGiven()
{
    const QString good = data(QStringLiteral("good/full-existing.yaml"));
    const QString bad = data(QStringLiteral("bad/cores-zero.yaml"));
    const Run run = cli({QStringLiteral("validate"), bad, good});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, bad + QStringLiteral(":3:10: error: 'workers.cores' must be between 1 and 1024, not 0\n"));
    QCOMPARE(run.out, good + QStringLiteral(": valid cluster 'demo'\n"));
}

void tst_Cli::usageErrorsExitTwoWithAUsageLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("usage");
    QTest::newRow("no command") << QStringList() << "usage: sparkdeck-cli [--help]";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "sparkdeck-cli: unknown command 'frobnicate'";
    QTest::newRow("validate without file") << QStringList{"validate"} << "usage: sparkdeck-cli validate [options] FILE...";
    QTest::newRow("plan with two files") << QStringList{"plan", "a", "b"} << "usage: sparkdeck-cli plan [options] FILE";
    QTest::newRow("unknown option") << QStringList{"validate", "--frob", "x"} << "Unknown option 'frob'.";
}

void tst_Cli::usageErrorsExitTwoWithAUsageLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, usage);
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(usage), qPrintable(run.err));
}

void tst_Cli::helpAndVersionExitZero()
{
    const Run help = cli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("  validate")));
    QVERIFY(help.out.contains(QStringLiteral("  plan")));
    const Run version = cli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(QRegularExpression(QStringLiteral("^sparkdeck-cli [0-9]+\\.[0-9]+\\.[0-9]+\\n$")).match(version.out).hasMatch());
    const Run commandHelp = cli({QStringLiteral("plan"), QStringLiteral("--help")});
    QCOMPARE(commandHelp.exitCode, 0);
    QVERIFY(commandHelp.out.startsWith(QStringLiteral("usage: sparkdeck-cli plan [options] FILE")));
}

void tst_Cli::planPrintsEachHostWithItsCommands()
{
    const Run run = cli({QStringLiteral("plan"), data(QStringLiteral("good/full-existing.yaml"))});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("Plan for cluster 'demo'\n")));
    QVERIFY(run.out.contains(QStringLiteral("\n10.0.0.11 (master, spare (used when scaling up), shared folder server)\n")));
    QVERIFY(run.out.contains(QStringLiteral("\n10.0.0.12 (worker)\n")));
    QVERIFY(run.out.contains(QStringLiteral(
        "$ /opt/sparkdeck/demo/spark-3.5.8/sbin/start-worker.sh spark://10.0.0.11:7077")));
    QVERIFY(!run.out.contains(QStringLiteral("secret=")));
}

void tst_Cli::planForSwarmShowsTheDockerSteps()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("swarm.yaml"));
    QFile yaml(file);
    QVERIFY(yaml.open(QIODevice::WriteOnly));
    yaml.write("name: demo\n"
               "machines:\n"
               "  provider: existing\n"
               "  hosts: [{address: 10.0.0.11, role: master}, {address: 10.0.0.12}]\n"
               "spark: {deploy: swarm, image: \"apache/spark:3.5.8\"}\n");
    yaml.close();
    const Run run = cli({QStringLiteral("plan"), file});
    QVERIFY2(run.exitCode == 0, run.transcript());
    QVERIFY(run.out.contains(QStringLiteral("$ docker swarm init --advertise-addr 10.0.0.11\n")));
    QVERIFY(run.out.contains(QStringLiteral("$ docker secret create sparkdeck-demo-auth -\n")));
    QVERIFY(run.out.contains(QStringLiteral("Join the swarm of 10.0.0.11:2377 as a worker node: POST /swarm/join to the "
                                            "node's Docker engine, the token (********) on standard input")));
    QVERIFY(!run.out.contains(QStringLiteral("--token")));
    QCOMPARE(run.out.count(QStringLiteral("$ docker pull apache/spark:3.5.8\n")), 2);
    QVERIFY(run.out.contains(QStringLiteral("$ docker stack deploy -c /opt/sparkdeck/demo/stack.yml demo\n")));
    QVERIFY(!run.out.contains(QStringLiteral("java")));
}

void tst_Cli::planRefusesAnInvalidFile()
{
    const QString bad = data(QStringLiteral("bad/two-masters.yaml"));
    const Run run = cli({QStringLiteral("plan"), bad});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QString());
    QVERIFY(run.err.startsWith(bad + QStringLiteral(":6:35: error: only one host")));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
