// Where systemd runs, Spark's daemons are systemd units: in the foreground through
// bin/spark-class, restarted on failure, started at boot; systemd-analyze accepts them, and a
// hostile path or URL cannot expand into anything.
#include "provisioning/clusterlayout.h"
#include "render/systemdunit.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;

class tst_SystemdUnitRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masterRunsSparkClassInTheForeground();
    void workerKnowsItsMasterAndPort();
    void specifiersAndVariablesStayLiteral();
    void systemdAnalyzeAcceptsTheUnits();

private:
    static ClusterSpec demo()
    {
        ClusterSpec spec;
        spec.name = QStringLiteral("demo");
        return spec;
    }
};

void tst_SystemdUnitRenderer::masterRunsSparkClassInTheForeground()
{
    const SystemdUnit unit = SystemdUnitRenderer::master(demo(), ClusterLayout(demo()));
    QCOMPARE(unit.name, QStringLiteral("sparkdeck-demo-master.service"));
    const QStringList lines = unit.content.split(QLatin1Char('\n'));
    QVERIFY(lines.contains(QStringLiteral("ExecStart=\"/opt/sparkdeck/demo/spark-3.5.8/bin/spark-class\" "
                                          "\"org.apache.spark.deploy.master.Master\"")));
    QVERIFY(lines.contains(QStringLiteral("Restart=on-failure")));
    QVERIFY(lines.contains(QStringLiteral("WantedBy=multi-user.target")));
    QVERIFY(lines.contains(QStringLiteral("Environment=\"SPARK_HOME=/opt/sparkdeck/demo/spark-3.5.8\"")));
}

void tst_SystemdUnitRenderer::workerKnowsItsMasterAndPort()
{
    const SystemdUnit unit = SystemdUnitRenderer::worker(demo(), ClusterLayout(demo()), 2, QStringLiteral("spark://10.0.0.11:7077"), 8082);
    QCOMPARE(unit.name, QStringLiteral("sparkdeck-demo-worker-2.service"));
    QVERIFY(unit.content.contains(QStringLiteral("\"org.apache.spark.deploy.worker.Worker\" \"--webui-port\" \"8082\" "
                                                 "\"spark://10.0.0.11:7077\"")));
}

void tst_SystemdUnitRenderer::specifiersAndVariablesStayLiteral()
{
    const ClusterLayout hostile(demo(), QStringLiteral("/srv/100% \"$HOME\" \\x"));
    const SystemdUnit unit = SystemdUnitRenderer::master(demo(), hostile);
    QVERIFY(unit.content.contains(QStringLiteral("\"/srv/100%% \\\"$$HOME\\\" \\\\x/demo/spark-3.5.8/bin/spark-class\"")));
}

void tst_SystemdUnitRenderer::systemdAnalyzeAcceptsTheUnits()
{
    if (QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty())
        QSKIP("systemd-analyze is not installed");
    QTemporaryDir dir;
    const ClusterLayout layout(demo(), dir.filePath(QStringLiteral("opt")));
    // systemd-analyze checks that ExecStart's program exists.
    QVERIFY(QDir().mkpath(layout.sparkHome() + QStringLiteral("/bin")));
    QFile sparkClass(layout.sparkHome() + QStringLiteral("/bin/spark-class"));
    QVERIFY(sparkClass.open(QIODevice::WriteOnly));
    sparkClass.write("#!/bin/sh\n");
    sparkClass.close();
    sparkClass.setPermissions(sparkClass.permissions() | QFile::ExeOwner);
    for (const SystemdUnit &unit : {SystemdUnitRenderer::master(demo(), layout),
                                    SystemdUnitRenderer::worker(demo(), layout, 1, QStringLiteral("spark://10.0.0.11:7077"), 8081)}) {
        QFile file(dir.filePath(unit.name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(unit.content.toUtf8());
        file.close();
        QProcess verify;
        verify.start(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), file.fileName()});
        QVERIFY(verify.waitForFinished(60000));
        const QByteArray complaints = verify.readAllStandardError();
        QVERIFY2(verify.exitCode() == 0, complaints.constData());
        QVERIFY2(!complaints.contains(unit.name.toUtf8()), complaints.constData());
    }
}

QTEST_GUILESS_MAIN(tst_SystemdUnitRenderer)
#include "tst_systemdunitrenderer.moc"
