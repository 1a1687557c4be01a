#include "copycommand.h"

#include "clustertargets.h"
#include "interruptwatcher.h"
#include "sshprompts.h"

#include "ssh/sftpfanout.h"
#include "ssh/sshsessionpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

namespace SparkDeck::Cli {

namespace {

constexpr int kUnreachableExitCode = 255;
constexpr int kInterruptedExitCode = 130;
constexpr qint64 kProgressEveryMs = 2000;

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Cli", text, nullptr, n);
}

} // namespace

QString CopyCommand::summary() const
{
    return tr("Copy a local file or folder to the cluster's hosts (atomic per file, checked); "
              "progress per host; exit with the worst result.");
}

void CopyCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("hosts"),
                      tr("Only these hosts (comma-separated addresses from the cluster file)."),
                      QStringLiteral("a,b")});
    parser.addOption({QStringLiteral("parallel"), tr("Hosts at work at once (default 32)."),
                      QStringLiteral("N"), QStringLiteral("32")});
    parser.addOption({QStringLiteral("quiet"), tr("No progress lines, only the result per host.")});
    parser.addOption({QStringLiteral("verbose"), tr("Log the SSH engine's work to stderr.")});
    addStateOption(parser);
}

int CopyCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3) {
        err << usageLine() << '\n';
        return BadInput;
    }
    const QString file = positional.at(0);
    const QString local = positional.at(1);
    const QString remote = positional.at(2);
    if (remote.isEmpty()) {
        err << tr("REMOTE is empty; give a path on the hosts, e.g. /opt/data/ or ~/jobs/.") << '\n';
        return BadInput;
    }
    if (!QFileInfo::exists(local)) {
        err << tr("Cannot copy %1: there is no such file or folder.").arg(QDir::toNativeSeparators(local))
            << '\n';
        return BadInput;
    }
    bool numberOk = false;
    const int parallel = parser.value(QStringLiteral("parallel")).toInt(&numberOk);
    if (!numberOk || parallel < 1) {
        err << tr("--parallel needs a positive number.") << '\n';
        return BadInput;
    }
    const auto cluster = loadClusterTargets(file, parser.value(QStringLiteral("hosts")), name(), err,
                                            parser.value(QStringLiteral("state")));
    if (!cluster)
        return BadInput;
    const QList<SshTarget> &targets = cluster->targets;

    QLoggingCategory::setFilterRules(parser.isSet(QStringLiteral("verbose"))
                                         ? QStringLiteral("sparkdeck.ssh.debug=true")
                                         : QStringLiteral("sparkdeck.ssh.warning=false"));
    SshSessionPool pool;
    askAtTerminal(pool);

    SftpFanOut copy(&pool);
    copy.setTargets(targets);
    copy.setSource(local);
    copy.setDestination(remote);
    copy.setParallelism(parallel);

    int width = 0;
    for (const SshTarget &target : targets)
        width = qMax(width, int(target.host.size()));
    auto prefix = [&](int index) { return QStringLiteral("%1 | ").arg(targets.at(index).host, -width); };
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    QList<QElapsedTimer> lastPrinted(targets.size());
    QElapsedTimer clock;
    clock.start();

    QObject::connect(&copy, &SftpFanOut::hostProgress, &copy,
                     [&](int index, qint64 done, qint64 total) {
                         QElapsedTimer &last = lastPrinted[index];
                         if (quiet || done >= total || (last.isValid() && last.elapsed() < kProgressEveryMs))
                             return;
                         last.start();
                         const int percent = total > 0 ? int(done * 100 / total) : 100;
                         out << prefix(index) << tr("%1% (%2 of %3)").arg(percent).arg(formatBytes(done), formatBytes(total))
                             << '\n';
                         out.flush();
                     });
    QObject::connect(&copy, &SftpFanOut::hostFinished, &copy,
                     [&](int index, const SftpFanOut::HostResult &result) {
                         if (result.succeeded()) {
                             out << prefix(index)
                                 << tr("copied %n file(s), %1", result.files).arg(formatBytes(result.bytes))
                                 << '\n';
                             out.flush();
                         } else {
                             err << prefix(index) << result.error << '\n';
                             err.flush();
                         }
                     });

    InterruptWatcher interrupts;
    bool interrupted = false;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &copy, [&] {
        if (interrupted)
            return;
        interrupted = true;
        err << tr("Interrupted: stopping the copies (files already placed stay; part files resume next time).")
            << '\n';
        err.flush();
        copy.cancel();
    });

    QEventLoop loop;
    QObject::connect(&copy, &SftpFanOut::finished, &loop, &QEventLoop::quit);
    copy.start();
    if (!quiet && copy.totalFiles() > 0) {
        err << tr("Copying %1 (%n file(s), %2) to %3 host(s)", copy.totalFiles())
                   .arg(QDir::toNativeSeparators(local), formatBytes(copy.totalBytes()))
                   .arg(targets.size())
            << '\n';
        for (const QString &skipped : copy.skipped())
            err << tr("skipped %1 (a link to a folder, or not a regular file)").arg(skipped) << '\n';
        err.flush();
    }
    if (copy.isRunning())
        loop.exec();

    // The hosts must hear about cancelled checksum and rename commands before the sessions go.
    waitForRemoteStops(pool);

    int worst = 0;
    int copied = 0;
    for (const SftpFanOut::HostResult &result : copy.results()) {
        if (result.succeeded())
            ++copied;
        worst = qMax(worst, result.succeeded() ? 0 : result.unreachable ? kUnreachableExitCode : 1);
    }
    if (!quiet || worst != 0) {
        err << tr("%1 of %2 host(s) have %3 (%4 s).")
                   .arg(copied)
                   .arg(targets.size())
                   .arg(remote)
                   .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1)
            << '\n';
    }
    return interrupted ? kInterruptedExitCode : worst;
}

} // namespace SparkDeck::Cli
