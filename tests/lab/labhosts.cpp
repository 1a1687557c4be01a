#include "labhosts.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

namespace SparkDeck::Test {

namespace {

QString readTrimmed(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace

LabHosts LabHosts::fromEnvironment()
{
    const QString dir = qEnvironmentVariable("SPARKDECK_LAB_DIR");
    if (dir.isEmpty()) {
        LabHosts lab;
        lab.m_unavailableReason = QStringLiteral(
            "SPARKDECK_LAB_DIR is not set: run lab tests through ctest (fixture 'lab'), or start "
            "a lab with tests/lab/lab-hosts.sh up 4 and export "
            "SPARKDECK_LAB_DIR=/tmp/sparkdeck-lab");
        return lab;
    }
    return fromDirectory(dir);
}

LabHosts LabHosts::fromDirectory(const QString &labDir)
{
    LabHosts lab;
    lab.m_dir = QDir(labDir).absolutePath();
    const QString unavailable = readTrimmed(lab.m_dir + QStringLiteral("/unavailable"));
    if (!unavailable.isEmpty()) {
        lab.m_unavailableReason = unavailable;
        return lab;
    }
    QFile hostsFile(lab.m_dir + QStringLiteral("/hosts.txt"));
    if (!hostsFile.open(QIODevice::ReadOnly)) {
        lab.m_unavailableReason = QStringLiteral("no lab is up in %1 (no hosts.txt): run "
                                                 "tests/lab/lab-hosts.sh up N with "
                                                 "SPARKDECK_LAB_DIR=%1")
                                      .arg(lab.m_dir);
        return lab;
    }
    const QStringList lines = QString::fromUtf8(hostsFile.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QStringList fields = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (fields.size() == 2)
            lab.m_hosts.append(LabHost{fields.at(0), fields.at(1)});
    }
    if (lab.m_hosts.isEmpty()) {
        lab.m_unavailableReason = QStringLiteral("%1/hosts.txt lists no hosts").arg(lab.m_dir);
        return lab;
    }

    const QStringList state
        = readTrimmed(lab.m_dir + QStringLiteral("/lab.state")).split(QLatin1Char('\n'));
    for (const QString &line : state) {
        if (line.startsWith(QLatin1String("private_dirs=")))
            lab.m_privateDirs = line.mid(13).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    lab.m_unavailableReason.clear();
    return lab;
}

std::optional<LabHost> LabHosts::host(const QString &name) const
{
    for (const LabHost &h : m_hosts) {
        if (h.name == name)
            return h;
    }
    return std::nullopt;
}

QString LabHosts::identityFile() const
{
    return m_dir + QStringLiteral("/keys/id_ed25519");
}
QString LabHosts::ecdsaIdentityFile() const
{
    return m_dir + QStringLiteral("/keys/id_ecdsa");
}
QString LabHosts::knownHostsFile() const
{
    return m_dir + QStringLiteral("/known_hosts");
}
QString LabHosts::sshConfigFile() const
{
    return m_dir + QStringLiteral("/ssh_config");
}
QStringList LabHosts::privateDirs() const
{
    return m_privateDirs;
}

QString LabHosts::hostPath(const QString &host, const QString &path) const
{
    const QString clean = QDir::cleanPath(path);
    for (const QString &dir : m_privateDirs) {
        if (clean == dir || clean.startsWith(dir + QLatin1Char('/')))
            return m_dir + QStringLiteral("/hosts/") + host + QStringLiteral("/root") + clean;
    }
    return clean;
}

bool LabHosts::stopSshd(const QString &host, QString *errorMessage) const
{
    return runScript({QStringLiteral("stop-sshd"), host}, nullptr, errorMessage);
}

bool LabHosts::startSshd(const QString &host, QString *errorMessage) const
{
    return runScript({QStringLiteral("start-sshd"), host}, nullptr, errorMessage);
}

bool LabHosts::rekey(const QString &host, QString *errorMessage) const
{
    return runScript({QStringLiteral("rekey"), host}, nullptr, errorMessage);
}

bool LabHosts::restoreHostKey(const QString &host, QString *errorMessage) const
{
    return runScript({QStringLiteral("restore-key"), host}, nullptr, errorMessage);
}

bool LabHosts::disconnect(const QString &host, QString *errorMessage) const
{
    return runScript({QStringLiteral("disconnect"), host}, nullptr, errorMessage);
}

bool LabHosts::reconnect(const QString &host, QString *errorMessage) const
{
    return runScript({QStringLiteral("reconnect"), host}, nullptr, errorMessage);
}

bool LabHosts::runOnHost(const QString &host, const QStringList &command, QByteArray *output,
                         QString *errorMessage) const
{
    return runScript(QStringList{QStringLiteral("exec"), host, QStringLiteral("--")} + command,
                     output, errorMessage);
}

bool LabHosts::addUser(const QString &host, const QString &user, const QString &password,
                       QString *errorMessage) const
{
    return runScript({QStringLiteral("add-user"), host, user}, nullptr, errorMessage,
                     password.toUtf8() + '\n');
}

bool LabHosts::removeUser(const QString &host, const QString &user, QString *errorMessage) const
{
    return runScript({QStringLiteral("del-user"), host, user}, nullptr, errorMessage);
}

QString LabHosts::userHome(const QString &host, const QString &user) const
{
    return QStringLiteral("%1/hosts/%2/home/%3").arg(m_dir, host, user);
}

QString LabHosts::scriptPath()
{
    return QStringLiteral(SPARKDECK_LAB_SCRIPT);
}

bool LabHosts::runScript(const QStringList &arguments, QByteArray *output,
                         QString *errorMessage, const QByteArray &input) const
{
    auto fail = [&](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return false;
    };
    if (!available())
        return fail(m_unavailableReason);

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SPARKDECK_LAB_DIR"), m_dir);
    process.setProcessEnvironment(env);
    process.setProgram(scriptPath());
    process.setArguments(arguments);
    process.start();
    if (!process.waitForStarted(10000))
        return fail(QStringLiteral("cannot run %1: %2").arg(scriptPath(), process.errorString()));
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return fail(QStringLiteral("%1 %2 did not finish within 60 s")
                        .arg(scriptPath(), arguments.join(QLatin1Char(' '))));
    }
    const QByteArray out = process.readAllStandardOutput();
    if (output)
        *output = out;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
        return fail(QStringLiteral("lab-hosts.sh %1 failed (exit %2): %3")
                        .arg(arguments.join(QLatin1Char(' ')))
                        .arg(process.exitCode())
                        .arg(err.isEmpty() ? QString::fromUtf8(out).trimmed() : err));
    }
    return true;
}

} // namespace SparkDeck::Test
