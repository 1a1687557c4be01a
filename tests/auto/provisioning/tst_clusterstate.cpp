// Whether Spark counts as up, and whether the last run took the cluster down, read from the run
// journal's last run as ClusterOperations reports them (the app's Bring Up / Resume / banners
// follow these). A cluster on this computer, so nothing needs a host.
#include "provisioning/clusteroperations.h"
#include "provisioning/runjournal.h"
#include "ssh/sshsessionpool.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;

class tst_ClusterState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lastRunDecides_data();
    void lastRunDecides();
};

void tst_ClusterState::lastRunDecides_data()
{
    QTest::addColumn<QString>("operation"); // empty: no run yet
    QTest::addColumn<QString>("ended");     // "succeeded", "failed", or empty: interrupted
    QTest::addColumn<bool>("sparkIsUp");
    QTest::addColumn<bool>("tearsDown");

    QTest::newRow("nothing ran") << QString() << QString() << false << false;
    QTest::newRow("up") << "up" << "succeeded" << true << false;
    QTest::newRow("up failed half-way") << "up" << "failed" << true << false;
    QTest::newRow("scale interrupted") << "scale" << QString() << true << false;
    QTest::newRow("machines made, Spark not started") << "machines" << "succeeded" << false << false;
    QTest::newRow("down") << "down" << "succeeded" << false << true;
    QTest::newRow("down failed") << "down" << "failed" << true << true;
    QTest::newRow("machines deleted") << "destroy" << "succeeded" << false << true;
    QTest::newRow("deleting interrupted") << "destroy" << QString() << true << true;
}

void tst_ClusterState::lastRunDecides()
{
    QFETCH(QString, operation);
    QFETCH(QString, ended);
    QFETCH(bool, sparkIsUp);
    QFETCH(bool, tearsDown);

    QTemporaryDir state;
    if (!operation.isEmpty()) {
        RunJournal journal(state.path());
        QVERIFY(journal.beginRun(operation).ok());
        if (!ended.isEmpty())
            QVERIFY(journal.endRun(ended == QLatin1String("succeeded") ? TaskOutcome::success()
                                                                      : TaskOutcome::failure(QStringLiteral("broke")))
                        .ok());
    }
    ClusterSpec spec;
    spec.name = QStringLiteral("state-test");
    SshSessionPool pool;
    ClusterOperations operations(spec, state.path(), &pool);
    QVERIFY(operations.open().ok());
    QCOMPARE(operations.sparkIsUp(), sparkIsUp);
    QCOMPARE(operations.lastRunTearsDown(), tearsDown);
}

QTEST_GUILESS_MAIN(tst_ClusterState)
#include "tst_clusterstate.moc"
