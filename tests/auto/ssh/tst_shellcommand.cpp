// ShellCommand is the one place where text becomes a remote command line: every hostile
// argument must reach the program literally, checked against a real /bin/sh.
#include "ssh/remoteprocess.h"
#include "ssh/shellcommand.h"

#include <QProcess>
#include <QTest>

using namespace SparkDeck;

class tst_ShellCommand : public QObject
{
    Q_OBJECT

private:
    static QByteArray runSh(const QString &commandLine)
    {
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), commandLine});
        if (!sh.waitForFinished(10000))
            return QByteArrayLiteral("<sh did not finish>");
        if (sh.exitStatus() != QProcess::NormalExit || sh.exitCode() != 0)
            return QByteArrayLiteral("<sh failed: ") + sh.readAllStandardError() + '>';
        return sh.readAllStandardOutput();
    }

private Q_SLOTS:
    void hostile_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::newRow("plain") << QStringLiteral("hello");
        QTest::newRow("empty") << QString();
        QTest::newRow("space") << QStringLiteral("a b  c");
        QTest::newRow("single quote") << QStringLiteral("it's");
        QTest::newRow("only quotes") << QStringLiteral("'''");
        QTest::newRow("double quote") << QStringLiteral("say \"hi\"");
        QTest::newRow("command substitution") << QStringLiteral("$(touch /tmp/pwned)");
        QTest::newRow("backticks") << QStringLiteral("`id`");
        QTest::newRow("variable") << QStringLiteral("$HOME ${PATH} $0 $$");
        QTest::newRow("newline") << QStringLiteral("line1\nline2\n");
        QTest::newRow("tab and cr") << QStringLiteral("a\tb\rc");
        QTest::newRow("semicolon") << QStringLiteral("; rm -rf / #");
        QTest::newRow("pipes and ands") << QStringLiteral("a | b && c || d & e");
        QTest::newRow("redirects") << QStringLiteral("> /tmp/x < /etc/passwd 2>&1");
        QTest::newRow("glob") << QStringLiteral("* ? [a-z] ~ ~root");
        QTest::newRow("backslash") << QStringLiteral("back\\slash \\' \\\\");
        QTest::newRow("bang and hash") << QStringLiteral("!! #not a comment");
        QTest::newRow("leading dash") << QStringLiteral("-n");
        QTest::newRow("percent") << QStringLiteral("%s %d 100%");
        QTest::newRow("unicode") << QStringLiteral("日本語 中文 ü ß ✓ 🚀");
        QTest::newRow("mixed") << QStringLiteral("'\"$(echo `id`)\"'\n\\'");
        QTest::newRow("braces") << QStringLiteral("{a,b} $((1+1))");
    }

    void hostile()
    {
        QFETCH(QString, argument);
        const QString line = ShellCommand(QStringLiteral("printf"), {QStringLiteral("%s"), argument})
                                 .toString();
        QCOMPARE(runSh(line), argument.toUtf8());
    }

    void hostileNested_data() { hostile_data(); }
    void hostileNested()
    {
        // Two levels, as `sudo -n -- sh -c '<command>'` builds them.
        QFETCH(QString, argument);
        const QString inner = ShellCommand(QStringLiteral("printf"), {QStringLiteral("%s"), argument})
                                  .toString();
        const QString outer = ShellCommand(QStringLiteral("sh"), {QStringLiteral("-c"), inner})
                                  .toString();
        QCOMPARE(runSh(outer), argument.toUtf8());
    }

    void hostileEnvironment_data() { hostile_data(); }
    void hostileEnvironment()
    {
        QFETCH(QString, argument);
        const QString line = ShellCommand(QStringLiteral("printenv"), {QStringLiteral("SD_VALUE")})
                                 .env(QStringLiteral("SD_VALUE"), argument)
                                 .toString();
        QCOMPARE(runSh(line), argument.toUtf8() + '\n');
    }

    void remoteProcessEnvironment_data() { hostile_data(); }
    void remoteProcessEnvironment()
    {
        // RemoteProcess exports variables in the command line itself (sshd refuses setenv).
        QFETCH(QString, argument);
        RemoteProcess process(nullptr);
        process.setCommand(ShellCommand(QStringLiteral("printenv"), {QStringLiteral("SD_VALUE")}));
        process.addEnvironment(QStringLiteral("SD_VALUE"), argument);
        process.addEnvironment(QStringLiteral("BAD NAME;id"), QStringLiteral("x"));
        QCOMPARE(runSh(process.commandLine()), argument.toUtf8() + '\n');
        QVERIFY(!process.commandLine().contains(QLatin1String("BAD NAME")));
    }

    void plainWordsStayReadable()
    {
        QCOMPARE(ShellCommand::quote(QStringLiteral("/opt/spark-3.5.8/bin")),
                 QStringLiteral("/opt/spark-3.5.8/bin"));
        QCOMPARE(ShellCommand::quote(QStringLiteral("user@host:22")), QStringLiteral("user@host:22"));
        QCOMPARE(ShellCommand::quote(QString()), QStringLiteral("''"));
        QCOMPARE(ShellCommand::quote(QStringLiteral("a b")), QStringLiteral("'a b'"));
        QCOMPARE(ShellCommand::quote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
    }

    void allOfStopsAtFirstFailure()
    {
        const QString line = ShellCommand::allOf(
            {ShellCommand(QStringLiteral("printf"), {QStringLiteral("one;")}),
             ShellCommand(QStringLiteral("false")),
             ShellCommand(QStringLiteral("printf"), {QStringLiteral("two")})});
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), line});
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(sh.readAllStandardOutput(), QByteArray("one;"));
        QVERIFY(sh.exitCode() != 0);
    }

    void commandSubstitutionDoesNotRun()
    {
        const QString marker = QStringLiteral("/tmp/sparkdeck-tst-shellcommand-%1")
                                   .arg(QCoreApplication::applicationPid());
        QFile::remove(marker);
        const QString line = ShellCommand(QStringLiteral("echo"),
                                          {QStringLiteral("$(touch %1)").arg(marker),
                                           QStringLiteral("`touch %1`").arg(marker)})
                                 .toString();
        runSh(line);
        QVERIFY(!QFile::exists(marker));
    }
};

QTEST_GUILESS_MAIN(tst_ShellCommand)
#include "tst_shellcommand.moc"
