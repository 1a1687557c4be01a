// KnownHosts and HostKey against OpenSSH's own tools: keys made by ssh-keygen, files hashed by
// `ssh-keygen -H`, fingerprints compared with `ssh-keygen -l`, our hashed lines found by
// `ssh-keygen -F`. PrivateKeyInfo is checked on the same generated keys.
#include "ssh/hostkey.h"
#include "ssh/knownhosts.h"
#include "ssh/privatekeyinfo.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace SparkDeck;

class tst_KnownHosts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static bool run(const QString &program, const QStringList &arguments, QByteArray *out = nullptr)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(30000))
            return false;
        if (out)
            *out = process.readAllStandardOutput();
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    // Generates a key pair (once per name) and returns the public key line's fields.
    QList<QByteArray> publicKey(const QString &name, const QStringList &typeArgs,
                                const QString &passphrase = QString())
    {
        const QString file = path(name);
        if (!QFile::exists(file)) {
            QStringList args = typeArgs;
            args << QStringLiteral("-q") << QStringLiteral("-N") << passphrase
                 << QStringLiteral("-C") << name << QStringLiteral("-f") << file;
            if (!run(QStringLiteral("ssh-keygen"), args))
                return {};
        }
        QFile pub(file + QStringLiteral(".pub"));
        if (!pub.open(QIODevice::ReadOnly))
            return {};
        return pub.readAll().trimmed().split(' ');
    }

    HostKey hostKey(const QString &name, const QStringList &typeArgs)
    {
        const QList<QByteArray> fields = publicKey(name, typeArgs);
        return fields.size() >= 2 ? HostKey::fromBase64(fields.at(1)) : HostKey();
    }

    HostKey ed25519(const QString &name) { return hostKey(name, {QStringLiteral("-t"), QStringLiteral("ed25519")}); }
    HostKey ecdsa(const QString &name)
    {
        return hostKey(name, {QStringLiteral("-t"), QStringLiteral("ecdsa"), QStringLiteral("-b"),
                              QStringLiteral("256")});
    }

    void writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }

    static QByteArray line(const QString &hosts, const HostKey &key)
    {
        return hosts.toUtf8() + ' ' + key.type().toLatin1() + ' ' + key.toBase64() + '\n';
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty())
            QSKIP("ssh-keygen (openssh-client) is not installed");
    }

    void fingerprintLikeOpenSsh_data()
    {
        QTest::addColumn<QStringList>("typeArgs");
        QTest::addColumn<QString>("expectedType");
        QTest::newRow("ed25519") << QStringList{"-t", "ed25519"} << "ssh-ed25519";
        QTest::newRow("ecdsa-256") << QStringList{"-t", "ecdsa", "-b", "256"} << "ecdsa-sha2-nistp256";
        QTest::newRow("ecdsa-384") << QStringList{"-t", "ecdsa", "-b", "384"} << "ecdsa-sha2-nistp384";
        QTest::newRow("rsa") << QStringList{"-t", "rsa", "-b", "2048"} << "ssh-rsa";
    }

    void fingerprintLikeOpenSsh()
    {
        QFETCH(QStringList, typeArgs);
        QFETCH(QString, expectedType);
        const QString name = QStringLiteral("fp-") + QTest::currentDataTag();
        const HostKey key = hostKey(name, typeArgs);
        QVERIFY(key.isValid());
        QCOMPARE(key.type(), expectedType);
        QByteArray out;
        QVERIFY(run(QStringLiteral("ssh-keygen"),
                    {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                     QStringLiteral("-f"), path(name + QStringLiteral(".pub"))},
                    &out));
        const QString openSsh = QString::fromLatin1(out.split(' ').value(1));
        QVERIFY(openSsh.startsWith(QLatin1String("SHA256:")));
        QCOMPARE(key.sha256Fingerprint(), openSsh);
        QVERIFY(!key.sha256Fingerprint().endsWith(QLatin1Char('=')));
    }

    void invalidBlobs()
    {
        QVERIFY(!HostKey::fromBlob(QByteArray()).isValid());
        QVERIFY(!HostKey::fromBlob(QByteArray("\0\0\0\x7fshort", 9)).isValid());
        QVERIFY(!HostKey::fromBase64("not base64 !!!").isValid());
    }

    void plainEntries()
    {
        const HostKey a = ed25519(QStringLiteral("host-a"));
        const HostKey b = ed25519(QStringLiteral("host-b"));
        const HostKey c = ecdsa(QStringLiteral("host-c"));
        QByteArray text = "# comment line\n\n";
        text += line(QStringLiteral("alpha.example.com,10.0.0.1"), a);
        text += line(QStringLiteral("[10.0.0.2]:2222"), b);
        text += "garbage line\n";
        text += line(QStringLiteral("*.lab.test,!evil.lab.test"), c);
        const KnownHosts known = KnownHosts::parse(text);
        QCOMPARE(known.entries().size(), 3);

        QCOMPARE(known.check(QStringLiteral("alpha.example.com"), 22, a).match, KnownHosts::Match::Known);
        QCOMPARE(known.check(QStringLiteral("ALPHA.example.com"), 22, a).match, KnownHosts::Match::Known);
        QCOMPARE(known.check(QStringLiteral("10.0.0.1"), 22, a).line, 3);
        QCOMPARE(known.check(QStringLiteral("10.0.0.1"), 2222, a).match, KnownHosts::Match::Unknown);
        QCOMPARE(known.check(QStringLiteral("10.0.0.2"), 2222, b).match, KnownHosts::Match::Known);
        QCOMPARE(known.check(QStringLiteral("10.0.0.2"), 22, b).match, KnownHosts::Match::Unknown);
        // Same type, different key: changed. Other type only: suspicious, never "new".
        const KnownHosts::CheckResult changed = known.check(QStringLiteral("10.0.0.1"), 22, b);
        QCOMPARE(changed.match, KnownHosts::Match::Changed);
        QCOMPARE(changed.line, 3);
        QCOMPARE(known.check(QStringLiteral("10.0.0.1"), 22, c).match, KnownHosts::Match::OtherTypeKnown);
        QCOMPARE(known.knownKeyTypes(QStringLiteral("10.0.0.1"), 22), QStringList{"ssh-ed25519"});
        // Wildcards and negation.
        QCOMPARE(known.check(QStringLiteral("w1.lab.test"), 22, c).match, KnownHosts::Match::Known);
        QCOMPARE(known.check(QStringLiteral("evil.lab.test"), 22, c).match, KnownHosts::Match::Unknown);
    }

    void markersAndLineEndings()
    {
        const HostKey a = ed25519(QStringLiteral("host-a"));
        const HostKey b = ed25519(QStringLiteral("host-b"));
        QByteArray text;
        text += "@revoked * " + a.type().toLatin1() + ' ' + a.toBase64() + "\r\n";
        text += "@cert-authority *.example.com " + b.type().toLatin1() + ' ' + b.toBase64() + "\r\n";
        text += line(QStringLiteral("x.example.com"), a);
        const KnownHosts known = KnownHosts::parse(text);
        const KnownHosts::CheckResult revoked = known.check(QStringLiteral("x.example.com"), 22, a);
        QCOMPARE(revoked.match, KnownHosts::Match::Revoked);
        QCOMPARE(revoked.line, 1);
        // A CA key is not a host key.
        QCOMPARE(known.check(QStringLiteral("y.example.com"), 22, b).match, KnownHosts::Match::Unknown);
    }

    void hashedBySshKeygen()
    {
        const HostKey a = ed25519(QStringLiteral("host-a"));
        const HostKey b = ed25519(QStringLiteral("host-b"));
        writeFile(QStringLiteral("hashed_known_hosts"),
                  line(QStringLiteral("10.77.0.11"), a) + line(QStringLiteral("[10.77.0.12]:2200"), b));
        QVERIFY(run(QStringLiteral("ssh-keygen"),
                    {QStringLiteral("-q"), QStringLiteral("-H"), QStringLiteral("-f"),
                     path(QStringLiteral("hashed_known_hosts"))}));
        const Result<KnownHosts> known = KnownHosts::load(path(QStringLiteral("hashed_known_hosts")));
        QVERIFY(known);
        QCOMPARE(known->entries().size(), 2);
        QVERIFY(known->entries().at(0).isHashed());
        QCOMPARE(known->check(QStringLiteral("10.77.0.11"), 22, a).match, KnownHosts::Match::Known);
        QCOMPARE(known->check(QStringLiteral("10.77.0.12"), 2200, b).match, KnownHosts::Match::Known);
        QCOMPARE(known->check(QStringLiteral("10.77.0.11"), 22, b).match, KnownHosts::Match::Changed);
        QCOMPARE(known->check(QStringLiteral("10.77.0.13"), 22, a).match, KnownHosts::Match::Unknown);
    }

    void hashMatchesKnownVector()
    {
        const QByteArray salt = QByteArray::fromBase64("HKGr0w9J1cwo7hUUQMfU3fJKAgY=");
        const QString hashed = KnownHosts::hashHostName(QStringLiteral("example.org"), salt);
        QVERIFY(hashed.startsWith(QLatin1String("|1|HKGr0w9J1cwo7hUUQMfU3fJKAgY=|")));
        KnownHosts::Entry entry;
        const QStringList parts = hashed.mid(3).split(QLatin1Char('|'));
        entry.hashSalt = QByteArray::fromBase64(parts.at(0).toLatin1());
        entry.hashValue = QByteArray::fromBase64(parts.at(1).toLatin1());
        QVERIFY(entry.matches(QStringLiteral("example.org")));
        QVERIFY(!entry.matches(QStringLiteral("example.com")));
    }

    void addIsReadBySshKeygen()
    {
        const QString file = m_dir.filePath(QStringLiteral("sub/dir/known_hosts"));
        Result<KnownHosts> loaded = KnownHosts::load(file);
        QVERIFY(loaded);
        QVERIFY(loaded->entries().isEmpty());
        KnownHosts known = *loaded;
        const HostKey a = ed25519(QStringLiteral("host-a"));
        const HostKey c = ecdsa(QStringLiteral("host-c"));
        QVERIFY(known.add(QStringLiteral("10.77.0.21"), 22, a));
        QVERIFY(known.add(QStringLiteral("10.77.0.22"), 2201, c, /*hashed=*/false));
        QCOMPARE(QFile::permissions(file) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        // OpenSSH finds both, hashed and plain.
        QByteArray out;
        QVERIFY(run(QStringLiteral("ssh-keygen"), {"-F", "10.77.0.21", "-f", file}, &out));
        QVERIFY(out.contains(a.toBase64()));
        QVERIFY(run(QStringLiteral("ssh-keygen"), {"-F", "[10.77.0.22]:2201", "-f", file}, &out));
        QVERIFY(out.contains(c.toBase64()));
        // Reloaded, both are known.
        const Result<KnownHosts> again = KnownHosts::load(file);
        QCOMPARE(again->check(QStringLiteral("10.77.0.21"), 22, a).match, KnownHosts::Match::Known);
        QCOMPARE(again->check(QStringLiteral("10.77.0.22"), 2201, c).match, KnownHosts::Match::Known);
    }

    void addKeepsExistingLines()
    {
        const HostKey a = ed25519(QStringLiteral("host-a"));
        const QByteArray original = "# my notes\nold.example.com " + a.type().toLatin1() + ' '
                                    + a.toBase64() + " comment"; // no final newline
        writeFile(QStringLiteral("keep_known_hosts"), original);
        Result<KnownHosts> loaded = KnownHosts::load(path(QStringLiteral("keep_known_hosts")));
        KnownHosts known = *loaded;
        QVERIFY(known.add(QStringLiteral("new.example.com"), 22, a));
        QFile file(path(QStringLiteral("keep_known_hosts")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.startsWith(original + '\n'));
        QCOMPARE(content.count('\n'), 3);
        QCOMPARE(known.entries().last().line, 3);
    }

    void forgetRemovesOnlyThatHostsLines()
    {
        const HostKey a = ed25519(QStringLiteral("host-a"));
        const HostKey c = ecdsa(QStringLiteral("host-c"));
        writeFile(QStringLiteral("forget_known_hosts"),
                  "# deleted machines leave\n" + line(QStringLiteral("203.0.113.5"), a) + line(QStringLiteral("203.0.113.50"), c)
                      + line(QStringLiteral("203.0.113.5,other.example"), c) + line(QStringLiteral("203.0.113.*"), c)
                      + line(QStringLiteral("[203.0.113.5]:2222"), c));
        KnownHosts known = *KnownHosts::load(path(QStringLiteral("forget_known_hosts")));
        QVERIFY(known.add(QStringLiteral("203.0.113.5"), 22, c)); // hashed
        QVERIFY(known.forget(QStringLiteral("203.0.113.5"), 22));

        QByteArray out;
        QVERIFY(!run(QStringLiteral("ssh-keygen"), {"-F", "203.0.113.5", "-f", path(QStringLiteral("forget_known_hosts"))}, &out)
                || !out.contains("|1|"));
        const KnownHosts reread = *KnownHosts::load(path(QStringLiteral("forget_known_hosts")));
        QCOMPARE(reread.entries().size(), 4); // the other host, a pattern, a glob, another port
        QCOMPARE(reread.check(QStringLiteral("203.0.113.50"), 22, c).match, KnownHosts::Match::Known);
        QCOMPARE(reread.check(QStringLiteral("203.0.113.5"), 2222, c).match, KnownHosts::Match::Known);
        QCOMPARE(reread.check(QStringLiteral("203.0.113.5"), 22, a).match, KnownHosts::Match::OtherTypeKnown); // the glob's key
        QFile file(path(QStringLiteral("forget_known_hosts")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("# deleted machines leave\n"));
        QCOMPARE(known.entries().size(), 4);
    }

    void glob_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << "host" << "host" << true;
        QTest::newRow("case") << "HoSt" << "hOsT" << true;
        QTest::newRow("star") << "*.lab" << "h1.lab" << true;
        QTest::newRow("star empty") << "h*" << "h" << true;
        QTest::newRow("question") << "h?" << "h1" << true;
        QTest::newRow("question too short") << "h?" << "h" << false;
        QTest::newRow("middle star") << "10.77.*.11" << "10.77.0.11" << true;
        QTest::newRow("bracketed port") << "[10.0.0.*]:2222" << "[10.0.0.9]:2222" << true;
        QTest::newRow("no match") << "*.lab" << "lab" << false;
    }

    void glob()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(bool, matches);
        QCOMPARE(KnownHosts::globMatches(pattern, text), matches);
    }

    void privateKeyInfo_data()
    {
        QTest::addColumn<QStringList>("typeArgs");
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<QString>("expectedType");
        QTest::newRow("ed25519") << QStringList{"-t", "ed25519"} << "" << "ssh-ed25519";
        QTest::newRow("ed25519 encrypted") << QStringList{"-t", "ed25519"} << "s3cret pass" << "ssh-ed25519";
        QTest::newRow("ecdsa") << QStringList{"-t", "ecdsa", "-b", "256"} << "" << "ecdsa-sha2-nistp256";
        QTest::newRow("rsa") << QStringList{"-t", "rsa", "-b", "2048"} << "" << "ssh-rsa";
        QTest::newRow("rsa pem") << QStringList{"-t", "rsa", "-b", "2048", "-m", "PEM"} << "" << "ssh-rsa";
        QTest::newRow("rsa pem encrypted") << QStringList{"-t", "rsa", "-b", "2048", "-m", "PEM"} << "pw-long" << "ssh-rsa";
    }

    void privateKeyInfo()
    {
        QFETCH(QStringList, typeArgs);
        QFETCH(QString, passphrase);
        QFETCH(QString, expectedType);
        const QString name = QStringLiteral("pk-%1").arg(QTest::currentDataTag()).replace(' ', '-');
        QVERIFY(!publicKey(name, typeArgs, passphrase).isEmpty());
        const PrivateKeyInfo info = PrivateKeyInfo::inspect(path(name));
        QVERIFY2(info.isReadable(), qPrintable(info.error()));
        QCOMPARE(info.type(), expectedType);
        QCOMPARE(info.isEncrypted(), !passphrase.isEmpty());
        QCOMPARE(info.isRsa(), expectedType == QLatin1String("ssh-rsa"));
    }

    void privateKeyInfoErrors()
    {
        QVERIFY(!PrivateKeyInfo::inspect(path(QStringLiteral("missing"))).isReadable());
        QVERIFY(!publicKey(QStringLiteral("host-a"), {"-t", "ed25519"}).isEmpty());
        const PrivateKeyInfo pub = PrivateKeyInfo::inspect(path(QStringLiteral("host-a.pub")));
        QVERIFY(!pub.isReadable());
        QVERIFY(pub.error().contains(QLatin1String("public key")));
        QVERIFY(PrivateKeyInfo::rsaExplanation(QStringLiteral("x")).contains(QLatin1String("SHA-1")));
    }
};

QTEST_GUILESS_MAIN(tst_KnownHosts)
#include "tst_knownhosts.moc"
