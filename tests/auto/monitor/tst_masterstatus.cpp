// The master's /json/ as Spark writes it (JsonProtocol.writeMasterState): states, MiB, epoch
// milliseconds; unknown fields ignored; anything else refused with a message that says why.
#include "monitor/masterstatus.h"

#include <QFile>
#include <QtTest>

using namespace SparkDeck;

class tst_MasterStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsWorkersStatesAndUnits();
    void readsApplications();
    void readsTheReferenceExampleWhenPresent();
    void refusesWhatIsNotAMasterAnswer_data();
    void refusesWhatIsNotAMasterAnswer();

private:
    static QByteArray fixture()
    {
        QFile file(QStringLiteral(SPARKDECK_TEST_DATA "/spark/master-three-workers.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

void tst_MasterStatus::readsWorkersStatesAndUnits()
{
    const Result<MasterStatus> status = MasterStatus::fromJson(fixture());
    QVERIFY(status.ok());
    QCOMPARE(status->url, QStringLiteral("spark://10.77.0.11:7077"));
    QCOMPARE(status->status, QStringLiteral("ALIVE"));
    QCOMPARE(status->aliveWorkers, 1);
    QCOMPARE(status->memoryMiB, 2048);
    QCOMPARE(status->workers.size(), 3);
    const WorkerStatus &first = status->workers.first();
    QCOMPARE(first.id, QStringLiteral("worker-20261120223000-10.77.0.12-40111"));
    QCOMPARE(first.host, QStringLiteral("10.77.0.12"));
    QCOMPARE(first.webUiAddress, QStringLiteral("http://10.77.0.12:8081"));
    QCOMPARE(first.cores, 2);
    QCOMPARE(first.memoryUsedMiB, 1024);
    QCOMPARE(first.lastHeartbeatMs, Q_INT64_C(1795213850123));
    QCOMPARE(toString(first.state), QStringLiteral("ALIVE"));
    QCOMPARE(status->workersIn(WorkerState::Decommissioned).first().host, QStringLiteral("10.77.0.13"));
    QCOMPARE(status->workersIn(WorkerState::Dead).first().host, QStringLiteral("10.77.0.14"));
}

void tst_MasterStatus::readsApplications()
{
    const Result<MasterStatus> status = MasterStatus::fromJson(fixture());
    QCOMPARE(status->activeApplications.size(), 1);
    QCOMPARE(status->activeApplications.first().name, QStringLiteral("WordCount on the shared folder"));
    QCOMPARE(status->activeApplications.first().durationMs, Q_INT64_C(61000));
    QCOMPARE(status->completedApplications, 1);
}

void tst_MasterStatus::readsTheReferenceExampleWhenPresent()
{
    QFile reference(QStringLiteral(SPARKDECK_SOURCE_DIR "/../shared/reference/spark/master-state.example.json"));
    if (!reference.open(QIODevice::ReadOnly))
        QSKIP("../shared/reference is not beside the checkout");
    const Result<MasterStatus> status = MasterStatus::fromJson(reference.readAll());
    QVERIFY(status.ok());
    QCOMPARE(status->aliveWorkers, int(status->workersIn(WorkerState::Alive).size()));
}

void tst_MasterStatus::refusesWhatIsNotAMasterAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("html page") << QByteArray("<html><title>Spark Master</title></html>")
                               << "the master's /json/ answer is not a JSON object (illegal value); is this a Spark standalone master?";
    QTest::newRow("json without workers") << QByteArray("{\"hello\": 1}")
                                          << "the master's /json/ answer has no 'workers' or 'status'; is this a Spark standalone master?";
    QTest::newRow("array") << QByteArray("[1, 2]")
                           << "the master's /json/ answer is not a JSON object; is this a Spark standalone master?";
}

void tst_MasterStatus::refusesWhatIsNotAMasterAnswer()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const Result<MasterStatus> status = MasterStatus::fromJson(body);
    QVERIFY(!status.ok());
    QCOMPARE(status.errorMessage(), message);
}

QTEST_GUILESS_MAIN(tst_MasterStatus)
#include "tst_masterstatus.moc"
