#include "keyinstaller.h"

#include "ssh/hostkey.h"
#include "ssh/remoteprocess.h"
#include "ssh/shellcommand.h"
#include "ssh/sshlogging.h"
#include "ssh/sshsession.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTimer>

namespace SparkDeck {

namespace {

// Runs as the user, in the user's home. $1 is the whole key line, $2 its "type base64" part.
// A fixed text: the key reaches it only as a quoted argument (ARCHITECTURE.md, rule 7).
const char kInstallScript[] = R"sh(set -e
umask 077
cd
mkdir -p .ssh
chmod 700 .ssh
f=.ssh/authorized_keys
[ -e "$f" ] || : > "$f"
chmod 600 "$f"
if awk -v k="$2" '{ for (i = 1; i < NF; i++) if ($i " " $(i + 1) == k) found = 1 } END { exit !found }' "$f"; then
    echo sparkdeck-key-present
    exit 0
fi
if [ -s "$f" ] && [ -n "$(tail -c 1 "$f")" ]; then echo >> "$f"; fi
printf '%s\n' "$1" >> "$f"
if command -v restorecon >/dev/null 2>&1; then restorecon -R .ssh >/dev/null 2>&1 || true; fi
echo sparkdeck-key-added)sh";

const QStringList kKeyTypes = {
    QStringLiteral("ssh-ed25519"),
    QStringLiteral("ecdsa-sha2-nistp256"),
    QStringLiteral("ecdsa-sha2-nistp384"),
    QStringLiteral("ecdsa-sha2-nistp521"),
    QStringLiteral("sk-ssh-ed25519@openssh.com"),
    QStringLiteral("sk-ecdsa-sha2-nistp256@openssh.com"),
    QStringLiteral("ssh-rsa"),
};

} // namespace

KeyInstaller::KeyInstaller(SshSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
}

KeyInstaller::~KeyInstaller()
{
    if (m_process) {
        m_process->disconnect(this);
        delete m_process;
    }
}

Result<QString> KeyInstaller::parsePublicKey(const QString &text)
{
    const QString line = text.trimmed();
    if (line.isEmpty())
        return Error{tr("The public key is empty.")};
    for (const QChar c : line) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\t'))
            return Error{tr("A public key is one line of text; this one has line breaks or "
                            "control characters.")};
    }
    static const QRegularExpression blanks(QStringLiteral("[ \\t]+"));
    const QStringList fields = line.split(blanks, Qt::SkipEmptyParts);
    if (fields.size() < 2 || !kKeyTypes.contains(fields.at(0))) {
        return Error{tr("This is not an OpenSSH public key line (\"ssh-ed25519 AAAA... comment\"); "
                        "it starts with \"%1\". Use the .pub file, without options.")
                         .arg(fields.value(0).left(40))};
    }
    const HostKey key = HostKey::fromBase64(fields.at(1).toLatin1());
    if (!key.isValid() || key.toBase64() != fields.at(1).toLatin1())
        return Error{tr("The key data of this %1 public key is damaged (not valid base64).")
                         .arg(fields.at(0))};
    if (key.type() != fields.at(0))
        return Error{tr("This public key says it is %1 but its key data is %2.")
                         .arg(fields.at(0), key.type())};
    QString canonical = fields.at(0) + QLatin1Char(' ') + fields.at(1);
    if (fields.size() > 2)
        canonical += QLatin1Char(' ') + fields.mid(2).join(QLatin1Char(' '));
    return canonical;
}

Status KeyInstaller::setPublicKey(const QString &line)
{
    const Result<QString> parsed = parsePublicKey(line);
    if (!parsed)
        return Error{parsed.errorMessage()};
    m_key = *parsed;
    return success();
}

Status KeyInstaller::setPublicKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot read the public key %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString())};
    const QByteArray data = file.read(64 * 1024);
    const Result<QString> parsed = parsePublicKey(QString::fromUtf8(data));
    if (!parsed)
        return Error{QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), parsed.errorMessage())};
    m_key = *parsed;
    return success();
}

void KeyInstaller::start()
{
    if (m_running)
        return;
    m_running = true;
    m_error.clear();
    m_alreadyInstalled = false;
    if (!m_session || m_key.isEmpty()) {
        const QString error = m_session ? tr("No public key was given.") : tr("No SSH session.");
        QTimer::singleShot(0, this, [this, error] { finish(error); });
        return;
    }
    const QString typeAndData = m_key.section(QLatin1Char(' '), 0, 1);
    auto *process = new RemoteProcess(m_session, this);
    m_process = process;
    process->setCommand(ShellCommand(QStringLiteral("sh"),
                                     {QStringLiteral("-c"), QString::fromLatin1(kInstallScript),
                                      QStringLiteral("sparkdeck-install-key"), m_key, typeAndData}));
    process->setTimeout(60000);
    connect(process, &RemoteProcess::finished, this, &KeyInstaller::handleFinished);
    process->start();
}

void KeyInstaller::handleFinished(const ExecResult &result)
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    const QString where = m_session ? m_session->target().displayName() : QString();
    if (!result.finished()) {
        finish(result.error);
        return;
    }
    const QByteArray out = result.standardOutput;
    if (result.exitCode != 0 || !(out.contains("sparkdeck-key-added") || out.contains("sparkdeck-key-present"))) {
        const QString detail = QString::fromUtf8(result.standardError.trimmed());
        finish(tr("Cannot add the key to ~/.ssh/authorized_keys of %1: %2")
                   .arg(where, detail.isEmpty() ? result.summary() : detail));
        return;
    }
    m_alreadyInstalled = out.contains("sparkdeck-key-present");
    qCInfo(lcSsh) << where << (m_alreadyInstalled ? "already had the key" : "got the key");
    finish(QString());
}

void KeyInstaller::cancel()
{
    if (!m_running)
        return;
    if (m_process) {
        m_process->disconnect(this);
        m_process->cancel();
        m_process->deleteLater();
        m_process = nullptr;
    }
    finish(tr("Cancelled."));
}

void KeyInstaller::finish(const QString &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_error = error;
    Q_EMIT finished(error);
}

} // namespace SparkDeck
