// A cluster on this computer (provider local), through sparkdeck-cli as a user runs it:
// up, status, scale up and down, a second up that only verifies, and down leaving nothing.
#include "clirunner.h"
#include "processes.h"
#include "standindistribution.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using SparkDeck::Test::CliRun;

class tst_LocalCluster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void upStartsTheMasterAndTheWorkers();
    void scalingAddsWorkersAndDecommissionsThemGracefully();
    void aSecondUpOnAHealthyClusterOnlyVerifies();
    void jupyterAnswersOnlyWithItsToken();
    void downLeavesNothingBehind();

private:
    CliRun cli(const QString &command, const QStringList &extra = {})
    {
        return CliRun::of(QStringList{command, m_file, QStringLiteral("--state"), m_dir.filePath(QStringLiteral("state"))} + extra);
    }
    QJsonObject status()
    {
        const CliRun run = cli(QStringLiteral("status"), {QStringLiteral("--json")});
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }
    int workersIn(const QJsonObject &state, const QString &workerState)
    {
        int count = 0;
        for (const QJsonValue &worker : state.value(QLatin1String("workers")).toArray())
            count += worker.toObject().value(QLatin1String("state")).toString() == workerState ? 1 : 0;
        return count;
    }

    QTemporaryDir m_dir;
    QString m_file;
    QString m_name;
};

void tst_LocalCluster::initTestCase()
{
    QString error;
    const QString tarball = SparkDeck::Test::buildStandinDistribution(m_dir.filePath(QStringLiteral("dist")), &error);
    QVERIFY2(!tarball.isEmpty(), qPrintable(error));
    m_name = QStringLiteral("e2e-local-%1").arg(QCoreApplication::applicationPid());
    m_file = m_dir.filePath(QStringLiteral("cluster.yaml"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("name: %1\n"
                              "machines: {provider: local}\n"
                              "spark: {distribution: %2}\n"
                              "workers: {count: 2, cores: 1, memory: 512m}\n"
                              "shared_folder: {enabled: false}\n"
                              "jupyter: {enabled: true}\n").arg(m_name, tarball).toUtf8());
}

void tst_LocalCluster::cleanupTestCase()
{
    cli(QStringLiteral("down")); // whatever happened above, stop what we started
}

void tst_LocalCluster::upStartsTheMasterAndTheWorkers()
{
    const CliRun up = cli(QStringLiteral("up"));
    QVERIFY2(up.exitCode == 0, up.transcript());
    QVERIFY(up.out.contains(QStringLiteral("Cluster '%1' is up: master spark://127.0.0.1:7077 with 2 workers.").arg(m_name)));
    QVERIFY(!up.out.contains(QStringLiteral("spark.authenticate.secret "))); // never printed
    const QJsonObject state = status();
    QCOMPARE(state.value(QLatin1String("status")).toString(), QStringLiteral("ALIVE"));
    QCOMPARE(state.value(QLatin1String("aliveWorkers")).toInt(), 2);
    QCOMPARE(state.value(QLatin1String("memoryMiB")).toInt(), 1024);
    // The secret file is the owner's alone.
    const QFileInfo defaults(QStringLiteral("/opt/sparkdeck/%1/spark-3.5.8/conf/spark-defaults.conf").arg(m_name));
    QCOMPARE(defaults.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

void tst_LocalCluster::scalingAddsWorkersAndDecommissionsThemGracefully()
{
    const CliRun up = cli(QStringLiteral("scale"), {QStringLiteral("--workers"), QStringLiteral("3")});
    QVERIFY2(up.exitCode == 0, up.transcript());
    QCOMPARE(status().value(QLatin1String("aliveWorkers")).toInt(), 3);

    const CliRun down = cli(QStringLiteral("scale"), {QStringLiteral("--workers"), QStringLiteral("1")});
    QVERIFY2(down.exitCode == 0, down.transcript());
    QVERIFY(down.out.contains(QStringLiteral("Decommission worker 3")));
    QVERIFY(down.out.contains(QStringLiteral("Decommission worker 2")));
    const QJsonObject state = status();
    QCOMPARE(state.value(QLatin1String("aliveWorkers")).toInt(), 1);
    QCOMPARE(workersIn(state, QStringLiteral("ALIVE")), 1);
}

void tst_LocalCluster::aSecondUpOnAHealthyClusterOnlyVerifies()
{
    const CliRun first = cli(QStringLiteral("up")); // back to the file's 2 workers
    QVERIFY2(first.exitCode == 0, first.transcript());
    const CliRun second = cli(QStringLiteral("up"));
    QVERIFY2(second.exitCode == 0, second.transcript());
    QVERIFY2(second.out.contains(QStringLiteral("Done: 0 changes made")), second.transcript());
    QCOMPARE(status().value(QLatin1String("aliveWorkers")).toInt(), 2);
}

void tst_LocalCluster::jupyterAnswersOnlyWithItsToken()
{
    QFile tokenFile(QStringLiteral("/opt/sparkdeck/%1/jupyter/token").arg(m_name));
    QVERIFY(tokenFile.open(QIODevice::ReadOnly));
    QCOMPARE(tokenFile.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    const QByteArray token = tokenFile.readAll().trimmed();
    QCOMPARE(token.size(), 64);
    QNetworkAccessManager network;
    auto get = [&network](const QString &url) {
        QNetworkRequest request{QUrl(url)};
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        done.wait(20000);
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    QCOMPARE(get(QStringLiteral("http://127.0.0.1:8888/api/contents")), 403);
    QCOMPARE(get(QStringLiteral("http://127.0.0.1:8888/api/contents?token=wrong")), 403);
    QCOMPARE(get(QStringLiteral("http://127.0.0.1:8888/api/contents?token=") + QString::fromLatin1(token)), 200);
    // The token never reaches a command line (the environment of Jupyter itself has it).
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly))
            QVERIFY2(!cmdline.readAll().contains(token), qPrintable(pid));
    }
}

void tst_LocalCluster::downLeavesNothingBehind()
{
    const CliRun down = cli(QStringLiteral("down"));
    QVERIFY2(down.exitCode == 0, down.transcript());
    QVERIFY(!QDir(QStringLiteral("/opt/sparkdeck/") + m_name).exists());
    // No process of this cluster is left: every Spark daemon here runs from its SPARK_HOME.
    QCOMPARE(SparkDeck::Test::processesMentioning(("/opt/sparkdeck/" + m_name).toUtf8()), QStringList());
    const CliRun status = cli(QStringLiteral("status"));
    QCOMPARE(status.exitCode, 1);
    QVERIFY(status.err.contains(QStringLiteral("Is the master running")));
}

QTEST_GUILESS_MAIN(tst_LocalCluster)
#include "tst_localcluster.moc"
