#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace SparkDeck::Test {

/// Runs a tool (docker, a validator, a lab script) to completion and keeps what it printed,
/// standard output and error merged in the order they came.
struct CommandRun
{
    int exitCode = -1; ///< -1: did not finish in time, or crashed
    QString output;

    bool ok() const { return exitCode == 0; }

    static CommandRun of(const QString &program, const QStringList &arguments,
                         const QProcessEnvironment &environment
                         = QProcessEnvironment::systemEnvironment(),
                         const QByteArray &input = QByteArray(), int timeoutMs = 120000)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments);
        process.write(input);
        process.closeWriteChannel();
        CommandRun run;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            run.output = QStringLiteral("%1 %2: did not finish in %3 s")
                             .arg(program, arguments.join(QLatin1Char(' ')))
                             .arg(timeoutMs / 1000);
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.output = QString::fromUtf8(process.readAll());
        return run;
    }
};

} // namespace SparkDeck::Test
