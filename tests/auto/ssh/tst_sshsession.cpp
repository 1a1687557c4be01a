// The SSH engine against real sshd in the lab hosts (tests/lab): authentication, host key
// policies, channels, fan-out, hostile arguments, timeouts, cancel and a dying sshd.
// Needs the CTest fixture `lab`; skips with the lab's reason otherwise. Never asserts on time.
#include "labhosts.h"

#include "ssh/knownhosts.h"
#include "ssh/remoteprocess.h"
#include "ssh/sshfanout.h"
#include "ssh/sshsession.h"
#include "ssh/sshsessionpool.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace SparkDeck;
using SparkDeck::Test::LabHost;
using SparkDeck::Test::LabHosts;

Q_DECLARE_METATYPE(SparkDeck::HostKeyPolicy)

namespace {

constexpr int kWaitMs = 60000; // a generous bound for "it happened", never a measurement

bool generateKey(const QString &file, const QStringList &typeArgs, const QString &passphrase = {})
{
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"),
                 typeArgs + QStringList{QStringLiteral("-q"), QStringLiteral("-N"), passphrase,
                                        QStringLiteral("-f"), file});
    return keygen.waitForFinished(30000) && keygen.exitCode() == 0;
}

// Running and not a zombie (the lab's hosts share this machine's PID space).
bool processAlive(const QString &pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    return paren > 0 && text.mid(paren + 2, 1) != "Z";
}

// An ssh-agent of the test's own (`ssh-agent -D -a SOCKET`), for SSH_AUTH_SOCK.
class TestAgent
{
public:
    ~TestAgent()
    {
        if (m_agent.state() != QProcess::NotRunning) {
            m_agent.kill();
            m_agent.waitForFinished(5000);
        }
    }

    bool start(const QString &socket)
    {
        m_socket = socket;
        QFile::remove(socket);
        m_agent.start(QStringLiteral("ssh-agent"), {QStringLiteral("-D"), QStringLiteral("-a"), socket});
        if (!m_agent.waitForStarted(10000))
            return false;
        // The socket file appears at bind(), a moment before the agent listens: ready is when
        // `ssh-add -l` reaches it (exit 1, no identities) rather than failing to connect (2).
        for (int i = 0; i < 500; ++i) {
            if (QFile::exists(socket) && sshAdd({QStringLiteral("-l")}) == 1)
                return true;
            QTest::qWait(10);
        }
        return false;
    }

    bool add(const QString &key) { return sshAdd({QStringLiteral("-q"), key}) == 0; }

    QString socket() const { return m_socket; }

private:
    int sshAdd(const QStringList &arguments) const
    {
        QProcess add;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SSH_AUTH_SOCK"), m_socket);
        add.setProcessEnvironment(env);
        add.start(QStringLiteral("ssh-add"), arguments);
        return add.waitForFinished(30000) && add.exitStatus() == QProcess::NormalExit ? add.exitCode() : -1;
    }

    QProcess m_agent;
    QString m_socket;
};

} // namespace

class tst_SshSession : public QObject
{
    Q_OBJECT

private:
    LabHosts m_lab;
    QTemporaryDir m_dir;
    int m_fileCounter = 0;

    LabHost host(int index) const { return m_lab.hosts().at(index); }

    // A private copy of the lab's known_hosts, so that tests can change it.
    QString knownHostsCopy(bool empty = false)
    {
        const QString file = m_dir.filePath(QStringLiteral("known_hosts_%1").arg(++m_fileCounter));
        if (!empty)
            QFile::copy(m_lab.knownHostsFile(), file);
        return file;
    }

    SshTarget target(const LabHost &labHost, const QString &knownHosts = QString())
    {
        SshTarget target;
        target.host = labHost.address;
        target.port = labHost.port;
        target.user = QStringLiteral("root");
        target.identityFile = m_lab.identityFile();
        target.useAgent = false;
        target.knownHostsFile = knownHosts.isEmpty() ? m_lab.knownHostsFile() : knownHosts;
        target.hostKeyPolicy = HostKeyPolicy::Strict;
        return target;
    }

    static bool waitConnected(SshSession &session, QString *error)
    {
        if (session.isConnected())
            return true;
        QSignalSpy ok(&session, &SshSession::connected);
        QSignalSpy failed(&session, &SshSession::connectionFailed);
        session.connectToHost();
        QElapsedTimer clock;
        clock.start();
        while (ok.isEmpty() && failed.isEmpty() && clock.elapsed() < kWaitMs)
            QTest::qWait(10);
        if (!failed.isEmpty() && error)
            *error = failed.first().first().toString();
        return !ok.isEmpty();
    }

