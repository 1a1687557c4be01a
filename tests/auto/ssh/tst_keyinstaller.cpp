// KeyInstaller: the public key into ~/.ssh/authorized_keys of a user who logs in by password
// (a lab user on one host), idempotent, with the right permissions; then the key alone logs in.
// The parser is checked with good and hostile key lines first (no lab needed for those).
#include "labhosts.h"

#include "ssh/keygenerator.h"
#include "ssh/keyinstaller.h"
#include "ssh/remoteprocess.h"
#include "ssh/sshsession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace SparkDeck;
using SparkDeck::Test::LabHost;
using SparkDeck::Test::LabHosts;

namespace {

constexpr int kWaitMs = 60000;
const QString kUser = QStringLiteral("sdkeys");
const QString kPassword = QStringLiteral("first contact");

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

int modeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

} // namespace

class tst_KeyInstaller : public QObject
{
    Q_OBJECT

private:
    LabHosts m_lab;
    QTemporaryDir m_dir;
    QString m_key;       // private key file, made by KeyGenerator
    QString m_publicKey; // its line

    SshTarget target(const LabHost &labHost) const
    {
        SshTarget target;
        target.host = labHost.address;
        target.port = labHost.port;
        target.user = kUser;
        target.useAgent = false;
        target.knownHostsFile = m_lab.knownHostsFile();
        target.hostKeyPolicy = HostKeyPolicy::Strict;
        return target;
    }

    // Installs with a password login; returns the error (empty on success).
    QString install(const LabHost &labHost, const QString &line, bool *alreadyThere = nullptr)
    {
        SshTarget t = target(labHost);
        t.password = kPassword;
        SshSession session(t);
        KeyInstaller installer(&session);
        const Status set = installer.setPublicKey(line);
        if (!set)
            return set.errorMessage();
        QSignalSpy finished(&installer, &KeyInstaller::finished);
        installer.start();
        if (!finished.wait(kWaitMs) && finished.isEmpty())
            return QStringLiteral("test: no finished() signal");
        if (alreadyThere)
            *alreadyThere = installer.wasAlreadyInstalled();
        return finished.first().first().toString();
    }

    // Logs in with the key alone and runs `id -un`.
    QString loginWithKey(const LabHost &labHost)
    {
        SshTarget t = target(labHost);
        t.identityFile = m_key;
        SshSession session(t);
        RemoteProcess process(&session);
        process.setCommand(ShellCommand(QStringLiteral("id"), {QStringLiteral("-un")}));
        QSignalSpy finished(&process, &RemoteProcess::finished);
        process.start();
        if (!finished.wait(kWaitMs) && finished.isEmpty())
            return QStringLiteral("test: no finished() signal");
        return process.result().succeeded() ? QString::fromUtf8(process.result().standardOutput.trimmed())
                                            : process.result().summary();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_lab = LabHosts::fromEnvironment();
        m_key = m_dir.filePath(QStringLiteral("id_ed25519"));
        KeyGenerator generator;
        generator.setKeyFile(m_key);
        QSignalSpy finished(&generator, &KeyGenerator::finished);
        generator.start();
        QVERIFY(finished.wait(30000) || !finished.isEmpty());
        QVERIFY2(generator.errorMessage().isEmpty(), qPrintable(generator.errorMessage()));
        m_publicKey = generator.publicKey();
    }

