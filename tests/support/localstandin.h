#pragma once

#include "standindistribution.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QThread>

#include <csignal>

namespace SparkDeck::Test {

/// A Spark stand-in master and workers on 127.0.0.1 with free ports, started with the
/// distribution's own sbin scripts in `directory` (tests/lab/spark-standin/README.md), with
/// `spark.ui.reverseProxy=true`. Stops what it started by PID (its own pid files) when destroyed.
class LocalStandin
{
public:
    explicit LocalStandin(const QString &directory) : m_dir(directory) {}
    ~LocalStandin() { stop(); }

    /// Builds and unpacks the distribution, starts the master and `workers` workers, waits until
    /// the master lists them ALIVE. False with `error` set when something failed.
    bool start(int workers, QString *error)
    {
        const QString tarball = buildStandinDistribution(m_dir + QStringLiteral("/dist"), error);
        if (tarball.isEmpty())
            return false;
        if (QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-xzf"), tarball, QStringLiteral("-C"), m_dir}) != 0) {
            *error = QStringLiteral("cannot unpack %1").arg(tarball);
            return false;
        }
        m_home = m_dir + QLatin1Char('/') + QFileInfo(tarball).completeBaseName(); // spark-3.5.8-bin-hadoop3
        QFile defaults(m_home + QStringLiteral("/conf/spark-defaults.conf"));
        if (!defaults.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write %1").arg(defaults.fileName());
            return false;
        }
        defaults.write("spark.ui.reverseProxy true\nspark.worker.timeout 5\n");
        defaults.close();

        m_masterPort = freePort();
        m_masterUiPort = freePort();
        if (!run(QStringLiteral("sbin/start-master.sh"), {},
                 {{QStringLiteral("SPARK_PID_DIR"), m_dir + QStringLiteral("/run/master")},
                  {QStringLiteral("SPARK_LOG_DIR"), m_dir + QStringLiteral("/logs/master")},
                  {QStringLiteral("SPARK_MASTER_HOST"), QStringLiteral("127.0.0.1")},
                  {QStringLiteral("SPARK_MASTER_PORT"), QString::number(m_masterPort)},
                  {QStringLiteral("SPARK_MASTER_WEBUI_PORT"), QString::number(m_masterUiPort)}},
                 error))
            return false;
        for (int i = 1; i <= workers; ++i) {
            const quint16 uiPort = freePort();
            m_workerUiPorts << uiPort;
            if (!run(QStringLiteral("sbin/start-worker.sh"), {masterUrl()},
                     {{QStringLiteral("SPARK_PID_DIR"), m_dir + QStringLiteral("/run/w%1").arg(i)},
                      {QStringLiteral("SPARK_LOG_DIR"), m_dir + QStringLiteral("/logs/w%1").arg(i)},
                      {QStringLiteral("SPARK_WORKER_WEBUI_PORT"), QString::number(uiPort)},
                      {QStringLiteral("SPARK_WORKER_CORES"), QStringLiteral("1")},
                      {QStringLiteral("SPARK_WORKER_MEMORY"), QStringLiteral("512m")}},
                     error))
                return false;
        }
        // The master lists every worker ALIVE.
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 30000) {
            const QJsonObject state = QJsonDocument::fromJson(get(masterUiUrl().resolved(QUrl(QStringLiteral("json/"))))).object();
            int alive = 0;
            m_workerIds.clear();
            for (const QJsonValue &w : state.value(QLatin1String("workers")).toArray()) {
                if (w.toObject().value(QLatin1String("state")).toString() == QLatin1String("ALIVE")) {
                    ++alive;
                    m_workerIds << w.toObject().value(QLatin1String("id")).toString();
                }
            }
            if (alive == workers)
                return true;
            QThread::msleep(200);
        }
        *error = QStringLiteral("the stand-in master did not list %1 ALIVE workers within 30 s").arg(workers);
        return false;
    }

    void stop()
    {
        QDir run(m_dir + QStringLiteral("/run"));
        for (const QString &sub : run.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            for (const QString &pidFile : QDir(run.filePath(sub)).entryList({QStringLiteral("*.pid")})) {
                QFile file(run.filePath(sub) + QLatin1Char('/') + pidFile);
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                const qint64 pid = file.readAll().trimmed().toLongLong();
                file.close();
                if (pid > 1)
                    ::kill(pid_t(pid), SIGKILL);
                file.remove();
            }
        }
    }

    QString masterUrl() const { return QStringLiteral("spark://127.0.0.1:%1").arg(m_masterPort); }
    QUrl masterUiUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_masterUiPort)); }
    quint16 masterUiPort() const { return m_masterUiPort; }
    QList<quint16> workerUiPorts() const { return m_workerUiPorts; }
    QStringList workerIds() const { return m_workerIds; }

    static quint16 freePort()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        return server.serverPort();
    }

    static QByteArray get(const QUrl &url)
    {
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(url);
        request.setTransferTimeout(5000);
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        const QByteArray body = reply->readAll();
        delete reply;
        return body;
    }

private:
    bool run(const QString &script, const QStringList &arguments,
             const QList<QPair<QString, QString>> &variables, QString *error)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : env.keys()) {
            if (key.startsWith(QLatin1String("SPARK_")) || key.startsWith(QLatin1String("_SPARK_")))
                env.remove(key);
        }
        env.insert(QStringLiteral("SPARK_LOCAL_IP"), QStringLiteral("127.0.0.1"));
        if (!env.contains(QStringLiteral("USER")))
            env.insert(QStringLiteral("USER"), QStringLiteral("root"));
        for (const auto &[key, value] : variables)
            env.insert(key, value);
        QProcess process;
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(m_home + QLatin1Char('/') + script, arguments);
        if (!process.waitForFinished(60000) || process.exitCode() != 0) {
            *error = QStringLiteral("%1 failed: %2").arg(script, QString::fromUtf8(process.readAll()));
            return false;
        }
        const QByteArray output = process.readAll();
        if (output.contains("failed to launch")) {
            *error = QStringLiteral("%1: %2").arg(script, QString::fromUtf8(output));
            return false;
        }
        return true;
    }

    QString m_dir;
    QString m_home;
    quint16 m_masterPort = 0;
    quint16 m_masterUiPort = 0;
    QList<quint16> m_workerUiPorts;
    QStringList m_workerIds;
};

} // namespace SparkDeck::Test
