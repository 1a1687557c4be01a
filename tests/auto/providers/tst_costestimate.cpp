// The cost guard's arithmetic: machines x hourly price x hours since the lease began, and the
// time left before the cluster expires, computed at a given moment.
#include "providers/costestimate.h"
#include "providers/publicaddresslookup.h"
#include "providers/resourcejournal.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;

namespace {
const QDateTime kStart(QDate(2026, 11, 21), QTime(1, 0), Qt::UTC);

void addMachines(ResourceJournal &journal, int count, std::optional<double> price)
{
    for (int i = 0; i < count; ++i) {
        CloudResource machine;
        machine.provider = QStringLiteral("digitalocean");
        machine.kind = QStringLiteral("machine");
        machine.name = QStringLiteral("demo-%1").arg(i + 1);
        const QString key = *journal.recordIntent(machine);
        QVERIFY(journal.recordCreated(key, QString::number(1000 + i), price).ok());
    }
}
} // namespace

class tst_CostEstimate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void costIsPriceTimesMachinesTimesHours();
    void timeLeftUntilTheLeaseExpires();
    void anExpiredLeaseSaysSo();
    void withoutPricesItSaysTheProviderGivesNone();
    void deletedMachinesCostNothing();
    void theUsersAddressBecomesASingleHostRange_data();
    void theUsersAddressBecomesASingleHostRange();
};

void tst_CostEstimate::costIsPriceTimesMachinesTimesHours()
{
    QTemporaryDir dir;
    ResourceJournal journal(dir.path());
    addMachines(journal, 3, 0.03571);
    QVERIFY(journal.setLease(kStart, std::nullopt).ok());
    const CostEstimate cost = CostEstimate::of(journal, kStart.addSecs(2 * 3600));
    QCOMPARE(cost.machines, 3);
    QCOMPARE(cost.hourlyTotal, 3 * 0.03571);
    QCOMPARE(cost.runningSeconds, 7200);
    QCOMPARE(cost.costSoFar, 3 * 0.03571 * 2);
    QCOMPARE(cost.describe(), QStringLiteral("3 machine(s), $0.11 per hour, about $0.21 so far (2h "
                                             "0m); no expiry (set machines.expires_after)"));
    QCOMPARE(cost.toJson().value("hourlyCost").toDouble(), 3 * 0.03571);
    QVERIFY(!cost.toJson().contains("expires"));
}

void tst_CostEstimate::timeLeftUntilTheLeaseExpires()
{
    QTemporaryDir dir;
    ResourceJournal journal(dir.path());
    addMachines(journal, 2, 0.5);
    QVERIFY(journal.setLease(kStart, kStart.addSecs(3 * 3600)).ok());
    const CostEstimate cost = CostEstimate::of(journal, kStart.addSecs(4500));
    QCOMPARE(cost.secondsLeft, 3 * 3600 - 4500);
    QVERIFY(!cost.isExpired());
    QCOMPARE(cost.describe(), QStringLiteral("2 machine(s), $1.00 per hour, about $1.25 so far (1h "
                                             "15m); expires in 1h 45m (at 2026-11-21T04:00:00Z)"));
    QCOMPARE(cost.toJson().value("secondsLeft").toInt(), 6300);
}

void tst_CostEstimate::anExpiredLeaseSaysSo()
{
    QTemporaryDir dir;
    ResourceJournal journal(dir.path());
    addMachines(journal, 1, 0.01);
    QVERIFY(journal.setLease(kStart, kStart.addSecs(600)).ok());
    const CostEstimate cost = CostEstimate::of(journal, kStart.addSecs(601));
    QVERIFY(cost.isExpired());
    QCOMPARE(cost.secondsLeft, 0);
    QVERIFY(cost.describe().contains(QLatin1String("EXPIRED at 2026-11-21T01:10:00Z")));
    QCOMPARE(cost.toJson().value("expired").toBool(), true);
}

void tst_CostEstimate::withoutPricesItSaysTheProviderGivesNone()
{
    QTemporaryDir dir;
    ResourceJournal journal(dir.path());
    addMachines(journal, 2, std::nullopt);
    QVERIFY(journal.setLease(kStart, std::nullopt).ok());
    const CostEstimate cost = CostEstimate::of(journal, kStart.addSecs(59));
    QVERIFY(cost.describe().startsWith(
        QLatin1String("2 machine(s), running 59s; the provider gives no price")));
    QVERIFY(!cost.toJson().contains("hourlyCost"));
}

void tst_CostEstimate::deletedMachinesCostNothing()
{
    QTemporaryDir dir;
    ResourceJournal journal(dir.path());
    addMachines(journal, 2, 1.0);
    QVERIFY(journal.recordDeleted(journal.liveMachines().first().key).ok());
    QVERIFY(journal.setLease(kStart, std::nullopt).ok());
    QCOMPARE(CostEstimate::of(journal, kStart.addSecs(3600)).costSoFar, 1.0);
}

void tst_CostEstimate::theUsersAddressBecomesASingleHostRange_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("cidr");
    QTest::newRow("IPv4 with a newline") << QByteArray("198.51.100.7\n") << "198.51.100.7/32";
    QTest::newRow("IPv6") << QByteArray("2001:db8::7") << "2001:db8::7/128";
    QTest::newRow("HTML") << QByteArray("<html>blocked</html>") << "";
    QTest::newRow("a range") << QByteArray("0.0.0.0/0") << "";
    QTest::newRow("empty") << QByteArray() << "";
}

void tst_CostEstimate::theUsersAddressBecomesASingleHostRange()
{
    QFETCH(QByteArray, answer);
    QFETCH(QString, cidr);
    const Result<QString> found = PublicAddressLookup::cidrFrom(answer);
    QCOMPARE(found.ok(), !cidr.isEmpty());
    if (found)
        QCOMPARE(*found, cidr);
    else
        QVERIFY(found.errorMessage().contains(QLatin1String("not an IP address")));
}

QTEST_GUILESS_MAIN(tst_CostEstimate)
#include "tst_costestimate.moc"
