// KeyGenerator: a new ed25519 pair through the system's ssh-keygen, never over an existing key.
// Needs ssh-keygen (openssh-client); no network.
#include "ssh/keygenerator.h"
#include "ssh/keyinstaller.h"
#include "ssh/privatekeyinfo.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace SparkDeck;

class tst_KeyGenerator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString generate(KeyGenerator &generator)
    {
        QSignalSpy finished(&generator, &KeyGenerator::finished);
        generator.start();
        if (!finished.wait(30000) && finished.isEmpty())
            return QStringLiteral("test: no finished() signal");
        if (finished.size() != 1)
            return QStringLiteral("test: finished() %1 times").arg(finished.size());
        return finished.first().first().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty())
            QSKIP("ssh-keygen is not installed (Debian package openssh-client)");
    }

    void makesAnEd25519PairInANewFolder()
    {
        const QString folder = m_dir.filePath(QStringLiteral("new/.ssh"));
        const QString key = folder + QStringLiteral("/id_ed25519");
        KeyGenerator generator;
        generator.setKeyFile(key);
        generator.setComment(QStringLiteral("ada@lab (SparkDeck)"));
        const QString error = generate(generator);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!generator.isRunning());

        const PrivateKeyInfo info = PrivateKeyInfo::inspect(key);
        QVERIFY2(info.isReadable(), qPrintable(info.error()));
        QCOMPARE(info.type(), QStringLiteral("ssh-ed25519"));
        QVERIFY(!info.isEncrypted());
        QCOMPARE(QFileInfo(key).permissions(),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                     | QFileDevice::WriteUser);
        QCOMPARE(QFileInfo(folder).permissions(),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                     | QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);

        const Result<QString> parsed = KeyInstaller::parsePublicKey(generator.publicKey());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.errorMessage()));
        QVERIFY(generator.publicKey().startsWith(QLatin1String("ssh-ed25519 ")));
        QVERIFY(generator.publicKey().endsWith(QLatin1String(" ada@lab (SparkDeck)")));
        QFile pub(key + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(pub.readAll()).trimmed(), generator.publicKey());
    }

    void neverOverwrites_data()
    {
        QTest::addColumn<bool>("privateExists");
        QTest::addColumn<bool>("publicExists");
        QTest::newRow("private key exists") << true << false;
        QTest::newRow("only the public key exists") << false << true;
        QTest::newRow("both exist") << true << true;
    }

    void neverOverwrites()
    {
        QFETCH(bool, privateExists);
        QFETCH(bool, publicExists);
        const QString key = m_dir.filePath(QStringLiteral("existing_%1").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
        auto write = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::WriteOnly) && file.write("precious\n") > 0;
        };
        if (privateExists)
            QVERIFY(write(key));
        if (publicExists)
            QVERIFY(write(key + QStringLiteral(".pub")));
        KeyGenerator generator;
        generator.setKeyFile(key);
        const QString error = generate(generator);
        QVERIFY2(error.contains(QLatin1String("never overwrites")), qPrintable(error));
        for (const QString &path : {key, key + QStringLiteral(".pub")}) {
            QFile file(path);
            if (file.exists()) {
                QVERIFY(file.open(QIODevice::ReadOnly));
                QCOMPARE(file.readAll(), QByteArray("precious\n"));
            }
        }
        QCOMPARE(QFile::exists(key), privateExists);
        QCOMPARE(QFile::exists(key + QStringLiteral(".pub")), publicExists);
    }

    void missingToolIsExplained()
    {
        KeyGenerator generator;
        generator.setKeyFile(m_dir.filePath(QStringLiteral("id_no_tool")));
        generator.setProgram(m_dir.filePath(QStringLiteral("no-such-ssh-keygen")));
        const QString error = generate(generator);
        QVERIFY2(error.contains(QLatin1String("OpenSSH client")), qPrintable(error));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("id_no_tool"))));
    }

    void hostileCommentIsRefused()
    {
        KeyGenerator generator;
        generator.setKeyFile(m_dir.filePath(QStringLiteral("id_comment")));
        generator.setComment(QStringLiteral("ok\nssh-ed25519 AAAA injected"));
        const QString error = generate(generator);
        QVERIFY2(error.contains(QLatin1String("one line")), qPrintable(error));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("id_comment"))));
    }
};

QTEST_GUILESS_MAIN(tst_KeyGenerator)
#include "tst_keygenerator.moc"
