// The resource journal is the cluster's memory of what a provider created: an intent is on
// disk before any create call goes out, answers update it, and a later process reads it all.
#include "providers/resourcejournal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;

namespace {
CloudResource droplet(const QString &name)
{
    CloudResource resource;
    resource.provider = QStringLiteral("digitalocean");
    resource.kind = QStringLiteral("machine");
    resource.name = name;
    resource.region = QStringLiteral("fra1");
    resource.hourlyPrice = 0.03571;
    return resource;
}
} // namespace

class tst_ResourceJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anIntentIsOnDiskWhenRecordIntentReturns();
    void aBatchOfIntentsGetsOneKeyEach();
    void answersMoveEntriesOutOfOutstanding();
    void liveMachinesKeepTheirAddressesAndOrder();
    void anUnwritableJournalRefusesTheIntent();
    void aDamagedJournalSaysNotToDeleteIt();
    void theLeaseSurvivesARestartAndCanBeCleared();
    void forgettingSettledEntriesKeepsWhatMayStillExist();
};

void tst_ResourceJournal::anIntentIsOnDiskWhenRecordIntentReturns()
{
    QTemporaryDir dir;
    ResourceJournal journal(dir.path());
    CloudResource resource = droplet(QStringLiteral("demo-1"));
    resource.idempotencyKey = QStringLiteral("token-1");
    const Result<QString> key = journal.recordIntent(resource);
    QVERIFY(key.ok());

    ResourceJournal other(dir.path()); // another process, after a crash
    QVERIFY(other.load().ok());
    QCOMPARE(other.outstanding().size(), 1);
    const CloudResource read = other.outstanding().first();
    QCOMPARE(read.key, *key);
    QCOMPARE(read.state, CloudResource::State::Intended);
    QCOMPARE(read.name, QStringLiteral("demo-1"));
    QCOMPARE(read.idempotencyKey, QStringLiteral("token-1"));
    QCOMPARE(read.hourlyPrice, std::optional<double>(0.03571));
    QVERIFY(read.recorded.isValid());
}

void tst_ResourceJournal::aBatchOfIntentsGetsOneKeyEach()
{
    QTemporaryDir dir;
    ResourceJournal journal(dir.path());
    const Result<QStringList> keys
        = journal.recordIntents({droplet("demo-1"), droplet("demo-2"), droplet("demo-3")});
    QVERIFY(keys.ok());
    QCOMPARE(keys->size(), 3);
    QCOMPARE(QSet<QString>(keys->begin(), keys->end()).size(), 3);
    QCOMPARE(journal.outstanding().size(), 3);
}

void tst_ResourceJournal::answersMoveEntriesOutOfOutstanding()
{
    QTemporaryDir dir;
    ResourceJournal journal(dir.path());
    const QStringList keys
        = *journal.recordIntents({droplet("demo-1"), droplet("demo-2"), droplet("demo-3")});
    QVERIFY(journal.recordCreated(keys[0], QStringLiteral("1001")).ok());
    QVERIFY(journal.recordNotCreated(keys[1]).ok());
    QCOMPARE(journal.outstanding().size(), 2); // demo-1 created, demo-3 still an intent
    QVERIFY(journal.recordDeleted(keys[0]).ok());

    ResourceJournal reread(dir.path());
    QVERIFY(reread.load().ok());
    QCOMPARE(reread.outstanding().size(), 1);
    QCOMPARE(reread.outstanding().first().name, QStringLiteral("demo-3"));
    QCOMPARE(reread.resource(keys[0])->id, QStringLiteral("1001"));
    QCOMPARE(reread.resource(keys[0])->state, CloudResource::State::Deleted);
    QVERIFY(!journal.recordCreated(QStringLiteral("no-such-key"), QStringLiteral("1")).ok());
}

