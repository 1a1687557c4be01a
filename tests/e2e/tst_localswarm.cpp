// `machines.provider: local` with `deploy: swarm`: the same stack on this computer's Docker engine,
// as a single-node swarm. "This computer" is a docker_lab host: sparkdeck-cli runs inside its
// namespaces (lab-hosts.sh exec), where `docker` reaches that host's own dockerd, as on a laptop;
// this machine's root namespace keeps no engine of ours. Up with 2 workers, scale to 3, down.
#include "labhosts.h"
#include "swarmimage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using SparkDeck::Test::LabHosts;

class tst_LocalSwarm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void upRunsTheStackOnThisComputersEngine();
    void scaleAddsAWorker();
    void downLeavesTheEngineAsItWas();

private:
    /// sparkdeck-cli on "this computer" (the host); true when it exits 0.
    bool cli(const QStringList &arguments, QByteArray *output = nullptr)
    {
        QByteArray out;
        QString error;
        const bool ok = m_lab.runOnHost(
            m_host,
            QStringList{QStringLiteral(SPARKDECK_CLI)} + arguments
                + QStringList{QStringLiteral("--state"), m_dir.filePath(QStringLiteral("state"))},
            &out, &error);
        if (output)
            *output = out + error.toUtf8();
        return ok;
    }
    QJsonObject status()
    {
        QByteArray out;
        cli({QStringLiteral("status"), m_file, QStringLiteral("--json")}, &out);
        return QJsonDocument::fromJson(out).object();
    }
    QString docker(const QStringList &arguments)
    {
        QByteArray output;
        m_lab.runOnHost(m_host, QStringList{QStringLiteral("docker")} + arguments, &output);
        return QString::fromUtf8(output).trimmed();
    }

    LabHosts m_lab = LabHosts::fromEnvironment();
    QString m_host;
    QTemporaryDir m_dir;
    QString m_file;
};

void tst_LocalSwarm::initTestCase()
{
    if (!m_lab.available())
        QSKIP(qPrintable(m_lab.unavailableReason()));
    m_host = m_lab.hosts().constLast().name;
    QString error;
    const SparkDeck::Test::SwarmImage image = SparkDeck::Test::SwarmImage::fromEnvironment(&error);
    QVERIFY2(!image.tag.isEmpty(), qPrintable(error));
    m_file = m_dir.filePath(QStringLiteral("local.yaml"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("name: e2e-local-swarm\n"
                              "machines: {provider: local}\n"
                              "spark: {deploy: swarm, image: \"%1\", image_archive: %2}\n"
                              "workers: {count: 2, cores: 1, memory: 512m}\n"
                              "shared_folder: {enabled: false}\n")
                   .arg(image.tag, image.archive)
                   .toUtf8());
}

void tst_LocalSwarm::cleanupTestCase()
{
    if (m_lab.available() && !m_file.isEmpty())
        cli({QStringLiteral("down"), m_file});
}

void tst_LocalSwarm::upRunsTheStackOnThisComputersEngine()
{
    QByteArray out;
    QVERIFY2(cli({QStringLiteral("up"), m_file}, &out), out.constData());
    QCOMPARE(docker({QStringLiteral("info"), QStringLiteral("--format"),
                     QStringLiteral("{{.Swarm.LocalNodeState}} {{.Swarm.Nodes}}")}),
             QStringLiteral("active 1"));
    const QJsonObject state = status();
    QCOMPARE(state.value(QLatin1String("aliveWorkers")).toInt(), 2);
    QCOMPARE(state.value(QLatin1String("services")).toArray().size(), 2);
}

void tst_LocalSwarm::scaleAddsAWorker()
{
    QByteArray out;
    QVERIFY2(
        cli({QStringLiteral("scale"), m_file, QStringLiteral("--workers"), QStringLiteral("3")},
            &out),
        out.constData());
    QCOMPARE(status().value(QLatin1String("aliveWorkers")).toInt(), 3);
}

void tst_LocalSwarm::downLeavesTheEngineAsItWas()
{
    QByteArray out;
    QVERIFY2(cli({QStringLiteral("down"), m_file}, &out), out.constData());
    QCOMPARE(docker({QStringLiteral("info"), QStringLiteral("--format"),
                     QStringLiteral("{{.Swarm.LocalNodeState}}")}),
             QStringLiteral("inactive"));
    QCOMPARE(docker({QStringLiteral("ps"), QStringLiteral("-aq")}), QString());
    QCOMPARE(
        docker({QStringLiteral("network"), QStringLiteral("ls"), QStringLiteral("--format"),
                QStringLiteral("{{.Name}}")})
            .split(QLatin1Char('\n')),
        QStringList({QStringLiteral("bridge"), QStringLiteral("host"), QStringLiteral("none")}));
    QVERIFY(!QFileInfo::exists(m_lab.hostPath(m_host, QStringLiteral("/opt/sparkdeck"))));
}

QTEST_GUILESS_MAIN(tst_LocalSwarm)
#include "tst_localswarm.moc"