    static ExecResult run(SshSession *session, const ShellCommand &command, int timeoutMs = 0)
    {
        RemoteProcess process(session);
        process.setCommand(command);
        process.setTimeout(timeoutMs);
        QSignalSpy finished(&process, &RemoteProcess::finished);
        process.start();
        if (!finished.wait(kWaitMs) && finished.isEmpty()) {
            ExecResult result;
            result.error = QStringLiteral("test: no finished() signal");
            return result;
        }
        return process.result();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ExecResult>();
        m_lab = LabHosts::fromEnvironment();
        QVERIFY(m_dir.isValid());
    }

    void keyAuthentication_data()
    {
        QTest::addColumn<QString>("keyKind");
        QTest::newRow("ed25519") << QStringLiteral("ed25519");
        QTest::newRow("ecdsa") << QStringLiteral("ecdsa");
    }

    void keyAuthentication()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        QFETCH(QString, keyKind);
        SshTarget t = target(host(0));
        t.identityFile = keyKind == QLatin1String("ecdsa") ? m_lab.ecdsaIdentityFile()
                                                           : m_lab.identityFile();
        SshSession session(t);
        QString error;
        QVERIFY2(waitConnected(session, &error), qPrintable(error));
        const ExecResult result = run(&session, ShellCommand(QStringLiteral("hostname")));
        QVERIFY2(result.succeeded(), qPrintable(result.summary()));
        QCOMPARE(result.standardOutput.trimmed(), host(0).name.toUtf8());
        QVERIFY(session.hostKey().sha256Fingerprint().startsWith(QLatin1String("SHA256:")));
    }

    void encryptedKeyAsksForPassphrase()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        // The lab's own key, re-encrypted: authorized on the hosts, now with a passphrase.
        const QString key = m_dir.filePath(QStringLiteral("id_encrypted"));
        QVERIFY(QFile::copy(m_lab.identityFile(), key));
        QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {"-q", "-p", "-P", "", "-N", "correct horse", "-f", key});
        QVERIFY(keygen.waitForFinished(30000) && keygen.exitCode() == 0);

        SshTarget t = target(host(0));
        t.identityFile = key;
        SshSession session(t);
        QStringList asked;
        QList<int> attempts;
        // Asked again after a wrong answer; answered later, from the event loop, as a dialog would.
        connect(&session, &SshSession::passphraseRequested, &session, [&](const QString &file, int attempt) {
            asked << file;
            attempts << attempt;
            QTimer::singleShot(50, &session, [&session, attempt] {
                session.answerPassphrase(attempt == 1 ? QStringLiteral("wrong guess") : QStringLiteral("correct horse"));
            });
        });
        QString error;
        QVERIFY2(waitConnected(session, &error), qPrintable(error));
        QCOMPARE(attempts, QList<int>({1, 2}));
        QCOMPARE(asked.first(), key);

        // Declined: a clear message, not a hang.
        SshSession declined(t);
        connect(&declined, &SshSession::passphraseRequested, &declined,
                [&declined](const QString &, int) { declined.answerPassphrase(std::nullopt); });
        QVERIFY(!waitConnected(declined, &error));
        QVERIFY2(error.contains(QLatin1String("passphrase")), qPrintable(error));

        // Nobody to ask: the key is skipped with the advice to use ssh-agent.
        SshSession unasked(t);
        QVERIFY(!waitConnected(unasked, &error));
        QVERIFY2(error.contains(QLatin1String("ssh-agent")), qPrintable(error));
    }

    void wrongKeyIsExplained()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const QString key = m_dir.filePath(QStringLiteral("id_stranger"));
        QVERIFY(generateKey(key, {QStringLiteral("-t"), QStringLiteral("ed25519")}));
        SshTarget t = target(host(0));
        t.identityFile = key;
        SshSession session(t);
        QString error;
        QVERIFY(!waitConnected(session, &error));
        QVERIFY2(error.contains(QLatin1String("Authentication as root")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("refused the key")), qPrintable(error));
        QVERIFY2(error.contains(key), qPrintable(error));
    }

    void rsaKeyIsExplained()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const QString key = m_dir.filePath(QStringLiteral("id_rsa"));
        QVERIFY(generateKey(key, {QStringLiteral("-t"), QStringLiteral("rsa"), QStringLiteral("-b"),
                                  QStringLiteral("2048")}));
        SshTarget t = target(host(0));
        t.identityFile = key;
        SshSession session(t);
        QString error;
        QVERIFY(!waitConnected(session, &error));
        QVERIFY2(error.contains(QLatin1String("SHA-1")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("ed25519")), qPrintable(error));
    }

    void missingKeyFile()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshTarget t = target(host(0));
        t.identityFile = m_dir.filePath(QStringLiteral("no_such_key"));
        SshSession session(t);
        QString error;
        QVERIFY(!waitConnected(session, &error));
        QVERIFY2(error.contains(QLatin1String("does not exist")), qPrintable(error));
    }

    // ssh-agent: the session asks the agent in $SSH_AUTH_SOCK when the key file is missing or
    // refused, and says what the agent held when nothing worked.
    void agentAuthentication_data()
    {
        QTest::addColumn<QString>("agentKey");    // "lab", "stranger" or "" (an empty agent)
        QTest::addColumn<QString>("identity");    // "", "stranger"
        QTest::addColumn<bool>("useAgent");
        QTest::addColumn<QString>("expected");    // "" = connects, else part of the error
        QTest::newRow("lab key in the agent") << "lab" << "" << true << "";
        QTest::newRow("agent after a refused key file") << "lab" << "stranger" << true << "";
        QTest::newRow("agent holds no keys") << "" << "" << true << "ssh-agent holds no keys";
        QTest::newRow("agent key refused") << "stranger" << "" << true << "refused all 1 key(s) of ssh-agent";
        QTest::newRow("agent not to be used") << "lab" << "" << false << "no key file is set";
    }

    void agentAuthentication()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        QFETCH(QString, agentKey);
        QFETCH(QString, identity);
        QFETCH(bool, useAgent);
        QFETCH(QString, expected);
        const QString stranger = m_dir.filePath(QStringLiteral("id_agent_stranger"));
        if (!QFile::exists(stranger))
            QVERIFY(generateKey(stranger, {QStringLiteral("-t"), QStringLiteral("ed25519")}));
        TestAgent agent;
        QVERIFY2(agent.start(m_dir.filePath(QStringLiteral("agent.sock"))), "ssh-agent did not start");
        if (!agentKey.isEmpty())
            QVERIFY(agent.add(agentKey == QLatin1String("lab") ? m_lab.identityFile() : stranger));
        const QByteArray previous = qgetenv("SSH_AUTH_SOCK");
        qputenv("SSH_AUTH_SOCK", agent.socket().toLocal8Bit());
        auto restore = qScopeGuard([&] {
            if (previous.isEmpty())
                qunsetenv("SSH_AUTH_SOCK");
            else
                qputenv("SSH_AUTH_SOCK", previous);
        });

        SshTarget t = target(host(1));
        t.identityFile = identity.isEmpty() ? QString() : stranger;
        t.useAgent = useAgent;
        SshSession session(t);
        QString error;
        const bool connected = waitConnected(session, &error);
        if (expected.isEmpty()) {
            QVERIFY2(connected, qPrintable(error));
            const ExecResult result = run(&session, ShellCommand(QStringLiteral("hostname")));
            QCOMPARE(result.standardOutput.trimmed(), host(1).name.toUtf8());
        } else {
            QVERIFY(!connected);
            QVERIFY2(error.contains(expected), qPrintable(error));
        }
    }

    // Password login for first contact (a lab user on one host: sshd takes its password).
    void passwordAuthentication_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("connects");
        QTest::newRow("right password") << QStringLiteral("it's a $(pass) `word` ü") << true;
        QTest::newRow("wrong password") << QStringLiteral("guess") << false;
        QTest::newRow("no password") << QString() << false;
    }

    void passwordAuthentication()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        QFETCH(QString, password);
        QFETCH(bool, connects);
        const LabHost labHost = host(10);
        const QString user = QStringLiteral("sdpass");
        QString why;
        QVERIFY2(m_lab.addUser(labHost.name, user, QStringLiteral("it's a $(pass) `word` ü"), &why),
                 qPrintable(why));
        auto remove = qScopeGuard([&] { m_lab.removeUser(labHost.name, user); });
        SshTarget t = target(labHost);
        t.user = user;
        t.identityFile.clear();
        t.password = password;
        SshSession session(t);
        QString error;
        const bool connected = waitConnected(session, &error);
        QCOMPARE(connected, connects);
        if (connects) {
            const ExecResult result = run(&session, ShellCommand(QStringLiteral("id"), {QStringLiteral("-un")}));
            QCOMPARE(result.standardOutput.trimmed(), user.toUtf8());
        } else if (password.isEmpty()) {
            QVERIFY2(error.contains(QLatin1String("Authentication as sdpass")), qPrintable(error));
        } else {
            QVERIFY2(error.contains(QLatin1String("the password was refused")), qPrintable(error));
        }
        QVERIFY(!error.contains(password) || password.isEmpty()); // never in a message
    }

    void unknownHostKey_data()
    {
        QTest::addColumn<HostKeyPolicy>("policy");
        QTest::addColumn<int>("answer"); // -1: nobody answers, 0: refuse, 1: trust
        QTest::addColumn<bool>("connects");
        QTest::newRow("strict") << HostKeyPolicy::Strict << -1 << false;
        QTest::newRow("accept-new") << HostKeyPolicy::AcceptNew << -1 << true;
        QTest::newRow("ask, trusted") << HostKeyPolicy::Ask << 1 << true;
        QTest::newRow("ask, refused") << HostKeyPolicy::Ask << 0 << false;
        QTest::newRow("ask, nobody to ask") << HostKeyPolicy::Ask << -1 << false;
    }

    void unknownHostKey()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        QFETCH(HostKeyPolicy, policy);
        QFETCH(int, answer);
        QFETCH(bool, connects);
        const QString knownHosts = knownHostsCopy(/*empty=*/true);
        SshTarget t = target(host(1), knownHosts);
        t.hostKeyPolicy = policy;
        SshSession session(t);
        QStringList fingerprints;
        if (answer >= 0) {
            connect(&session, &SshSession::hostKeyConfirmationRequested, &session,
                    [&](const QString &, int, const QString &, const QString &fingerprint) {
                        fingerprints << fingerprint;
                        session.answerHostKeyQuestion(answer == 1);
                    });
        }
        QString error;
        QCOMPARE(waitConnected(session, &error), connects);
        if (answer >= 0) {
            QCOMPARE(fingerprints.size(), 1);
            QCOMPARE(fingerprints.first(), session.hostKey().sha256Fingerprint());
            // OpenSSH's format: SHA256: and 43 characters of unpadded base64.
            QVERIFY(fingerprints.first().startsWith(QLatin1String("SHA256:")));
            QCOMPARE(fingerprints.first().size(), 7 + 43);
        }
        // The fingerprint is what the lab's own known_hosts says the host serves.
        const Result<KnownHosts> labKnown = KnownHosts::load(m_lab.knownHostsFile());
        QVERIFY(labKnown);
        QCOMPARE(labKnown->check(t.host, t.port, session.hostKey()).match, KnownHosts::Match::Known);

        const Result<KnownHosts> saved = KnownHosts::load(knownHosts);
        QVERIFY(saved);
        QCOMPARE(saved->check(t.host, t.port, session.hostKey()).match,
                 connects ? KnownHosts::Match::Known : KnownHosts::Match::Unknown);
        if (!connects) {
            QVERIFY2(error.contains(session.hostKey().sha256Fingerprint()), qPrintable(error));
        } else {
            // Known now: the next connection needs nobody, even under strict.
            SshTarget again = t;
            again.hostKeyPolicy = HostKeyPolicy::Strict;
            SshSession second(again);
            QVERIFY2(waitConnected(second, &error), qPrintable(error));
        }
    }

    void changedHostKeyIsAlwaysRefused_data()
    {
        QTest::addColumn<HostKeyPolicy>("policy");
        QTest::addColumn<bool>("hashed");
        QTest::newRow("strict") << HostKeyPolicy::Strict << false;
        QTest::newRow("accept-new") << HostKeyPolicy::AcceptNew << true;
        QTest::newRow("ask") << HostKeyPolicy::Ask << false;
        QTest::newRow("ask, hashed entry") << HostKeyPolicy::Ask << true;
    }

    void changedHostKeyIsAlwaysRefused()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        QFETCH(HostKeyPolicy, policy);
        QFETCH(bool, hashed);
        // A known_hosts that lists another key of the same type for the host: what a user
        // sees after a reinstall, or under a man-in-the-middle.
        const QString forged = m_dir.filePath(QStringLiteral("forged_%1").arg(++m_fileCounter));
        QVERIFY(generateKey(forged, {QStringLiteral("-t"), QStringLiteral("ed25519")}));
        QFile pub(forged + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const HostKey forgedKey = HostKey::fromBase64(pub.readAll().split(' ').value(1));
        QVERIFY(forgedKey.isValid());

        const QString knownHosts = knownHostsCopy(/*empty=*/true);
        KnownHosts list = *KnownHosts::load(knownHosts);
        QVERIFY(list.add(host(2).address, host(2).port, forgedKey, hashed));

        SshTarget t = target(host(2), knownHosts);
        t.hostKeyPolicy = policy;
        SshSession session(t);
        int asked = 0;
        connect(&session, &SshSession::hostKeyConfirmationRequested, &session,
                [&](const QString &, int, const QString &, const QString &) {
                    ++asked;
                    session.answerHostKeyQuestion(true);
                });
        QString error;
        QVERIFY(!waitConnected(session, &error));
        QCOMPARE(asked, 0);
        QVERIFY2(error.contains(QLatin1String("CHANGED")), qPrintable(error));
        QVERIFY2(error.contains(session.hostKey().sha256Fingerprint()), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("ssh-keygen -R")), qPrintable(error));
        // The file was left alone.
        QCOMPARE(KnownHosts::load(knownHosts)->entries().size(), 1);
    }

    void exitStatusAndStreams()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshSession session(target(host(0)));
        RemoteProcess process(&session);
        process.setScript(ShellCommand(QStringLiteral("sh"),
                                       {QStringLiteral("-c"),
                                        QStringLiteral("echo out1; echo err1 >&2; printf 'no newline'; exit 7")})
                              .toString());
        QSignalSpy out(&process, &RemoteProcess::standardOutputLine);
        QSignalSpy err(&process, &RemoteProcess::standardErrorLine);
        QSignalSpy finished(&process, &RemoteProcess::finished);
        process.start();
        QVERIFY(finished.wait(kWaitMs) || !finished.isEmpty());
        const ExecResult result = process.result();
        QCOMPARE(result.exitCode, 7);
        QVERIFY(result.finished());
        QCOMPARE(out.size(), 2);
        QCOMPARE(out.at(0).first().toString(), QStringLiteral("out1"));
        QCOMPARE(out.at(1).first().toString(), QStringLiteral("no newline"));
        QCOMPARE(err.size(), 1);
        QCOMPARE(err.at(0).first().toString(), QStringLiteral("err1"));
    }

    void environmentAndStdin()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshSession session(target(host(0)));
        RemoteProcess process(&session);
        process.setScript(ShellCommand(QStringLiteral("sh"),
                                       {QStringLiteral("-c"),
                                        QStringLiteral("printf '%s|' \"$SD_ONE\"; cat")})
                              .toString());
        process.addEnvironment(QStringLiteral("SD_ONE"), QStringLiteral("it's $(id) `x`"));
        process.setStandardInput("from stdin\n");
        QSignalSpy finished(&process, &RemoteProcess::finished);
        process.start();
        QVERIFY(finished.wait(kWaitMs) || !finished.isEmpty());
        QVERIFY2(process.result().succeeded(), qPrintable(process.result().summary()));
        QCOMPARE(process.result().standardOutput, QByteArray("it's $(id) `x`|from stdin\n"));
    }

    void hostileArgumentsArriveLiterally_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::newRow("quotes") << QStringLiteral("it's \"quoted\" '''");
        QTest::newRow("command substitution") << QStringLiteral("$(touch /tmp/sd-pwned) ${HOME}");
        QTest::newRow("backticks") << QStringLiteral("`touch /tmp/sd-pwned`");
        QTest::newRow("newlines") << QStringLiteral("one\ntwo\n\nthree");
        QTest::newRow("separators") << QStringLiteral("; rm -rf /tmp/x && | & > < #");
        QTest::newRow("glob and tilde") << QStringLiteral("* ~ ?");
        QTest::newRow("backslashes") << QStringLiteral("\\ \\\\ \\n");
        QTest::newRow("unicode") << QStringLiteral("日本語 中文 ü ✓ 🚀");
        QTest::newRow("empty") << QString();
        QTest::newRow("leading dash") << QStringLiteral("-rf");
    }

    void hostileArgumentsArriveLiterally()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        QFETCH(QString, argument);
        static SshSession *session = nullptr; // one connection for all rows
        if (!session)
            session = new SshSession(target(host(0)), this);
        const ExecResult result = run(
            session, ShellCommand(QStringLiteral("printf"), {QStringLiteral("%s"), argument}));
        QVERIFY2(result.succeeded(), qPrintable(result.summary()));
        QCOMPARE(result.standardOutput, argument.toUtf8());
        // Through sudo's extra shell level too (as root, sudo is not involved but the text is).
        RemoteProcess nested(session);
        nested.setScript(ShellCommand(QStringLiteral("sh"),
                                      {QStringLiteral("-c"),
                                       ShellCommand(QStringLiteral("printf"), {QStringLiteral("%s"), argument})
                                           .toString()})
                             .toString());
        QSignalSpy finished(&nested, &RemoteProcess::finished);
        nested.start();
        QVERIFY(finished.wait(kWaitMs) || !finished.isEmpty());
        QCOMPARE(nested.result().standardOutput, argument.toUtf8());
        const ExecResult check = run(session, ShellCommand(QStringLiteral("test"),
                                                           {QStringLiteral("!"), QStringLiteral("-e"),
                                                            QStringLiteral("/tmp/sd-pwned")}));
        QCOMPARE(check.exitCode, 0);
    }

    void manyChannelsOnOneConnection()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshSession session(target(host(0)));
        QString error;
        QVERIFY2(waitConnected(session, &error), qPrintable(error));
        QSignalSpy lost(&session, &SshSession::connectionLost);
        std::vector<std::unique_ptr<RemoteProcess>> processes;
        int done = 0;
        for (int i = 0; i < 24; ++i) { // more than sshd's MaxSessions (10): they queue
            auto process = std::make_unique<RemoteProcess>(&session);
            process->setCommand(ShellCommand(QStringLiteral("echo"), {QString::number(i)}));
            connect(process.get(), &RemoteProcess::finished, this, [&done] { ++done; });
            process->start();
            processes.push_back(std::move(process));
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 24, kWaitMs);
        for (int i = 0; i < 24; ++i) {
            QVERIFY2(processes[i]->result().succeeded(), qPrintable(processes[i]->result().summary()));
            QCOMPARE(processes[i]->result().standardOutput, QByteArray::number(i) + '\n');
        }
        QVERIFY(lost.isEmpty());
        QVERIFY(session.isConnected());
    }

    void fanOutOnAllHosts()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        QVERIFY(m_lab.hosts().size() >= 16);
        SshSessionPool pool;
        QList<SshTarget> targets;
        for (const LabHost &labHost : m_lab.hosts())
            targets << target(labHost);
        for (int round = 0; round < 2; ++round) { // the second round reuses the connections
            SshFanOut fanOut(&pool);
            fanOut.setTargets(targets);
            fanOut.setCommand(ShellCommand(QStringLiteral("hostname")));
            fanOut.setParallelism(16);
            QSignalSpy finished(&fanOut, &SshFanOut::finished);
            fanOut.start();
            QVERIFY(finished.wait(kWaitMs) || !finished.isEmpty());
            QCOMPARE(fanOut.results().size(), targets.size());
            for (int i = 0; i < targets.size(); ++i) {
                const ExecResult &result = fanOut.results().at(i);
                QVERIFY2(result.succeeded(), qPrintable(result.summary()));
                QCOMPARE(result.standardOutput.trimmed(), m_lab.hosts().at(i).name.toUtf8());
            }
            QCOMPARE(pool.sessions().size(), targets.size());
        }
    }

    void fanOutBoundedParallelism()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshSessionPool pool;
        QList<SshTarget> targets;
        for (int i = 0; i < 6; ++i)
            targets << target(host(i));
        SshFanOut fanOut(&pool);
        fanOut.setTargets(targets);
        fanOut.setCommand(ShellCommand(QStringLiteral("true")));
        fanOut.setParallelism(2);
        int active = 0;
        int maxActive = 0;
        connect(&fanOut, &SshFanOut::hostStarted, this, [&] { maxActive = qMax(maxActive, ++active); });
        connect(&fanOut, &SshFanOut::hostFinished, this, [&] { --active; });
        QSignalSpy finished(&fanOut, &SshFanOut::finished);
        fanOut.start();
        QVERIFY(finished.wait(kWaitMs) || !finished.isEmpty());
        QCOMPARE(maxActive, 2);
        for (const ExecResult &result : fanOut.results())
            QVERIFY2(result.succeeded(), qPrintable(result.summary()));
    }

    void commandTimeout()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshSession session(target(host(3)));
        const ExecResult result = run(&session, ShellCommand(QStringLiteral("sleep"), {QStringLiteral("30")}),
                                      /*timeoutMs=*/300);
        QVERIFY(!result.finished());
        QVERIFY2(result.error.contains(QLatin1String("did not finish within")), qPrintable(result.error));
        // The connection is still good for the next command.
        const ExecResult next = run(&session, ShellCommand(QStringLiteral("echo"), {QStringLiteral("ok")}));
        QVERIFY2(next.succeeded(), qPrintable(next.summary()));
    }

    void cancelCommand()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshSession session(target(host(3)));
        RemoteProcess process(&session);
        process.setCommand(ShellCommand(QStringLiteral("sleep"), {QStringLiteral("30")}));
        QSignalSpy started(&process, &RemoteProcess::started);
        QSignalSpy finished(&process, &RemoteProcess::finished);
        process.start();
        QVERIFY(started.wait(kWaitMs) || !started.isEmpty());
        process.cancel();
        QCOMPARE(finished.size(), 1); // at once, not when sleep ends
        QVERIFY(process.result().error.contains(QLatin1String("Cancelled")));
        const ExecResult next = run(&session, ShellCommand(QStringLiteral("echo"), {QStringLiteral("ok")}));
        QVERIFY2(next.succeeded(), qPrintable(next.summary()));
    }

    void cancelFanOut()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshSessionPool pool;
        QList<SshTarget> targets;
        for (int i = 0; i < 8; ++i)
            targets << target(host(i));
        SshFanOut fanOut(&pool);
        fanOut.setTargets(targets);
        fanOut.setCommand(ShellCommand(QStringLiteral("sleep"), {QStringLiteral("30")}));
        fanOut.setParallelism(4);
        QSignalSpy started(&fanOut, &SshFanOut::hostStarted);
        QSignalSpy finished(&fanOut, &SshFanOut::finished);
        fanOut.start();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 4, kWaitMs);
        fanOut.cancel();
        QCOMPARE(finished.size(), 1);
        for (const ExecResult &result : fanOut.results())
            QVERIFY(result.error.contains(QLatin1String("Cancelled")));
    }

    // Cancel and timeout stop the command on the host too, with the children it started.
    void stoppingEndsTheRemoteCommand_data()
    {
        QTest::addColumn<bool>("byTimeout");
        QTest::addColumn<bool>("ignoresTerm");
        QTest::newRow("cancel") << false << false;
        QTest::newRow("timeout") << true << false;
        QTest::newRow("cancel, TERM ignored: KILL follows") << false << true;
    }

    void stoppingEndsTheRemoteCommand()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        QFETCH(bool, byTimeout);
        QFETCH(bool, ignoresTerm);
        SshSession session(target(host(3)));
        RemoteProcess process(&session);
        // A background child and a foreground one; their PIDs are this machine's (shared PID space).
        process.setCommand(ShellCommand(
            QStringLiteral("sh"),
            {QStringLiteral("-c"),
             QString(ignoresTerm ? QStringLiteral("trap '' TERM; ") : QString())
                 + QStringLiteral("sleep 300 & echo $!; sh -c 'echo $$; exec sleep 301'")}));
        if (byTimeout)
            process.setTimeout(1500);
        QStringList pids;
        connect(&process, &RemoteProcess::standardOutputLine, this,
                [&](const QString &line) { pids << line; });
        QSignalSpy finished(&process, &RemoteProcess::finished);
        process.start();
        QTRY_COMPARE_WITH_TIMEOUT(pids.size(), 2, kWaitMs);
        QVERIFY(process.remoteProcessGroup() > 1);
        QVERIFY(processAlive(pids.at(0)) && processAlive(pids.at(1)));
        if (byTimeout)
            QVERIFY(finished.wait(kWaitMs) || !finished.isEmpty());
        else
            process.cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!process.result().finished());
        QVERIFY2(!process.result().standardError.contains("sparkdeck-pgid"),
                 process.result().standardError.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pids.at(0)) && !processAlive(pids.at(1)), kWaitMs);
        const ExecResult next = run(&session, ShellCommand(QStringLiteral("echo"), {QStringLiteral("ok")}));
        QVERIFY2(next.succeeded(), qPrintable(next.summary()));
        QCOMPARE(next.standardError, QByteArray());
    }

    // Without stopping (setStopOnCancel(false)) nothing is prepended and nothing is killed.
    void stopOnCancelCanBeTurnedOff()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshSession session(target(host(3)));
        RemoteProcess process(&session);
        process.setStopOnCancel(false);
        process.setCommand(ShellCommand(QStringLiteral("sh"),
                                        {QStringLiteral("-c"), QStringLiteral("echo $$; exec sleep 3")}));
        QStringList pids;
        connect(&process, &RemoteProcess::standardOutputLine, this,
                [&](const QString &line) { pids << line; });
        process.start();
        QTRY_COMPARE_WITH_TIMEOUT(pids.size(), 1, kWaitMs);
        QCOMPARE(process.remoteProcessGroup(), 0);
        process.cancel();
        QTest::qWait(500);
        QVERIFY(processAlive(pids.first()));
    }

    void abortWhileConnecting()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost unplugged = host(4);
        QString why;
        QVERIFY2(m_lab.disconnect(unplugged.name, &why), qPrintable(why));
        auto replug = qScopeGuard([&] { m_lab.reconnect(unplugged.name); });
        SshSession session(target(unplugged));
        QSignalSpy failed(&session, &SshSession::connectionFailed);
        session.connectToHost();
        QTest::qWait(200);
        session.abort();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(session.state(), SshSession::State::Disconnected);
    }

    void connectTimeoutIsClear()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost unplugged = host(4);
        QString why;
        QVERIFY2(m_lab.disconnect(unplugged.name, &why), qPrintable(why));
        auto replug = qScopeGuard([&] { m_lab.reconnect(unplugged.name); });
        SshTarget t = target(unplugged);
        t.connectTimeoutMs = 1000;
        SshSession session(t);
        QString error;
        QVERIFY(!waitConnected(session, &error));
        QVERIFY2(error.contains(QLatin1String("timed out")), qPrintable(error));
        QVERIFY2(error.contains(unplugged.address), qPrintable(error));
    }

    void silentDropIsDetected()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost victim = host(5);
        SshTarget t = target(victim);
        t.keepaliveIntervalSec = 1;
        t.keepaliveCountMax = 2;
        SshSession session(t);
        QString error;
        QVERIFY2(waitConnected(session, &error), qPrintable(error));
        RemoteProcess process(&session);
        process.setCommand(ShellCommand(QStringLiteral("sleep"), {QStringLiteral("120")}));
        QSignalSpy started(&process, &RemoteProcess::started);
        QSignalSpy finished(&process, &RemoteProcess::finished);
        QSignalSpy lost(&session, &SshSession::connectionLost);
        process.start();
        QVERIFY(started.wait(kWaitMs) || !started.isEmpty());
        QString why;
        QVERIFY2(m_lab.disconnect(victim.name, &why), qPrintable(why));
        auto replug = qScopeGuard([&] { m_lab.reconnect(victim.name); });
        QVERIFY(finished.wait(kWaitMs) || !finished.isEmpty());
        QCOMPARE(lost.size(), 1);
        QVERIFY2(process.result().error.contains(QLatin1String("lost")),
                 qPrintable(process.result().error));
        QVERIFY2(process.result().error.contains(victim.address), qPrintable(process.result().error));
    }

    // An idle session hears nothing (keepalives want no reply): the first command after a long
    // quiet spell must not count that spell as "no answer".
    void idleSessionIsNotTakenForLost()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshTarget t = target(host(5));
        t.keepaliveIntervalSec = 1;
        t.keepaliveCountMax = 1; // "lost" after 2 s of silence while waiting
        SshSession session(t);
        QString error;
        QVERIFY2(waitConnected(session, &error), qPrintable(error));
        for (int i = 0; i < 3; ++i) {
            QTest::qWait(2600);
            const ExecResult result = run(&session, ShellCommand(QStringLiteral("echo"), {QStringLiteral("ok")}));
            QVERIFY2(result.succeeded(), qPrintable(result.summary()));
        }
    }

    void sshdDiesMidCommand()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        SshSessionPool pool;
        QList<SshTarget> targets;
        for (int i = 6; i < 10; ++i)
            targets << target(host(i));
        const LabHost victim = host(7);
        SshFanOut fanOut(&pool);
        fanOut.setTargets(targets);
        // Starts, says so, then waits long enough for the victim's sshd to be killed.
        fanOut.setCommand(ShellCommand(QStringLiteral("sh"),
                                       {QStringLiteral("-c"), QStringLiteral("echo begun; sleep 4; echo done")}));
        int begun = 0;
        connect(&fanOut, &SshFanOut::outputLine, this, [&](int, const QString &line) {
            if (line == QLatin1String("begun"))
                ++begun;
        });
        QSignalSpy finished(&fanOut, &SshFanOut::finished);
        fanOut.start();
        QTRY_COMPARE_WITH_TIMEOUT(begun, 4, kWaitMs);
        QString why;
        QVERIFY2(m_lab.stopSshd(victim.name, &why), qPrintable(why));
        auto restart = qScopeGuard([&] { m_lab.startSshd(victim.name); });
        QVERIFY(finished.wait(kWaitMs) || !finished.isEmpty());
        for (int i = 0; i < targets.size(); ++i) {
            const ExecResult &result = fanOut.results().at(i);
            if (targets.at(i).host == victim.address) {
                QVERIFY(!result.finished());
                QVERIFY2(result.error.contains(victim.address), qPrintable(result.error));
                QVERIFY2(result.error.contains(QLatin1String("closed by the remote side"))
                             || result.error.contains(QLatin1String("lost")),
                         qPrintable(result.error));
            } else {
                QVERIFY2(result.succeeded(), qPrintable(result.summary()));
                QCOMPARE(result.standardOutput, QByteArray("begun\ndone\n"));
            }
        }
        // Reconnect on demand once sshd is back.
        QVERIFY2(m_lab.startSshd(victim.name, &why), qPrintable(why));
        restart.dismiss();
        SshSession *session = pool.session(target(victim));
        QCOMPARE(session->state(), SshSession::State::Disconnected);
        const ExecResult again = run(session, ShellCommand(QStringLiteral("hostname")));
        QVERIFY2(again.succeeded(), qPrintable(again.summary()));
        QCOMPARE(again.standardOutput.trimmed(), victim.name.toUtf8());
    }
};

QTEST_GUILESS_MAIN(tst_SshSession)
#include "tst_sshsession.moc"