    void parsePublicKey_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical"); // empty: refused
        const QString blob = QStringLiteral(
            "AAAAC3NzaC1lZDI1NTE5AAAAIIGaCWDgWxjYR8kEy/Re1ul2456uvBmYMESu8lhknJzD");
        const QString good = QStringLiteral("ssh-ed25519 ") + blob;
        QTest::newRow("plain") << good << good;
        QTest::newRow("comment") << good + QStringLiteral(" ada@lab") << good + QStringLiteral(" ada@lab");
        QTest::newRow("spaces, tabs, trailing newline")
            << QStringLiteral("  ssh-ed25519\t") + blob + QStringLiteral("   two  words \n")
            << good + QStringLiteral(" two words");
        QTest::newRow("unicode comment") << good + QStringLiteral(" ünï ☃") << good + QStringLiteral(" ünï ☃");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("second line smuggled")
            << good + QStringLiteral("\nssh-ed25519 ") + blob + QStringLiteral(" intruder") << QString();
        QTest::newRow("carriage return") << good + QStringLiteral("\rcommand=\"x\"") << QString();
        QTest::newRow("options first") << QStringLiteral("command=\"rm -rf ~\" ") + good << QString();
        QTest::newRow("private key") << QStringLiteral("-----BEGIN OPENSSH PRIVATE KEY-----") << QString();
        QTest::newRow("bad base64") << QStringLiteral("ssh-ed25519 AAAA$(id)") << QString();
        QTest::newRow("type does not match data") << QStringLiteral("ecdsa-sha2-nistp256 ") + blob << QString();
        QTest::newRow("unknown type") << QStringLiteral("ssh-foo ") + blob << QString();
        QTest::newRow("NUL") << good + QChar(0) + QStringLiteral("x") << QString();
    }

    void parsePublicKey()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const Result<QString> parsed = KeyInstaller::parsePublicKey(text);
        if (canonical.isEmpty()) {
            QVERIFY(!parsed.ok());
            QVERIFY(!parsed.errorMessage().isEmpty());
        } else {
            QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.errorMessage()));
            QCOMPARE(*parsed, canonical);
        }
    }

    void installsOnceWithTheRightPermissions()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost labHost = m_lab.hosts().at(11);
        QString why;
        QVERIFY2(m_lab.addUser(labHost.name, kUser, kPassword, &why), qPrintable(why));
        auto remove = qScopeGuard([&] { m_lab.removeUser(labHost.name, kUser); });
        const QString home = m_lab.userHome(labHost.name, kUser);

        // Before: the key does not log in.
        QVERIFY(loginWithKey(labHost) != kUser);

        bool already = true;
        QString error = install(labHost, m_publicKey, &already);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!already);
        const QString file = home + QStringLiteral("/.ssh/authorized_keys");
        QCOMPARE(readFile(file), m_publicKey + QLatin1Char('\n'));
        QCOMPARE(modeOf(home + QStringLiteral("/.ssh")), 0700);
        QCOMPARE(modeOf(file), 0600);
        QCOMPARE(QFileInfo(file).ownerId(), QFileInfo(home).ownerId());
        QVERIFY(QFileInfo(file).ownerId() != 0);

        // After: the key alone logs in.
        QCOMPARE(loginWithKey(labHost), kUser);

        // Again, and with another comment: nothing changes.
        error = install(labHost, m_publicKey, &already);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(already);
        error = install(labHost, m_publicKey.section(QLatin1Char(' '), 0, 1) + QStringLiteral(" other"), &already);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(already);
        QCOMPARE(readFile(file), m_publicKey + QLatin1Char('\n'));
    }

    void keepsWhatTheFileHeld()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost labHost = m_lab.hosts().at(11);
        QString why;
        QVERIFY2(m_lab.addUser(labHost.name, kUser, kPassword, &why), qPrintable(why));
        auto remove = qScopeGuard([&] { m_lab.removeUser(labHost.name, kUser); });
        const QString home = m_lab.userHome(labHost.name, kUser);
        // An existing file whose last line has no newline, lax permissions, someone else's key
        // with options: kept as it was, our key on a line of its own.
        const QString other = QStringLiteral(
            "from=\"10.0.0.0/8\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIGaCWDgWxjYR8kEy/Re1ul2456uvBmYMESu8lhknJzD other");
        QVERIFY(QDir().mkpath(home + QStringLiteral("/.ssh")));
        const QString file = home + QStringLiteral("/.ssh/authorized_keys");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(other.toUtf8()); // no final newline
        }
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther
                                        | QFileDevice::WriteOther);
        QProcess chown;
        chown.start(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("%1:%1").arg(QFileInfo(home).ownerId()),
                                               home + QStringLiteral("/.ssh")});
        QVERIFY(chown.waitForFinished(10000) && chown.exitCode() == 0);

        const QString error = install(labHost, m_publicKey);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(readFile(file), other + QLatin1Char('\n') + m_publicKey + QLatin1Char('\n'));
        QCOMPARE(modeOf(file), 0600);
        QCOMPARE(modeOf(home + QStringLiteral("/.ssh")), 0700);
        QCOMPARE(loginWithKey(labHost), kUser);
    }

    void wrongPasswordIsReported()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost labHost = m_lab.hosts().at(11);
        QString why;
        QVERIFY2(m_lab.addUser(labHost.name, kUser, QStringLiteral("not the one"), &why), qPrintable(why));
        auto remove = qScopeGuard([&] { m_lab.removeUser(labHost.name, kUser); });
        const QString error = install(labHost, m_publicKey);
        QVERIFY2(error.contains(QLatin1String("the password was refused")), qPrintable(error));
        QVERIFY(!QFile::exists(m_lab.userHome(labHost.name, kUser) + QStringLiteral("/.ssh/authorized_keys")));
    }

    void refusesABadKeyBeforeConnecting()
    {
        KeyInstaller installer(nullptr);
        QVERIFY(!installer.setPublicKey(QStringLiteral("command=\"x\" ") + m_publicKey).ok());
        QVERIFY(!installer.setPublicKeyFile(m_dir.filePath(QStringLiteral("missing.pub"))).ok());
        QVERIFY(installer.setPublicKeyFile(m_key + QStringLiteral(".pub")).ok());
        QCOMPARE(installer.publicKey(), m_publicKey);
    }
};

QTEST_GUILESS_MAIN(tst_KeyInstaller)
#include "tst_keyinstaller.moc"
