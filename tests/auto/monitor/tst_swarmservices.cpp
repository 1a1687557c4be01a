// SwarmServices: `docker service ls --format '{{json .}}'` as `status` reads it from the master.
#include "monitor/swarmservices.h"

#include <QtTest>

using namespace SparkDeck;

class tst_SwarmServices : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsOneServicePerLine();
    void replicasGiveRunningAndDesired_data();
    void replicasGiveRunningAndDesired();
    void skipsWhatIsNotAService();
};

void tst_SwarmServices::readsOneServicePerLine()
{
    const QList<SwarmService> services = SwarmServices::parse(
        R"({"ID":"nytc1niv92ed","Image":"sparkdeck-test/spark:3.5.8","Mode":"replicated","Name":"demo_master","Ports":"","Replicas":"1/1"})"
        "\n"
        R"({"ID":"7j5ie37fcas4","Image":"apache/spark:3.5.8","Mode":"replicated","Name":"demo_worker","Ports":"*:8081->8081/tcp","Replicas":"2/4"})"
        "\n");
    QCOMPARE(services.size(), 2);
    QCOMPARE(services.at(0).id, QStringLiteral("nytc1niv92ed"));
    QCOMPARE(services.at(0).name, QStringLiteral("demo_master"));
    QCOMPARE(services.at(0).image, QStringLiteral("sparkdeck-test/spark:3.5.8"));
    QCOMPARE(services.at(1).mode, QStringLiteral("replicated"));
    QCOMPARE(services.at(1).replicas, QStringLiteral("2/4"));
    QCOMPARE(services.at(1).ports, QStringLiteral("*:8081->8081/tcp"));
}

void tst_SwarmServices::replicasGiveRunningAndDesired_data()
{
    QTest::addColumn<QString>("replicas");
    QTest::addColumn<int>("running");
    QTest::addColumn<int>("desired");
    QTest::newRow("all running") << QStringLiteral("4/4") << 4 << 4;
    QTest::newRow("starting") << QStringLiteral("1/3") << 1 << 3;
    QTest::newRow("with a note") << QStringLiteral("2/2 (max 1 per node)") << 2 << 2;
    QTest::newRow("scaled to zero") << QStringLiteral("0/0") << 0 << 0;
}

void tst_SwarmServices::replicasGiveRunningAndDesired()
{
    QFETCH(QString, replicas);
    QFETCH(int, running);
    QFETCH(int, desired);
    SwarmService service;
    service.replicas = replicas;
    QCOMPARE(service.running(), running);
    QCOMPARE(service.desired(), desired);
}

void tst_SwarmServices::skipsWhatIsNotAService()
{
    QCOMPARE(SwarmServices::parse("").size(), 0);
    QCOMPARE(SwarmServices::parse("Error response from daemon: This node is not a swarm manager.\n")
                 .size(),
             0);
    QCOMPARE(SwarmServices::parse("{\"ID\":\"x\"}\n[1,2]\n{\"Name\":\"demo_worker\"}\n").size(), 1);
}

QTEST_GUILESS_MAIN(tst_SwarmServices)
#include "tst_swarmservices.moc"
