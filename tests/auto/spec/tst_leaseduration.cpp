// machines.expires_after: days, hours and minutes as people write them, one canonical spelling
// back, and a clear refusal of everything else.
#include "spec/leaseduration.h"

#include <QtTest>

using namespace SparkDeck;

class tst_LeaseDuration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsDaysHoursAndMinutes_data();
    void readsDaysHoursAndMinutes();
    void refusesWhatIsNotADuration_data();
    void refusesWhatIsNotADuration();
};

void tst_LeaseDuration::readsDaysHoursAndMinutes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("hours") << "3h" << qint64(3 * 3600) << "3h";
    QTest::newRow("minutes over an hour") << "90m" << qint64(5400) << "1h30m";
    QTest::newRow("day and hours") << "1d12h" << qint64(36 * 3600) << "1d12h";
    QTest::newRow("hours that make a day") << "24h" << qint64(86400) << "1d";
    QTest::newRow("the shortest") << "1m" << qint64(60) << "1m";
    QTest::newRow("the longest") << "365d" << qint64(365 * 86400) << "365d";
    QTest::newRow("spaces around") << " 2h " << qint64(7200) << "2h";
}

void tst_LeaseDuration::readsDaysHoursAndMinutes()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    QFETCH(QString, canonical);
    const Result<LeaseDuration> lease = LeaseDuration::parse(text);
    QVERIFY(lease.ok());
    QCOMPARE(lease->seconds(), seconds);
    QCOMPARE(lease->toString(), canonical);
}

void tst_LeaseDuration::refusesWhatIsNotADuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    const QString notADuration
        = QStringLiteral("is not a duration; write days, hours and minutes like 3h, 90m or 1d12h");
    QTest::newRow("empty") << "" << notADuration;
    QTest::newRow("a word") << "soon" << notADuration;
    QTest::newRow("seconds") << "30s" << notADuration;
    QTest::newRow("a bare number") << "3" << notADuration;
    QTest::newRow("units out of order") << "30m2h" << notADuration;
    QTest::newRow("negative") << "-3h" << notADuration;
    QTest::newRow("fraction") << "1.5h" << notADuration;
    QTest::newRow("shell") << "3h;reboot" << notADuration;
    QTest::newRow("zero") << "0m" << QStringLiteral("must be between 1m and 365d");
    QTest::newRow("over a year") << "366d" << QStringLiteral("must be between 1m and 365d");
    QTest::newRow("huge") << "999999d" << QStringLiteral("must be between 1m and 365d");
}

void tst_LeaseDuration::refusesWhatIsNotADuration()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const Result<LeaseDuration> lease = LeaseDuration::parse(text);
    QVERIFY(!lease.ok());
    QVERIFY2(lease.errorMessage().contains(message), qPrintable(lease.errorMessage()));
}

QTEST_GUILESS_MAIN(tst_LeaseDuration)
#include "tst_leaseduration.moc"
