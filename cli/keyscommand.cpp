#include "keyscommand.h"

#include "clustertargets.h"
#include "sshprompts.h"
#include "terminalprompt.h"

#include "ssh/hostkey.h"
#include "ssh/keygenerator.h"
#include "ssh/keyinstaller.h"
#include "ssh/privatekeyinfo.h"
#include "ssh/shellcommand.h"
#include "ssh/sshfanout.h"
#include "ssh/sshsessionpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLoggingCategory>

#include <iostream>
#include <string>

namespace SparkDeck::Cli {

namespace {

constexpr int kUnreachableExitCode = 255;

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Cli", text, nullptr, n);
}

QString fingerprintOf(const QString &publicKeyLine)
{
    const HostKey key = HostKey::fromBase64(publicKeyLine.section(QLatin1Char(' '), 1, 1).toLatin1());
    return key.isValid() ? key.sha256Fingerprint() : QString();
}

} // namespace

QString KeysCommand::summary() const
{
    return tr("Show, generate (--generate, ed25519) or install (--install, by password) the "
              "cluster's SSH key on its hosts.");
}

void KeysCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("generate"),
                      tr("Make an ed25519 key pair at the key's path when there is none (never "
                         "overwrites).")});
    parser.addOption({QStringLiteral("install"),
                      tr("Add the public key to ~/.ssh/authorized_keys on the hosts, logging in "
                         "by password, then check that the key alone logs in.")});
    parser.addOption({QStringLiteral("key"),
                      tr("The private key file (default: ssh.identity of the cluster file); the "
                         "public key is FILE.pub."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("hosts"),
                      tr("Only these hosts (comma-separated addresses from the cluster file)."),
                      QStringLiteral("a,b")});
    parser.addOption({QStringLiteral("password-stdin"),
                      tr("Read the login password from the first line of stdin instead of asking.")});
    parser.addOption({QStringLiteral("verbose"), tr("Log the SSH engine's work to stderr.")});
}

int KeysCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << usageLine() << '\n';
        return BadInput;
    }
    const auto cluster = loadClusterTargets(positional.first(), parser.value(QStringLiteral("hosts")),
                                            name(), err);
    if (!cluster)
        return BadInput;
    QLoggingCategory::setFilterRules(parser.isSet(QStringLiteral("verbose"))
                                         ? QStringLiteral("sparkdeck.ssh.debug=true")
                                         : QStringLiteral("sparkdeck.ssh.warning=false"));
    const QString keyFile = parser.isSet(QStringLiteral("key"))
                                ? SshTarget::expandHome(parser.value(QStringLiteral("key")))
                                : SshTarget::expandHome(cluster->spec.machines.ssh.identity);
    const QString publicFile = keyFile + QStringLiteral(".pub");
    const QString nativeKey = QDir::toNativeSeparators(keyFile);

    // 1. The key pair: there, or made now.
    if (!QFileInfo::exists(keyFile) && !QFileInfo::exists(publicFile)) {
        if (!parser.isSet(QStringLiteral("generate"))) {
            err << tr("There is no key %1. Make one with: sparkdeck-cli keys %2 --generate")
                       .arg(nativeKey, positional.first())
                << '\n';
            return parser.isSet(QStringLiteral("install")) ? BadInput : Failure;
        }
        KeyGenerator generator;
        generator.setKeyFile(keyFile);
        QEventLoop loop;
        QObject::connect(&generator, &KeyGenerator::finished, &loop, &QEventLoop::quit);
        generator.start();
        loop.exec();
        if (!generator.errorMessage().isEmpty()) {
            err << generator.errorMessage() << '\n';
            return Failure;
        }
        out << tr("Made a new ed25519 key pair: %1 and %1.pub (no passphrase; add one with "
                  "ssh-keygen -p -f %1).")
                   .arg(nativeKey)
            << '\n';
    } else if (parser.isSet(QStringLiteral("generate"))) {
        out << tr("%1 exists already; it is left as it is (SparkDeck never overwrites a key).")
                   .arg(nativeKey)
            << '\n';
    }

    // 2. The public key, and whether SparkDeck can log in with it.
    KeyInstaller probe(nullptr);
    const Status readable = probe.setPublicKeyFile(publicFile);
    if (!readable) {
        err << readable.errorMessage() << '\n';
        if (QFileInfo::exists(keyFile))
            err << tr("Write the public key of %1 with: ssh-keygen -y -f %1 > %2")
                       .arg(nativeKey, QDir::toNativeSeparators(publicFile))
                << '\n';
        return Failure;
    }
    const QString publicKey = probe.publicKey();
    const PrivateKeyInfo info = PrivateKeyInfo::inspect(keyFile);
    out << tr("Key: %1 (%2 %3%4)")
               .arg(nativeKey, publicKey.section(QLatin1Char(' '), 0, 0), fingerprintOf(publicKey),
                    info.isReadable() && info.isEncrypted() ? tr(", passphrase") : QString())
        << '\n';
    out.flush();
    if (publicKey.startsWith(QLatin1String("ssh-rsa "))) {
        err << PrivateKeyInfo::rsaExplanation(tr("The key %1").arg(nativeKey)) << '\n';
        return Failure;
    }
    if (!parser.isSet(QStringLiteral("install")))
        return Success;

    // 3. The password, never from the command line.
    QString password;
    if (parser.isSet(QStringLiteral("password-stdin"))) {
        std::string line;
        if (!std::getline(std::cin, line)) {
            err << tr("--password-stdin: nothing was read from stdin.") << '\n';
            return BadInput;
        }
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        password = QString::fromStdString(line);
    } else if (TerminalPrompt::isInteractive()) {
        QStringList users;
        for (const SshTarget &target : cluster->targets) {
            if (!users.contains(target.user))
                users << target.user;
        }
        const auto answer = TerminalPrompt::askSecret(
            tr("Password of %1 on the %n host(s) (empty: log in by key or agent only): ",
               int(cluster->targets.size()))
                .arg(users.join(QStringLiteral(", "))));
        password = answer.value_or(QString());
    } else {
        err << tr("No terminal to ask for a password: logging in by key or agent only (give "
                  "the password with --password-stdin).")
            << '\n';
    }

    QList<SshTarget> loginTargets = cluster->targets;
    for (SshTarget &target : loginTargets)
        target.password = password;
    SshSessionPool pool;
    askAtTerminal(pool);
    int width = 0;
    for (const SshTarget &target : loginTargets)
        width = qMax(width, int(target.host.size()));
    auto prefix = [&](const SshTarget &target) { return QStringLiteral("%1 | ").arg(target.host, -width); };

    int worst = 0;
    QList<int> installed;
    {
        QEventLoop loop;
        int pending = int(loginTargets.size());
        std::vector<std::unique_ptr<KeyInstaller>> installers;
        for (int index = 0; index < loginTargets.size(); ++index) {
            const SshTarget &target = loginTargets.at(index);
            SshSession *session = pool.session(target);
            auto installer = std::make_unique<KeyInstaller>(session);
            installer->setPublicKey(publicKey);
            QObject::connect(installer.get(), &KeyInstaller::finished, &loop,
                             [&, index, session, raw = installer.get()](const QString &error) {
                                 const SshTarget &t = loginTargets.at(index);
                                 if (error.isEmpty()) {
                                     installed << index;
                                     out << prefix(t)
                                         << (raw->wasAlreadyInstalled()
                                                 ? tr("the key was there already")
                                                 : tr("key added to ~%1/.ssh/authorized_keys").arg(t.user))
                                         << '\n';
                                     out.flush();
                                 } else {
                                     err << prefix(t) << error << '\n';
                                     err.flush();
                                     worst = qMax(worst, session->isConnected() ? 1 : kUnreachableExitCode);
                                 }
                                 if (--pending == 0)
                                     loop.quit();
                             });
            installers.push_back(std::move(installer));
        }
        for (auto &installer : installers)
            installer->start();
        if (pending > 0)
            loop.exec();
    }
    pool.clear();

    // 4. Proof: the key alone logs in (no password, no agent).
    if (!installed.isEmpty()) {
        QList<SshTarget> keyTargets;
        for (int index : std::as_const(installed)) {
            SshTarget target = cluster->targets.at(index);
            target.password.clear();
            target.useAgent = false;
            target.identityFile = keyFile;
            keyTargets << target;
        }
        SshSessionPool keyPool;
        askAtTerminal(keyPool);
        SshFanOut check(&keyPool);
        check.setTargets(keyTargets);
        check.setCommand(ShellCommand(QStringLiteral("true")));
        QEventLoop loop;
        QObject::connect(&check, &SshFanOut::finished, &loop, &QEventLoop::quit);
        check.start();
        if (check.isRunning())
            loop.exec();
        for (int i = 0; i < keyTargets.size(); ++i) {
            const ExecResult &result = check.results().at(i);
            if (result.succeeded()) {
                out << prefix(keyTargets.at(i)) << tr("the key logs in") << '\n';
            } else {
                err << prefix(keyTargets.at(i)) << tr("the key does not log in yet: %1").arg(result.summary())
                    << '\n';
                worst = qMax(worst, 1);
            }
        }
    }
    return worst;
}

} // namespace SparkDeck::Cli
