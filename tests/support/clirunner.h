#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace SparkDeck::Test {

/// Runs sparkdeck-cli as a user would and keeps what it said.
struct CliRun
{
    int exitCode = -1; ///< -1: timed out; -2: crashed
    QString out;
    QString err;

    static CliRun of(const QStringList &arguments, int timeoutMs = 600000)
    {
        QProcess process;
        process.start(QStringLiteral(SPARKDECK_CLI), arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return {-1, QString::fromUtf8(process.readAllStandardOutput()), QStringLiteral("timed out")};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    /// For failure messages: everything it printed.
    QByteArray transcript() const { return (out + QStringLiteral("\n--- stderr ---\n") + err).toUtf8(); }
};

} // namespace SparkDeck::Test
