// SftpFanOut against real sshd in the lab hosts: a folder tree (odd names, modes, empty
// folders, links) to 8 hosts over their shared sessions, where single files go, a host that
// cannot take the files and one that cannot be reached (the others unaffected), cancel; and the
// engine's many-channels rule: SFTP uploads and commands at once on one connection.
// Needs the CTest fixture `lab`; skips with the lab's reason otherwise. Never asserts on time.
#include "labhosts.h"

#include "ssh/remoteprocess.h"
#include "ssh/sftpfanout.h"
#include "ssh/sftptransfer.h"
#include "ssh/sshsession.h"
#include "ssh/sshsessionpool.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace SparkDeck;
using SparkDeck::Test::LabHost;
using SparkDeck::Test::LabHosts;

namespace {

constexpr int kWaitMs = 120000;

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray randomBytes(qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

int modeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

// Relative paths of every file and folder below `root` (links not followed), sorted.
QStringList listTree(const QString &root)
{
    QStringList entries;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        entries << QDir(root).relativeFilePath(it.filePath()) + (it.fileInfo().isDir() ? QStringLiteral("/") : QString());
    }
    entries.sort();
    return entries;
}

} // namespace

class tst_SftpFanOut : public QObject
{
    Q_OBJECT

private:
    LabHosts m_lab;
    QTemporaryDir m_dir;
    QString m_tree;
    int m_counter = 0;
    QString m_runTag = QString::number(QRandomGenerator::global()->generate(), 36);

    SshTarget target(const LabHost &labHost) const
    {
        SshTarget target;
        target.host = labHost.address;
        target.port = labHost.port;
        target.identityFile = m_lab.identityFile();
        target.useAgent = false;
        target.knownHostsFile = m_lab.knownHostsFile();
        target.hostKeyPolicy = HostKeyPolicy::Strict;
        return target;
    }

    // A new folder on the hosts for every test (and every run: part files of an earlier run
    // must not meet this one's bytes unless a test wants them to).
    QString freshRemote()
    {
        return QStringLiteral("/srv/sd-fanout-%1-%2").arg(m_runTag).arg(++m_counter);
    }

    static bool run(SftpFanOut &copy)
    {
        QSignalSpy finished(&copy, &SftpFanOut::finished);
        copy.start();
        if (finished.isEmpty() && !finished.wait(kWaitMs) && finished.isEmpty())
            return false;
        QTest::qWait(50);
        return finished.size() == 1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<SftpFanOut::HostResult>();
        QVERIFY(m_dir.isValid());
        m_lab = LabHosts::fromEnvironment();
        m_tree = m_dir.filePath(QStringLiteral("tree"));
        QVERIFY(writeFile(m_tree + QStringLiteral("/conf/spark-env.sh"), "SPARK_LOCAL_IP=x\n"));
        QVERIFY(writeFile(m_tree + QStringLiteral("/bin/run.sh"), "#!/bin/sh\necho ok\n"));
        QFile::setPermissions(m_tree + QStringLiteral("/bin/run.sh"),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                  | QFileDevice::ReadGroup | QFileDevice::ExeGroup
                                  | QFileDevice::ReadOther | QFileDevice::ExeOther);
        QVERIFY(writeFile(m_tree + QStringLiteral("/data/big.bin"), randomBytes(5 * 1024 * 1024 + 7)));
        QVERIFY(writeFile(m_tree + QStringLiteral("/data/empty.txt"), QByteArray()));
        QVERIFY(writeFile(m_tree + QStringLiteral("/data/.hidden"), "h\n"));
        QVERIFY(writeFile(m_tree + QStringLiteral("/it's $(id) `x` ü/\n new line.txt"), "odd\n"));
        for (int i = 0; i < 12; ++i)
            QVERIFY(writeFile(m_tree + QStringLiteral("/many/f%1.txt").arg(i), QByteArray::number(i)));
        QVERIFY(QDir().mkpath(m_tree + QStringLiteral("/empty/folder")));
        QVERIFY(QFile::link(QStringLiteral("../conf/spark-env.sh"), m_tree + QStringLiteral("/data/link-to-file")));
        QVERIFY(QFile::link(QStringLiteral("../conf"), m_tree + QStringLiteral("/data/link-to-folder")));
    }

