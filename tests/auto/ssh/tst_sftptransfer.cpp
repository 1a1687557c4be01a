// SFTP against real sshd in the lab hosts: round trips with checksums, progress, atomic
// placement, resume after the connection was killed halfway, and a damaged part file.
// Needs the CTest fixture `lab`; skips with the lab's reason otherwise. Never asserts on time.
#include "labhosts.h"

#include "ssh/sftptransfer.h"
#include "ssh/sshsession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SparkDeck;
using SparkDeck::Test::LabHost;
using SparkDeck::Test::LabHosts;

namespace {

constexpr int kWaitMs = 120000;

QByteArray fileHash(const QString &path, QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(algorithm);
    hash.addData(&file);
    return hash.result().toHex();
}

bool writeRandomFile(const QString &path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    qint64 left = size;
    while (left > 0) {
        auto *words = reinterpret_cast<quint32 *>(block.data());
        QRandomGenerator::global()->fillRange(words, block.size() / 4);
        const qint64 n = qMin<qint64>(left, block.size());
        if (file.write(block.constData(), n) != n)
            return false;
        left -= n;
    }
    return true;
}

} // namespace

class tst_SftpTransfer : public QObject
{
    Q_OBJECT

private:
    LabHosts m_lab;
    QTemporaryDir m_dir;

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

    static QString runTransfer(SftpTransfer &transfer, QList<qint64> *progress = nullptr)
    {
        QSignalSpy finished(&transfer, &SftpTransfer::finished);
        QObject context;
        if (progress)
            QObject::connect(&transfer, &SftpTransfer::progress, &context,
                             [progress](qint64 done, qint64) { *progress << done; });
        transfer.start();
        if (!finished.wait(kWaitMs) && finished.isEmpty())
            return QStringLiteral("test: no finished() signal");
        return finished.first().first().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_lab = LabHosts::fromEnvironment();
        QVERIFY(m_dir.isValid());
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("checksum");
        QTest::addColumn<qint64>("size");
        QTest::newRow("sha256, 5 MB") << int(SftpTransfer::Checksum::Sha256) << qint64(5'000'003);
        QTest::newRow("sha512, empty") << int(SftpTransfer::Checksum::Sha512) << qint64(0);
        QTest::newRow("sha512, 1 byte") << int(SftpTransfer::Checksum::Sha512) << qint64(1);
    }

    void roundTrip()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        QFETCH(int, checksum);
        QFETCH(qint64, size);
        const LabHost labHost = m_lab.hosts().at(0);
        const QString local = m_dir.filePath(QStringLiteral("upload-%1.bin").arg(size));
        QVERIFY(writeRandomFile(local, size));
        const QString remote = QStringLiteral("/srv/sd-sftp/new dir/it's %1.bin").arg(size);

        SshSession session(target(labHost));
        SftpTransfer upload(&session);
        upload.setUpload(local, remote);
        upload.setChecksum(SftpTransfer::Checksum(checksum));
        QList<qint64> progress;
        const QString error = runTransfer(upload, &progress);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto algorithm = checksum == int(SftpTransfer::Checksum::Sha256)
                                   ? QCryptographicHash::Sha256
                                   : QCryptographicHash::Sha512;
        QCOMPARE(upload.checksum().toLatin1(), fileHash(local, algorithm));
        for (int i = 1; i < progress.size(); ++i)
            QVERIFY(progress.at(i) >= progress.at(i - 1));
        if (size > 0)
            QCOMPARE(progress.last(), size);

        // On the host: the file, under its final name only.
        const QString onHost = m_lab.hostPath(labHost.name, remote);
        QCOMPARE(fileHash(onHost), fileHash(local));
        QVERIFY(!QFile::exists(m_lab.hostPath(labHost.name, SftpTransfer::partPath(remote))));

