// The run journal records every step as it ends, atomically, with secrets redacted, and tells
// a run that was cut off (crash, kill) from one that ended.
#include "provisioning/runjournal.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;

class tst_RunJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsStepsAndTheEndOfARun();
    void aRunThatNeverEndedIsInterrupted();
    void redactsTheSecretEverywhere();
    void refusesADamagedJournalWithAHint();
    void keepsTheNewestRuns();
};

void tst_RunJournal::recordsStepsAndTheEndOfARun()
{
    QTemporaryDir dir;
    {
        RunJournal journal(dir.path());
        QVERIFY(journal.beginRun(QStringLiteral("up")).ok());
        QVERIFY(journal.recordStep(QStringLiteral("10.77.0.11"), QStringLiteral("Install a Java runtime"),
                                   TaskOutcome::success(), true).ok());
        QVERIFY(journal.recordStep(QStringLiteral("10.77.0.12"), QStringLiteral("Start worker 1"),
                                   TaskOutcome::failure(QStringLiteral("10.77.0.12: exit 1")), false).ok());
        QVERIFY(journal.endRun(TaskOutcome::failure(QStringLiteral("1 of 2 failed"))).ok());
    }
    RunJournal reread(dir.path());
    QVERIFY(reread.load().ok());
    const QJsonObject run = reread.lastRun();
    QCOMPARE(run.value("operation").toString(), QStringLiteral("up"));
    QCOMPARE(run.value("outcome").toString(), QStringLiteral("failed"));
    const QJsonArray steps = run.value("steps").toArray();
    QCOMPARE(steps.size(), 2);
    QCOMPARE(steps.at(0).toObject().value("alreadyDone").toBool(), true);
    QCOMPARE(steps.at(1).toObject().value("message").toString(), QStringLiteral("10.77.0.12: exit 1"));
    QVERIFY(!reread.lastRunInterrupted());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList("journal.json")); // no temp file left
}

void tst_RunJournal::aRunThatNeverEndedIsInterrupted()
{
    QTemporaryDir dir;
    {
        RunJournal journal(dir.path());
        QVERIFY(journal.beginRun(QStringLiteral("up")).ok());
        QVERIFY(journal.recordStep(QStringLiteral("h1"), QStringLiteral("Unpack Spark"), TaskOutcome::success(), false).ok());
    } // the process "dies" here
    RunJournal reread(dir.path());
    QVERIFY(reread.load().ok());
    QVERIFY(reread.lastRunInterrupted());
}

void tst_RunJournal::redactsTheSecretEverywhere()
{
    QTemporaryDir dir;
    RunJournal journal(dir.path());
    journal.setSecret(Secret(QStringLiteral("s3cr3t-value")));
    QVERIFY(journal.beginRun(QStringLiteral("up")).ok());
    QVERIFY(journal.recordStep(QStringLiteral("h1"), QStringLiteral("write s3cr3t-value"),
                               TaskOutcome::failure(QStringLiteral("echo s3cr3t-value failed")), false).ok());
    QVERIFY(journal.endRun(TaskOutcome::failure(QStringLiteral("s3cr3t-value"))).ok());
    QFile file(journal.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(!written.contains("s3cr3t-value"));
    QVERIFY(written.contains("echo ******** failed"));
}

void tst_RunJournal::refusesADamagedJournalWithAHint()
{
    QTemporaryDir dir;
    QFile damaged(dir.filePath(QStringLiteral("journal.json")));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("{\"runs\": [ {\"operation\": \"up\"");
    damaged.close();
    RunJournal journal(dir.path());
    const Status loaded = journal.load();
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.errorMessage().contains(QStringLiteral("is damaged")));
    QVERIFY(loaded.errorMessage().contains(QStringLiteral("Move it aside")));
}

void tst_RunJournal::keepsTheNewestRuns()
{
    QTemporaryDir dir;
    RunJournal journal(dir.path());
    for (int i = 0; i < 25; ++i) {
        QVERIFY(journal.beginRun(QStringLiteral("run %1").arg(i)).ok());
        QVERIFY(journal.endRun(TaskOutcome::success()).ok());
    }
    QCOMPARE(journal.runs().size(), 20);
    QCOMPARE(journal.lastRun().value("operation").toString(), QStringLiteral("run 24"));
}

QTEST_GUILESS_MAIN(tst_RunJournal)
#include "tst_runjournal.moc"
