#include "keygenerator.h"

#include "ssh/sshlogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QProcess>
#include <QTimer>

namespace SparkDeck {

KeyGenerator::KeyGenerator(QObject *parent) : QObject(parent) {}

KeyGenerator::~KeyGenerator()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
        delete m_process;
    }
}

QString KeyGenerator::defaultComment()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    if (user.isEmpty())
        user = QStringLiteral("user");
    return QStringLiteral("%1@%2 (SparkDeck)").arg(user, QHostInfo::localHostName());
}

void KeyGenerator::start()
{
    if (m_running)
        return;
    m_running = true;
    m_error.clear();
    m_publicKey.clear();
    auto failSoon = [this](const QString &error) {
        QTimer::singleShot(0, this, [this, error] { finish(error); });
    };
    if (m_keyFile.isEmpty())
        return failSoon(tr("No file was given for the new key."));
    const QString native = QDir::toNativeSeparators(m_keyFile);
    const QString pub = m_keyFile + QStringLiteral(".pub");
    if (QFileInfo::exists(m_keyFile) || QFileInfo(m_keyFile).isSymLink())
        return failSoon(tr("%1 exists already; SparkDeck never overwrites a key. Use it, or "
                           "choose another file for the new key.")
                            .arg(native));
    if (QFileInfo::exists(pub) || QFileInfo(pub).isSymLink())
        return failSoon(tr("%1 exists already (without its private key %2); SparkDeck never "
                           "overwrites a key. Move it away, or choose another file.")
                            .arg(QDir::toNativeSeparators(pub), native));
    const QString comment = m_comment.isEmpty() ? defaultComment() : m_comment;
    for (const QChar c : comment) {
        if (c.category() == QChar::Other_Control)
            return failSoon(tr("The key's comment must be one line of text."));
    }
    const QFileInfo info(m_keyFile);
    const QString folder = info.absolutePath();
    if (!QFileInfo(folder).isDir()) {
        if (!QDir().mkpath(folder))
            return failSoon(tr("Cannot create the folder %1 for the new key.")
                                .arg(QDir::toNativeSeparators(folder)));
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                          | QFileDevice::ExeOwner);
    }

    auto *process = new QProcess(this);
    m_process = process;
    process->setProgram(m_program);
    // -N '' is an empty passphrase (see the class comment); nothing secret is on this line.
    process->setArguments({QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                           QStringLiteral("-N"), QString(), QStringLiteral("-C"), comment,
                           QStringLiteral("-f"), m_keyFile});
    process->setStandardInputFile(QProcess::nullDevice());
    connect(process, &QProcess::finished, this, &KeyGenerator::handleFinished);
    connect(process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(tr("%1 could not be started (%2). Install the OpenSSH client (Debian and "
                      "Ubuntu: openssh-client; Windows: the optional feature \"OpenSSH Client\"), "
                      "or make a key with any SSH tool and choose it.")
                       .arg(m_program, m_process ? m_process->errorString() : QString()));
    });
    qCDebug(lcSsh) << "generating an ed25519 key in" << m_keyFile;
    process->start();
}

void KeyGenerator::handleFinished()
{
    if (!m_running || !m_process)
        return;
    QProcess *process = m_process;
    const QString output = QString::fromLocal8Bit(process->readAllStandardError()
                                                  + process->readAllStandardOutput())
                               .trimmed();
    if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
        finish(tr("ssh-keygen could not make %1: %2")
                   .arg(QDir::toNativeSeparators(m_keyFile),
                        output.isEmpty() ? tr("exit code %1").arg(process->exitCode()) : output));
        return;
    }
    QFile pub(m_keyFile + QStringLiteral(".pub"));
    if (!pub.open(QIODevice::ReadOnly)) {
        finish(tr("ssh-keygen did not write %1.").arg(QDir::toNativeSeparators(pub.fileName())));
        return;
    }
    m_publicKey = QString::fromUtf8(pub.readAll()).trimmed();
    QFile::setPermissions(m_keyFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qCInfo(lcSsh) << "generated an ed25519 key in" << m_keyFile;
    finish(QString());
}

void KeyGenerator::cancel()
{
    if (!m_running)
        return;
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
        m_process->deleteLater();
        m_process = nullptr;
        // A half-written pair is no key: remove what this run made (it made them: they did not
        // exist before start()).
        QFile::remove(m_keyFile);
        QFile::remove(m_keyFile + QStringLiteral(".pub"));
    }
    finish(tr("Cancelled."));
}

void KeyGenerator::finish(const QString &error)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    m_error = error;
    Q_EMIT finished(error);
}

} // namespace SparkDeck