        // And back.
        const QString back = m_dir.filePath(QStringLiteral("back/download-%1.bin").arg(size));
        SftpTransfer download(&session);
        download.setDownload(remote, back);
        download.setChecksum(SftpTransfer::Checksum(checksum));
        const QString downloadError = runTransfer(download);
        QVERIFY2(downloadError.isEmpty(), qPrintable(downloadError));
        QCOMPARE(fileHash(back), fileHash(local));
        QVERIFY(!QFile::exists(SftpTransfer::partPath(back)));
    }

    void replacesExistingFile()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost labHost = m_lab.hosts().at(0);
        const QString remote = QStringLiteral("/srv/sd-sftp/replace.txt");
        SshSession session(target(labHost));
        for (const QByteArray &content : {QByteArray("first version\n"), QByteArray("second\n")}) {
            const QString local = m_dir.filePath(QStringLiteral("replace.txt"));
            QFile file(local);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(content);
            file.close();
            SftpTransfer upload(&session);
            upload.setUpload(local, remote);
            const QString error = runTransfer(upload);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QFile onHost(m_lab.hostPath(labHost.name, remote));
            QVERIFY(onHost.open(QIODevice::ReadOnly));
            QCOMPARE(onHost.readAll(), content);
        }
    }

    void missingRemoteFile()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshSession session(target(m_lab.hosts().at(0)));
        SftpTransfer download(&session);
        download.setDownload(QStringLiteral("/srv/sd-sftp/does-not-exist"),
                             m_dir.filePath(QStringLiteral("never")));
        const QString error = runTransfer(download);
        QVERIFY2(error.contains(QLatin1String("no such file")), qPrintable(error));
        QVERIFY(error.contains(m_lab.hosts().at(0).address));
    }

    void resumeAfterConnectionKilled()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost labHost = m_lab.hosts().at(1);
        const qint64 size = 100 * 1000 * 1000;
        const QString local = m_dir.filePath(QStringLiteral("big.bin"));
        QVERIFY(writeRandomFile(local, size));
        const QString remote = QStringLiteral("/srv/sd-sftp/big.bin");
        QFile::remove(m_lab.hostPath(labHost.name, SftpTransfer::partPath(remote)));

        SshSession session(target(labHost));
        SftpTransfer first(&session);
        first.setUpload(local, remote);
        bool killed = false;
        QString why;
        auto restart = qScopeGuard([&] { m_lab.startSshd(labHost.name); });
        connect(&first, &SftpTransfer::progress, this, [&](qint64 done, qint64 total) {
            if (!killed && done >= total / 2) {
                killed = true;
                QVERIFY2(m_lab.stopSshd(labHost.name, &why), qPrintable(why));
            }
        });
        const QString error = runTransfer(first);
        QVERIFY(killed);
        QVERIFY2(!error.isEmpty(), "the upload should have failed with the connection");
        QVERIFY2(error.contains(labHost.address), qPrintable(error));
        QVERIFY(!QFile::exists(m_lab.hostPath(labHost.name, remote)));
        const qint64 partial = QFileInfo(m_lab.hostPath(labHost.name, SftpTransfer::partPath(remote))).size();
        QVERIFY(partial > 0);

        QVERIFY2(m_lab.startSshd(labHost.name, &why), qPrintable(why));
        restart.dismiss();
        SftpTransfer second(&session); // the same session reconnects on demand
        second.setUpload(local, remote);
        const QString secondError = runTransfer(second);
        QVERIFY2(secondError.isEmpty(), qPrintable(secondError));
        QVERIFY(second.resumedFrom() > 0);
        QVERIFY(second.resumedFrom() < size);
        QCOMPARE(fileHash(m_lab.hostPath(labHost.name, remote)), fileHash(local));
        QVERIFY(!QFile::exists(m_lab.hostPath(labHost.name, SftpTransfer::partPath(remote))));
        QFile::remove(m_lab.hostPath(labHost.name, remote));
    }

    void damagedPartFileIsCaught()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost labHost = m_lab.hosts().at(2);
        const QString local = m_dir.filePath(QStringLiteral("damaged.bin"));
        QVERIFY(writeRandomFile(local, 300000));
        const QString remote = QStringLiteral("/srv/sd-sftp/damaged.bin");
        // A part file whose bytes differ from the source: resume must not hide it.
        const QString partOnHost = m_lab.hostPath(labHost.name, SftpTransfer::partPath(remote));
        QVERIFY(QDir().mkpath(QFileInfo(partOnHost).absolutePath()));
        QFile part(partOnHost);
        QVERIFY(part.open(QIODevice::WriteOnly | QIODevice::Truncate));
        part.write(QByteArray(1000, 'x'));
        part.close();

        SshSession session(target(labHost));
        SftpTransfer first(&session);
        first.setUpload(local, remote);
        const QString error = runTransfer(first);
        QVERIFY2(error.contains(QLatin1String("damaged")), qPrintable(error));
        QVERIFY(!QFile::exists(partOnHost));
        QVERIFY(!QFile::exists(m_lab.hostPath(labHost.name, remote)));

        SftpTransfer second(&session);
        second.setUpload(local, remote);
        const QString secondError = runTransfer(second);
        QVERIFY2(secondError.isEmpty(), qPrintable(secondError));
        QCOMPARE(second.resumedFrom(), qint64(0));
        QCOMPARE(fileHash(m_lab.hostPath(labHost.name, remote)), fileHash(local));
    }
};

QTEST_GUILESS_MAIN(tst_SftpTransfer)
#include "tst_sftptransfer.moc"
