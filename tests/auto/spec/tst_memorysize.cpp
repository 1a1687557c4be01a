// Memory sizes are written the way Spark reads them, and a bare number (bytes to Spark) is
// refused instead of silently starting a 1 KiB worker.
#include "spec/memorysize.h"

#include <QtTest>

using namespace SparkDeck;

class tst_MemorySize : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void acceptsSparkSpellings_data();
    void acceptsSparkSpellings();
    void refusesWhatSparkWouldMisread_data();
    void refusesWhatSparkWouldMisread();
    void writesTheShortestExactSpelling_data();
    void writesTheShortestExactSpelling();
};

void tst_MemorySize::acceptsSparkSpellings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("mebibytes");
    QTest::newRow("megabytes") << "512m" << qint64(512);
    QTest::newRow("gigabytes") << "2g" << qint64(2048);
    QTest::newRow("upper case") << "4G" << qint64(4096);
    QTest::newRow("with b") << "1gb" << qint64(1024);
    QTest::newRow("kilobytes") << "2048k" << qint64(2);
    QTest::newRow("terabytes") << "1t" << qint64(1024 * 1024);
    QTest::newRow("surrounding spaces") << " 3g " << qint64(3072);
}

void tst_MemorySize::acceptsSparkSpellings()
{
    QFETCH(QString, text);
    QFETCH(qint64, mebibytes);
    const Result<MemorySize> size = MemorySize::parse(text);
    QVERIFY2(size.ok(), size.ok() ? "" : qPrintable(size.errorMessage()));
    QCOMPARE(size->mebibytes(), mebibytes);
}

void tst_MemorySize::refusesWhatSparkWouldMisread_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("bare number is bytes to Spark")
        << "1024" << "memory '1024' has no unit; Spark would read it as bytes. Write it with a unit, such as 1024m";
    QTest::newRow("below one mebibyte")
        << "1000k" << "memory '1000k' is below 1 MiB; Spark refuses to start a worker that small";
    QTest::newRow("fraction") << "1.5g" << "memory '1.5g' is not a size; write a whole number and a unit, like 512m or 2g";
    QTest::newRow("unknown unit") << "2p" << "memory '2p' is not a size; write a whole number and a unit, like 512m or 2g";
    QTest::newRow("negative") << "-2g" << "memory '-2g' is not a size; write a whole number and a unit, like 512m or 2g";
    QTest::newRow("empty") << "" << "memory '' is not a size; write a whole number and a unit, like 512m or 2g";
    QTest::newRow("overflowing") << "9999999999999999999g" << "memory '9999999999999999999g' is far too large";
    QTest::newRow("just above a pebibyte") << "1025t" << "memory '1025t' is far too large";
}

void tst_MemorySize::refusesWhatSparkWouldMisread()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const Result<MemorySize> size = MemorySize::parse(text);
    QVERIFY(!size.ok());
    QCOMPARE(size.errorMessage(), message);
}

void tst_MemorySize::writesTheShortestExactSpelling_data()
{
    QTest::addColumn<qint64>("mebibytes");
    QTest::addColumn<QString>("spelling");
    QTest::newRow("whole gibibytes") << qint64(2048) << "2g";
    QTest::newRow("not a whole gibibyte") << qint64(1536) << "1536m";
    QTest::newRow("whole tebibyte") << qint64(1024 * 1024) << "1t";
    QTest::newRow("one mebibyte") << qint64(1) << "1m";
}

void tst_MemorySize::writesTheShortestExactSpelling()
{
    QFETCH(qint64, mebibytes);
    QFETCH(QString, spelling);
    const MemorySize size = MemorySize::fromMebibytes(mebibytes);
    QCOMPARE(size.toSparkString(), spelling);
    QCOMPARE(MemorySize::parse(spelling)->mebibytes(), mebibytes);
}

QTEST_GUILESS_MAIN(tst_MemorySize)
#include "tst_memorysize.moc"
