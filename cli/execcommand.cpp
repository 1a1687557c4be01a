#include "execcommand.h"

#include "clustertargets.h"
#include "interruptwatcher.h"
#include "sshprompts.h"

#include "ssh/shellcommand.h"
#include "ssh/sshfanout.h"
#include "ssh/sshsessionpool.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>

namespace SparkDeck::Cli {

namespace {

constexpr int kUnreachableExitCode = 255;
constexpr int kInterruptedExitCode = 130;

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

} // namespace

QString ExecCommand::summary() const
{
    return tr("Run a command on the cluster's hosts; print each line prefixed by its host; exit "
              "with the worst exit code.");
}

void ExecCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("hosts"),
                      tr("Only these hosts (comma-separated addresses from the cluster file)."),
                      QStringLiteral("a,b")});
    parser.addOption({QStringLiteral("parallel"), tr("Hosts at work at once (default 32)."),
                      QStringLiteral("N"), QStringLiteral("32")});
    parser.addOption({QStringLiteral("timeout"),
                      tr("Stop the command on a host after this many seconds (default: none)."),
                      QStringLiteral("SECONDS"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("sudo"), tr("Run as root (sudo -n for non-root users).")});
    parser.addOption({QStringLiteral("verbose"), tr("Log the SSH engine's work to stderr.")});
    addStateOption(parser);
}

int ExecCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        err << usageLine() << '\n';
        return BadInput;
    }
    const QString file = positional.first();
    const QStringList words = positional.mid(1);

    const auto cluster = loadClusterTargets(file, parser.value(QStringLiteral("hosts")), name(), err,
                                            parser.value(QStringLiteral("state")));
    if (!cluster)
        return BadInput;
    const QList<SshTarget> &targets = cluster->targets;

    bool numberOk = false;
    const int parallel = parser.value(QStringLiteral("parallel")).toInt(&numberOk);
    if (!numberOk || parallel < 1) {
        err << tr("--parallel needs a positive number.") << '\n';
        return BadInput;
    }
    const double timeout = parser.value(QStringLiteral("timeout")).toDouble(&numberOk);
    if (!numberOk || timeout < 0) {
        err << tr("--timeout needs a number of seconds.") << '\n';
        return BadInput;
    }

    // Errors are printed once, per host, below; the engine's log is for --verbose.
    QLoggingCategory::setFilterRules(parser.isSet(QStringLiteral("verbose"))
                                         ? QStringLiteral("sparkdeck.ssh.debug=true")
                                         : QStringLiteral("sparkdeck.ssh.warning=false"));
    SshSessionPool pool;
    askAtTerminal(pool);

    SshFanOut fanOut(&pool);
    fanOut.setTargets(targets);
    if (words.size() == 1)
        fanOut.setCommand(ShellCommand(QStringLiteral("sh"), {QStringLiteral("-c"), words.first()}));
    else
        fanOut.setCommand(ShellCommand(words.first(), words.mid(1)));
    fanOut.setParallelism(parallel);
    fanOut.setTimeout(int(timeout * 1000));
    fanOut.setRunAsRoot(parser.isSet(QStringLiteral("sudo")));

    int width = 0;
    for (const SshTarget &target : targets)
        width = qMax(width, int(target.host.size()));
    auto prefix = [&](int index) {
        return QStringLiteral("%1 | ").arg(targets.at(index).host, -width);
    };
    QObject::connect(&fanOut, &SshFanOut::outputLine, &fanOut, [&](int index, const QString &line) {
        out << prefix(index) << line << '\n';
        out.flush();
    });
    QObject::connect(&fanOut, &SshFanOut::errorLine, &fanOut, [&](int index, const QString &line) {
        err << prefix(index) << line << '\n';
        err.flush();
    });
    QObject::connect(&fanOut, &SshFanOut::hostFinished, &fanOut,
                     [&](int index, const ExecResult &result) {
                         if (!result.succeeded()) {
                             err << QStringLiteral("%1 : ").arg(targets.at(index).host, -width)
                                 << result.summary() << '\n';
                             err.flush();
                         }
                     });
    // Ctrl+C stops the command on every host, not just here.
    InterruptWatcher interrupts;
    bool interrupted = false;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &fanOut, [&] {
        interrupted = true;
        fanOut.cancel();
    });
    QEventLoop loop;
    QObject::connect(&fanOut, &SshFanOut::finished, &loop, &QEventLoop::quit);
    fanOut.start();
    if (fanOut.isRunning())
        loop.exec();
    waitForRemoteStops(pool);
    if (interrupted)
        return kInterruptedExitCode;

    int worst = 0;
    for (const ExecResult &result : fanOut.results()) {
        const int code = result.finished() && result.exitSignal.isEmpty() ? result.exitCode
                                                                        : kUnreachableExitCode;
        worst = qMax(worst, code);
    }
    return worst;
}

} // namespace SparkDeck::Cli
