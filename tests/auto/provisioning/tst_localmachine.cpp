// This computer as a machine: commands run through /bin/sh without blocking, with output
// lines, standard input, exit codes, timeouts and cancel; uploads are atomic.
#include "provisioning/localmachine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;

class tst_LocalMachine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsAScriptAndStreamsLines();
    void feedsStandardInput();
    void reportsTheExitCode();
    void timesOutWithAClearError();
    void cancelEndsAtOnce();
    void uploadPlacesTheFileWhole();

private:
    static ExecResult runToEnd(MachineJob *job, QStringList *lines = nullptr)
    {
        QSignalSpy finished(job, &MachineJob::finished);
        if (lines)
            QObject::connect(job, &MachineJob::outputLine, job, [lines](const QString &line) { *lines << line; });
        job->start();
        if (!finished.wait(20000))
            return {};
        return job->result();
    }
    LocalMachine m_machine;
};

void tst_LocalMachine::runsAScriptAndStreamsLines()
{
    QStringList lines;
    std::unique_ptr<MachineJob> job(m_machine.run({QStringLiteral("echo one; echo two >&2; printf three"), {}, false, 0}, nullptr));
    const ExecResult result = runToEnd(job.get(), &lines);
    QVERIFY(result.succeeded());
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.contains(QStringLiteral("one")));
    QVERIFY(lines.contains(QStringLiteral("two")));
    QVERIFY(lines.contains(QStringLiteral("three"))); // the last line has no newline
    QCOMPARE(result.standardOutput, QByteArray("one\nthree"));
}

void tst_LocalMachine::feedsStandardInput()
{
    std::unique_ptr<MachineJob> job(m_machine.run({QStringLiteral("wc -c"), QByteArray(100000, 'x'), false, 0}, nullptr));
    QCOMPARE(runToEnd(job.get()).standardOutput.trimmed(), QByteArray("100000"));
}

void tst_LocalMachine::reportsTheExitCode()
{
    std::unique_ptr<MachineJob> job(m_machine.run({QStringLiteral("exit 3"), {}, false, 0}, nullptr));
    const ExecResult result = runToEnd(job.get());
    QVERIFY(result.finished());
    QCOMPARE(result.exitCode, 3);
    QCOMPARE(result.summary(), QStringLiteral("exit 3"));
}

void tst_LocalMachine::timesOutWithAClearError()
{
    std::unique_ptr<MachineJob> job(m_machine.run({QStringLiteral("sleep 30"), {}, false, 200}, nullptr));
    const ExecResult result = runToEnd(job.get());
    QVERIFY(!result.finished());
    QCOMPARE(result.error, QStringLiteral("the command did not finish within 0.2 s on this computer"));
}

void tst_LocalMachine::cancelEndsAtOnce()
{
    std::unique_ptr<MachineJob> job(m_machine.run({QStringLiteral("sleep 30"), {}, false, 0}, nullptr));
    QSignalSpy finished(job.get(), &MachineJob::finished);
    job->start();
    job->cancel();
    QCOMPARE(finished.size(), 1); // synchronously: nothing waits for the sleeping process
    QCOMPARE(job->result().error, QStringLiteral("cancelled"));
}

void tst_LocalMachine::uploadPlacesTheFileWhole()
{
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("source.bin"));
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(1 << 20, 'a'));
    file.close();
    const QString target = dir.filePath(QStringLiteral("deep/er/it's here.bin"));
    std::unique_ptr<MachineJob> job(m_machine.upload(source, target, 0600, nullptr));
    QVERIFY(runToEnd(job.get()).succeeded());
    QCOMPARE(QFileInfo(target).size(), qint64(1 << 20));
    QCOMPARE(QFileInfo(target).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("deep/er/.it's here.bin.sparkdeck-part"))));
}

QTEST_GUILESS_MAIN(tst_LocalMachine)
#include "tst_localmachine.moc"