    void folderTreeToManyHosts()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshSessionPool pool;
        QList<SshTarget> targets;
        for (int i = 0; i < 8; ++i)
            targets << target(m_lab.hosts().at(i));
        const QString remote = freshRemote() + QStringLiteral("/tree/");
        SftpFanOut copy(&pool);
        copy.setTargets(targets);
        copy.setSource(m_tree);
        copy.setDestination(remote);
        copy.setParallelism(8);
        QList<qint64> lastProgress(targets.size(), -1);
        bool monotonic = true;
        connect(&copy, &SftpFanOut::hostProgress, this, [&](int index, qint64 done, qint64 total) {
            monotonic = monotonic && done >= lastProgress[index] && done <= total;
            lastProgress[index] = done;
        });
        QSignalSpy copied(&copy, &SftpFanOut::fileCopied);
        QVERIFY(run(copy));
        QVERIFY(monotonic);
        QCOMPARE(copy.skipped(), QStringList{QStringLiteral("data/link-to-folder")});
        QCOMPARE(copy.totalFiles(), 19);
        for (int i = 0; i < targets.size(); ++i)
            QVERIFY2(copy.results().at(i).succeeded(), qPrintable(copy.results().at(i).error));
        QCOMPARE(copied.size(), 19 * 8);

        QStringList expected = listTree(m_tree);
        expected.removeAll(QStringLiteral("data/link-to-folder/")); // skipped: a link to a folder
        for (int i = 0; i < targets.size(); ++i) {
            const SftpFanOut::HostResult &result = copy.results().at(i);
            QVERIFY2(result.succeeded(), qPrintable(result.error));
            QCOMPARE(result.files, 19);
            QCOMPARE(result.bytes, copy.totalBytes());
            QCOMPARE(lastProgress.at(i), copy.totalBytes());
            const QString there = m_lab.hostPath(m_lab.hosts().at(i).name, remote) + QLatin1Char('/');
            QCOMPARE(listTree(there), expected); // no part files left behind
            for (const QString &entry : expected) {
                if (entry.endsWith(QLatin1Char('/')))
                    continue;
                QCOMPARE(readAll(there + entry), readAll(m_tree + QLatin1Char('/') + entry));
            }
            QCOMPARE(modeOf(there + QStringLiteral("bin/run.sh")), 0755);
            QCOMPARE(modeOf(there + QStringLiteral("conf/spark-env.sh")), 0644);
            QVERIFY(!QFileInfo(there + QStringLiteral("data/link-to-file")).isSymLink());
        }
    }

    void whereASingleFileGoes_data()
    {
        QTest::addColumn<QString>("destination"); // below a fresh remote folder
        QTest::addColumn<bool>("makeFolderFirst");
        QTest::addColumn<QString>("expected");
        QTest::newRow("exact path") << "sub/renamed.sh" << false << "sub/renamed.sh";
        QTest::newRow("into a folder (trailing slash)") << "dir/" << false << "dir/run.sh";
        QTest::newRow("into an existing folder") << "existing" << true << "existing/run.sh";
    }

    void whereASingleFileGoes()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        QFETCH(QString, destination);
        QFETCH(bool, makeFolderFirst);
        QFETCH(QString, expected);
        const LabHost labHost = m_lab.hosts().at(8);
        const QString base = freshRemote();
        if (makeFolderFirst)
            QVERIFY(QDir().mkpath(m_lab.hostPath(labHost.name, base + QLatin1Char('/') + destination)));
        SshSessionPool pool;
        SftpFanOut copy(&pool);
        copy.setTargets({target(labHost)});
        copy.setSource(m_tree + QStringLiteral("/bin/run.sh"));
        copy.setDestination(base + QLatin1Char('/') + destination);
        QVERIFY(run(copy));
        QVERIFY2(copy.results().first().succeeded(), qPrintable(copy.results().first().error));
        const QString placed = m_lab.hostPath(labHost.name, base + QLatin1Char('/') + expected);
        QCOMPARE(readAll(placed), QByteArray("#!/bin/sh\necho ok\n"));
        QCOMPARE(modeOf(placed), 0755);
    }

    // One host cannot take the files, one cannot be reached: each says so, the others copy.
    void failingHostsDoNotStopTheOthers()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const QString remote = freshRemote() + QStringLiteral("/dest");
        const LabHost blocked = m_lab.hosts().at(9);
        // A file where the destination folder should be.
        QVERIFY(writeFile(m_lab.hostPath(blocked.name, remote), "in the way\n"));
        QList<SshTarget> targets{target(m_lab.hosts().at(8)), target(blocked), target(m_lab.hosts().at(10))};
        SshTarget nobody = target(m_lab.hosts().at(10));
        nobody.port = 1; // nothing listens: refused at once
        targets << nobody;
        SshSessionPool pool;
        SftpFanOut copy(&pool);
        copy.setTargets(targets);
        copy.setSource(m_tree + QStringLiteral("/conf"));
        copy.setDestination(remote);
        QVERIFY(run(copy));
        QVERIFY2(copy.results().at(0).succeeded(), qPrintable(copy.results().at(0).error));
        QVERIFY2(copy.results().at(2).succeeded(), qPrintable(copy.results().at(2).error));
        const SftpFanOut::HostResult &file = copy.results().at(1);
        QVERIFY(!file.succeeded());
        QVERIFY(!file.unreachable);
        QVERIFY2(file.error.contains(QLatin1String("Cannot create the folder")), qPrintable(file.error));
        QVERIFY2(file.error.contains(blocked.address), qPrintable(file.error));
        const SftpFanOut::HostResult &unreachable = copy.results().at(3);
        QVERIFY(!unreachable.succeeded());
        QVERIFY(unreachable.unreachable);
        QVERIFY2(unreachable.error.contains(nobody.host), qPrintable(unreachable.error));
    }

    // A part file of other bytes (an earlier, different copy) fails the checksum after the
    // resume; that file is copied once more from zero and the copy succeeds.
    void stalePartFileIsCopiedAgain()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost labHost = m_lab.hosts().at(8);
        const QString remote = freshRemote() + QStringLiteral("/conf");
        QVERIFY(writeFile(m_lab.hostPath(labHost.name, SftpTransfer::partPath(remote + QStringLiteral("/spark-env.sh"))),
                          "XXXXX"));
        SshSessionPool pool;
        SftpFanOut copy(&pool);
        copy.setTargets({target(labHost)});
        copy.setSource(m_tree + QStringLiteral("/conf"));
        copy.setDestination(remote);
        QVERIFY(run(copy));
        QVERIFY2(copy.results().first().succeeded(), qPrintable(copy.results().first().error));
        const QString there = m_lab.hostPath(labHost.name, remote);
        QCOMPARE(readAll(there + QStringLiteral("/spark-env.sh")), QByteArray("SPARK_LOCAL_IP=x\n"));
        QCOMPARE(listTree(there), QStringList{QStringLiteral("spark-env.sh")});
    }

    void missingSourceIsReportedForEveryHost()
    {
        SshSessionPool pool;
        SftpFanOut copy(&pool);
        SshTarget t;
        t.host = QStringLiteral("192.0.2.1");
        copy.setTargets({t, t});
        copy.setSource(m_dir.filePath(QStringLiteral("no-such-thing")));
        copy.setDestination(QStringLiteral("/tmp/x"));
        QVERIFY(run(copy));
        for (const SftpFanOut::HostResult &result : copy.results())
            QVERIFY2(result.error.contains(QLatin1String("no such file or folder")), qPrintable(result.error));
    }

    void cancelEndsEveryHostAtOnce()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const QString big = m_dir.filePath(QStringLiteral("big-for-cancel.bin"));
        QVERIFY(writeFile(big, randomBytes(64 * 1024 * 1024)));
        QList<SshTarget> targets;
        for (int i = 0; i < 4; ++i)
            targets << target(m_lab.hosts().at(i));
        const QString remote = freshRemote() + QStringLiteral("/big.bin");
        SshSessionPool pool;
        SftpFanOut copy(&pool);
        copy.setTargets(targets);
        copy.setSource(big);
        copy.setDestination(remote);
        copy.setParallelism(2); // two hosts never start
        QSignalSpy progress(&copy, &SftpFanOut::hostProgress);
        QSignalSpy finished(&copy, &SftpFanOut::finished);
        copy.start();
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), kWaitMs);
        copy.cancel();
        QCOMPARE(finished.size(), 1);
        for (int i = 0; i < targets.size(); ++i) {
            QVERIFY(copy.results().at(i).error.contains(QLatin1String("Cancelled")));
            QVERIFY(!QFile::exists(m_lab.hostPath(m_lab.hosts().at(i).name, remote)));
        }
        // The connections are still good.
        SftpFanOut again(&pool);
        again.setTargets(targets.mid(0, 2));
        again.setSource(m_tree + QStringLiteral("/conf/spark-env.sh"));
        again.setDestination(freshRemote() + QStringLiteral("/"));
        QVERIFY(run(again));
        for (const SftpFanOut::HostResult &result : again.results())
            QVERIFY2(result.succeeded(), qPrintable(result.error));
    }

    // libssh2 1.10 fails a channel's send while another channel's packet is half-sent: the
    // session's send queue keeps several uploads and commands on one connection apart.
    void uploadsAndCommandsShareOneConnection()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost labHost = m_lab.hosts().at(12);
        SshSession session(target(labHost));
        const QString base = freshRemote();
        QList<QByteArray> payloads;
        QList<SftpTransfer *> transfers;
        QList<RemoteProcess *> processes;
        int pending = 0;
        QStringList errors;
        for (int i = 0; i < 4; ++i) {
            payloads << randomBytes(8 * 1024 * 1024 + i);
            const QString local = m_dir.filePath(QStringLiteral("shared-%1.bin").arg(i));
            QVERIFY(writeFile(local, payloads.last()));
            auto *transfer = new SftpTransfer(&session, this);
            transfer->setUpload(local, base + QStringLiteral("/f%1.bin").arg(i));
            connect(transfer, &SftpTransfer::finished, this, [&](const QString &error) {
                if (!error.isEmpty())
                    errors << error;
                --pending;
            });
            transfers << transfer;
        }
        for (int i = 0; i < 12; ++i) {
            auto *process = new RemoteProcess(&session, this);
            process->setCommand(ShellCommand(QStringLiteral("sh"),
                                             {QStringLiteral("-c"), QStringLiteral("head -c 300000 /dev/zero | od | tail -n 1; echo %1").arg(i)}));
            process->setStandardInput(QByteArray(200000, 'x'));
            connect(process, &RemoteProcess::finished, this, [&](const ExecResult &result) {
                if (!result.succeeded())
                    errors << result.summary();
                --pending;
            });
            processes << process;
        }
        pending = int(transfers.size() + processes.size());
        for (SftpTransfer *transfer : transfers)
            transfer->start();
        for (RemoteProcess *process : processes)
            process->start();
        QTRY_COMPARE_WITH_TIMEOUT(pending, 0, kWaitMs);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(session.isConnected());
        for (int i = 0; i < payloads.size(); ++i)
            QCOMPARE(readAll(m_lab.hostPath(labHost.name, base + QStringLiteral("/f%1.bin").arg(i))), payloads.at(i));
        for (int i = 0; i < processes.size(); ++i)
            QVERIFY(processes.at(i)->result().standardOutput.endsWith(QByteArray::number(i) + '\n'));
        qDeleteAll(transfers);
        qDeleteAll(processes);
    }
};

QTEST_GUILESS_MAIN(tst_SftpFanOut)
#include "tst_sftpfanout.moc"
