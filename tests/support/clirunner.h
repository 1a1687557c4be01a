#pragma once

#include <QEventLoop>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace SparkDeck::Test {

/// Runs sparkdeck-cli as a user would and keeps what it said.
struct CliRun
{
    int exitCode = -1; ///< -1: timed out; -2: crashed or did not start
    QString out;
    QString err;

    static CliRun of(const QStringList &arguments, int timeoutMs = 600000)
    {
        QProcess process;
        process.start(QStringLiteral(SPARKDECK_CLI), arguments);
        process.closeWriteChannel();
        process.waitForFinished(timeoutMs);
        return ended(process);
    }

    /// The same, with `environment` added, while this thread's event loop keeps turning: for a
    /// test that serves the CLI itself (a provider's API on an HttpTestServer).
    static CliRun serving(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs = 600000)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(environment);
        process.setProcessEnvironment(env);
        QEventLoop loop;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        process.start(QStringLiteral(SPARKDECK_CLI), arguments);
        process.closeWriteChannel();
        loop.exec();
        return ended(process);
    }

    /// What a finished process said; one still running after its time is killed.
    static CliRun ended(QProcess &process)
    {
        if (process.error() == QProcess::FailedToStart)
            return {-2, QString(), process.errorString()};
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
            return {-1, QString::fromUtf8(process.readAllStandardOutput()), QStringLiteral("timed out")};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    /// For failure messages, which QtTest cuts at about 1000 characters: the end of what it
    /// printed on each stream, where the cause is, stderr first.
    QByteArray transcript() const
    {
        return (QStringLiteral("--- stderr (end) ---\n") + err.right(400)
                + QStringLiteral("\n--- stdout (end) ---\n") + out.right(450))
            .toUtf8();
    }
};

} // namespace SparkDeck::Test
