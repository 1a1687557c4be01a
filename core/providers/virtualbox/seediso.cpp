#include "seediso.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::SeedIso)
};

Status writeFile(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return Error{Tr::tr("Cannot write %1: %2").arg(path, file.errorString())};
    return success();
}
} // namespace

SeedIso::SeedIso(const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
{
    const QStringList path = environment.value(QStringLiteral("PATH"))
                                 .split(QDir::listSeparator(), Qt::SkipEmptyParts);
    for (const QString &name :
         {QStringLiteral("genisoimage"), QStringLiteral("xorriso"), QStringLiteral("mkisofs")}) {
        m_tool = QStandardPaths::findExecutable(name, path);
        if (!m_tool.isEmpty())
            break;
    }
}

Result<QString> SeedIso::tool() const
{
    if (m_tool.isEmpty())
        return Error{Tr::tr(
            "No program to make the VMs' cloud-init seed disk (an ISO labelled 'cidata') was "
            "found. "
            "Install one: 'sudo apt install genisoimage' (Debian, Ubuntu), 'brew install xorriso' "
            "(macOS), or xorriso from MSYS2 or Cygwin on PATH (Windows).")};
    return m_tool;
}

void SeedIso::build(const SeedFiles &files, const QString &isoPath, QObject *context, Callback done)
{
    const auto later = [context, done](const Status &status) {
        QTimer::singleShot(0, context, [done, status] { done(status); });
    };
    const Result<QString> program = tool();
    if (!program) {
        later(Error{program.errorMessage()});
        return;
    }
    const QString directory = isoPath + QStringLiteral(".files");
    if (!QDir().mkpath(directory)) {
        later(Error{Tr::tr("Cannot create the folder %1.").arg(directory)});
        return;
    }
    for (const auto &[name, text] :
         {std::pair{QStringLiteral("user-data"), files.userData},
          std::pair{QStringLiteral("meta-data"), files.metaData},
          std::pair{QStringLiteral("network-config"), files.networkConfig}}) {
        if (const Status written = writeFile(QDir(directory).filePath(name), text); !written) {
            later(written);
            return;
        }
    }
    QStringList arguments;
    if (QFileInfo(*program).baseName() == QLatin1String("xorriso"))
        arguments << QStringLiteral("-as") << QStringLiteral("mkisofs");
    arguments << QStringLiteral("-output") << isoPath << QStringLiteral("-volid")
              << QStringLiteral("cidata") << QStringLiteral("-joliet") << QStringLiteral("-rock")
              << QStringLiteral("-quiet") << QStringLiteral("user-data")
              << QStringLiteral("meta-data") << QStringLiteral("network-config");

    auto *process = new QProcess(context);
    process->setWorkingDirectory(directory);
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::finished, process, [process, directory, isoPath, done, program] {
        const bool built
            = process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0;
        const QString output = QString::fromUtf8(process->readAll()).trimmed();
        process->deleteLater();
        QDir(directory).removeRecursively();
        if (built)
            done(success());
        else
            done(Error{
                Tr::tr("%1 could not make the seed disk %2: %3").arg(*program, isoPath, output)});
    });
    connect(process, &QProcess::errorOccurred, process,
            [process, done, program](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return;
                process->disconnect();
                process->deleteLater();
                done(Error{
                    Tr::tr("%1 could not be started: %2").arg(*program, process->errorString())});
            });
    process->start(*program, arguments);
}

} // namespace SparkDeck
