// Who copies Spark from whom: the master and every worker host send at most CopyTree::kFanOut
// copies, every host is reached, and a host whose source is done copying takes the master's.
#include "faketask.h"
#include "provisioning/copytree.h"
#include "provisioning/localmachine.h"

#include <QtTest>

#include <memory>
#include <vector>

using namespace SparkDeck;
using SparkDeck::Test::FakeTask;

class tst_CopyTree : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theMasterAndEveryHostSendAtMostTheFanOut();
    void everyHostIsReachedFromTheMasterInFewLevels();
    void aHostWhoseSourceIsDoneCopiesFromTheMaster();
    void aSourceCountsOnlyTheReceiversStillToCopy();
    void aRouteNamesTheLiveSourceThenTheMaster();

private:
    void build(int hosts)
    {
        m_hosts.clear();
        m_steps.clear();
        m_sourcesWhenAdded.clear();
        m_tree = CopyTree();
        for (int i = 0; i < hosts; ++i) {
            m_hosts.push_back(std::make_unique<LocalMachine>(QStringLiteral("10.0.0.%1").arg(i + 2)));
            m_steps.push_back(std::make_unique<FakeTask>(QStringLiteral("copy %1").arg(i), m_log));
            m_sourcesWhenAdded << m_tree.add(m_hosts.back().get());
            m_tree.setCopyStep(m_hosts.back().get(), m_steps.back().get());
        }
    }
    Machine *host(int i) const { return m_hosts.at(size_t(i)).get(); }

    std::vector<std::unique_ptr<LocalMachine>> m_hosts;
    std::vector<std::unique_ptr<FakeTask>> m_steps;
    CopyTree m_tree;
    QList<Machine *> m_sourcesWhenAdded; // what the step's title names
    QStringList m_log;
};

void tst_CopyTree::theMasterAndEveryHostSendAtMostTheFanOut()
{
    build(31);
    QHash<Machine *, int> sent;
    for (int i = 0; i < 31; ++i) {
        ++sent[m_tree.sourceOf(host(i))];
        QCOMPARE(m_sourcesWhenAdded.at(i), m_tree.sourceOf(host(i)));
    }
    QCOMPARE(sent.value(nullptr), CopyTree::kFanOut); // the master
    for (int i = 0; i < 31; ++i) {
        QVERIFY(sent.value(host(i)) <= CopyTree::kFanOut);
        QCOMPARE(m_tree.receiversOf(host(i)).size(), sent.value(host(i)));
        for (Machine *receiver : m_tree.receiversOf(host(i)))
            QCOMPARE(m_tree.sourceOf(receiver), host(i));
    }
}

void tst_CopyTree::everyHostIsReachedFromTheMasterInFewLevels()
{
    build(31);
    for (int i = 0; i < 31; ++i) {
        int levels = 1;
        for (Machine *source = m_tree.sourceOf(host(i)); source; source = m_tree.sourceOf(source))
            ++levels;
        QVERIFY2(levels <= 5, qPrintable(QStringLiteral("host %1 is %2 levels down").arg(i).arg(levels))); // log2(32)
    }
    build(2);
    QCOMPARE(m_tree.sourceOf(host(0)), nullptr);
    QCOMPARE(m_tree.sourceOf(host(1)), nullptr);
    QVERIFY(m_tree.receiversOf(host(0)).isEmpty());
}

void tst_CopyTree::aHostWhoseSourceIsDoneCopiesFromTheMaster()
{
    build(3);
    QCOMPARE(m_tree.sourceOf(host(2)), host(0));
    QCOMPARE(m_tree.liveSourceOf(host(2)), host(0)); // still to copy: it will pass Spark on
    m_steps.at(0)->start();
    QCOMPARE(m_tree.liveSourceOf(host(2)), host(0)); // copying
    m_steps.at(0)->succeed();
    QCOMPARE(m_tree.liveSourceOf(host(2)), nullptr);
    QCOMPARE(m_tree.liveSourceOf(host(0)), nullptr);
}

void tst_CopyTree::aSourceCountsOnlyTheReceiversStillToCopy()
{
    build(6);
    QCOMPARE(m_tree.receiversOf(host(0)), QList<Machine *>({host(2), host(3)}));
    QCOMPARE(m_tree.receiversStillToCopy(host(0)), 2);
    m_steps.at(3)->finishOnStart(TaskOutcome::success()); // its Spark was already there
    m_steps.at(3)->start();
    QCOMPARE(m_tree.receiversStillToCopy(host(0)), 1);
    QCOMPARE(m_tree.receiversStillToCopy(host(5)), 0);
}

void tst_CopyTree::aRouteNamesTheLiveSourceThenTheMaster()
{
    build(3);
    const CopyRoute relaying = m_tree.routeOf(host(0), QStringLiteral("10.0.0.1"), 7000, QStringLiteral("/spark.tgz"));
    QCOMPARE(relaying.urls, QStringList{QStringLiteral("http://10.0.0.1:7000/spark.tgz")});
    QCOMPARE(relaying.relayAddress, QStringLiteral("10.0.0.2"));
    QCOMPARE(relaying.relayPort, 7000);
    QCOMPARE(relaying.relayHosts, 1);
    const CopyRoute receiving = m_tree.routeOf(host(2), QStringLiteral("10.0.0.1"), 7000, QStringLiteral("/spark.tgz"));
    QCOMPARE(receiving.urls, QStringList({QStringLiteral("http://10.0.0.2:7000/spark.tgz"),
                                          QStringLiteral("http://10.0.0.1:7000/spark.tgz")}));
    QCOMPARE(receiving.relayHosts, 0);
    m_steps.at(0)->finishOnStart(TaskOutcome::success());
    m_steps.at(0)->start();
    QCOMPARE(m_tree.routeOf(host(2), QStringLiteral("10.0.0.1"), 7000, QStringLiteral("/spark.tgz")).urls,
             QStringList{QStringLiteral("http://10.0.0.1:7000/spark.tgz")});
}

QTEST_GUILESS_MAIN(tst_CopyTree)
#include "tst_copytree.moc"