void tst_ResourceJournal::liveMachinesKeepTheirAddressesAndOrder()
{
    QTemporaryDir dir;
    ResourceJournal journal(dir.path());
    CloudResource key;
    key.provider = QStringLiteral("digitalocean");
    key.kind = QStringLiteral("ssh_key");
    const QStringList keys = *journal.recordIntents({key, droplet("demo-1"), droplet("demo-2")});
    for (const QString &k : keys)
        QVERIFY(journal.recordCreated(k, k.left(8)).ok());
    QVERIFY(
        journal
            .recordAddresses(keys[2], QStringLiteral("203.0.113.2"), QStringLiteral("10.110.0.2"))
            .ok());

    ResourceJournal reread(dir.path());
    QVERIFY(reread.load().ok());
    const QList<CloudResource> machines = reread.liveMachines();
    QCOMPARE(machines.size(), 2);
    QCOMPARE(machines[0].name, QStringLiteral("demo-1"));
    QCOMPARE(machines[1].publicAddress, QStringLiteral("203.0.113.2"));
    QCOMPARE(machines[1].privateAddress, QStringLiteral("10.110.0.2"));
}

void tst_ResourceJournal::anUnwritableJournalRefusesTheIntent()
{
    QTemporaryDir dir;
    const QString notADirectory = dir.filePath(QStringLiteral("file"));
    QFile file(notADirectory);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    ResourceJournal journal(notADirectory + QStringLiteral("/state"));
    const Result<QString> key = journal.recordIntent(droplet("demo-1"));
    QVERIFY(!key.ok());
    QVERIFY2(key.errorMessage().contains(QLatin1String("--state")), qPrintable(key.errorMessage()));
    QVERIFY(journal.resources().isEmpty()); // what is not on disk is not pretended
}

void tst_ResourceJournal::aDamagedJournalSaysNotToDeleteIt()
{
    QTemporaryDir dir;
    ResourceJournal journal(dir.path());
    QFile file(journal.filePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"resources\": [");
    file.close();
    const Status loaded = journal.load();
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.errorMessage().contains(QLatin1String("Do not delete it")),
             qPrintable(loaded.errorMessage()));
    QVERIFY(loaded.errorMessage().contains(QLatin1String("sparkdeck-cluster")));
}

void tst_ResourceJournal::theLeaseSurvivesARestartAndCanBeCleared()
{
    QTemporaryDir dir;
    const QDateTime started = QDateTime(QDate(2026, 11, 21), QTime(1, 0), Qt::UTC);
    {
        ResourceJournal journal(dir.path());
        QVERIFY(journal.setLease(started, started.addSecs(3 * 3600)).ok());
    }
    ResourceJournal reread(dir.path());
    QVERIFY(reread.load().ok());
    QCOMPARE(reread.leaseStarted(), std::optional<QDateTime>(started));
    QCOMPARE(reread.leaseExpires(), std::optional<QDateTime>(started.addSecs(3 * 3600)));
    QVERIFY(reread.clearLease().ok());
    QVERIFY(reread.load().ok());
    QVERIFY(!reread.leaseStarted());
}

void tst_ResourceJournal::forgettingSettledEntriesKeepsWhatMayStillExist()
{
    QTemporaryDir dir;
    ResourceJournal journal(dir.path());
    const QStringList keys = *journal.recordIntents(
        {droplet("demo-1"), droplet("demo-2"), droplet("demo-3"), droplet("demo-4")});
    QVERIFY(journal.recordCreated(keys[0], QStringLiteral("1")).ok());
    QVERIFY(journal.recordDeleted(keys[0]).ok());
    QVERIFY(journal.recordNotCreated(keys[1]).ok());
    QVERIFY(journal.recordCreated(keys[2], QStringLiteral("3")).ok());
    QVERIFY(journal.forgetSettled().ok());
    ResourceJournal reread(dir.path());
    QVERIFY(reread.load().ok());
    QCOMPARE(reread.resources().size(), 2); // demo-3 created, demo-4 still an intent
    QCOMPARE(reread.resources().at(0).name, QStringLiteral("demo-3"));
    QCOMPARE(reread.resources().at(1).state, CloudResource::State::Intended);
}

QTEST_GUILESS_MAIN(tst_ResourceJournal)
#include "tst_resourcejournal.moc"
