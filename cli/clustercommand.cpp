#include "clustercommand.h"

#include "provideraccess.h"
#include "sshprompts.h"

#include "providers/providerregistry.h"

#include "provisioning/operationrunner.h"
#include "provisioning/clusterstatefile.h"
#include "spec/clusterfileloader.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace SparkDeck::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

#ifdef Q_OS_UNIX
/// Ctrl+C becomes a byte on a socket, read by the event loop: the handler itself does nothing
/// but write, as a signal handler must.
int g_interruptPipe[2] = {-1, -1};
void handleInterrupt(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_interruptPipe[0], &byte, 1);
}
#endif

} // namespace

void ClusterCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("state"),
                      tr("Folder for the cluster's journal and state (default: the user's data folder)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("verbose"), tr("Log the SSH engine's work to stderr.")});
}

bool ClusterCommand::prepare(const QCommandLineParser &parser, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << usageLine() << '\n';
        return false;
    }
    m_file = positional.first();
    const LoadedClusterFile loaded = ClusterFileLoader::loadFile(m_file);
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        err << diagnostic.format(m_file) << '\n';
    if (!loaded.ok())
        return false;
    const QString stateDirectory = parser.isSet(QStringLiteral("state"))
                                       ? parser.value(QStringLiteral("state"))
                                       : ClusterStateFile::defaultDirectory(loaded.spec.name);
    QLoggingCategory::setFilterRules(parser.isSet(QStringLiteral("verbose"))
                                         ? QStringLiteral("sparkdeck.*.debug=true")
                                         : QStringLiteral("sparkdeck.*.warning=false"));
    askAtTerminal(m_pool);
    m_operations = std::make_unique<ClusterOperations>(loaded.spec, stateDirectory, &m_pool);
    const Status opened = m_operations->open(machinesRequired());
    if (!opened.ok()) {
        err << m_file << ": error: " << opened.errorMessage() << '\n';
        return false;
    }
    return true;
}

int ClusterCommand::runOperation(const Result<OperationRunner *> &created, QTextStream &out, QTextStream &err)
{
    if (!created) {
        err << m_file << ": error: " << created.errorMessage() << '\n';
        return BadInput;
    }
    OperationRunner &runner = **created;
    const RunJournal &journal = m_operations->journal();
    if (journal.lastRunInterrupted()) {
        out << tr("The last run (%1, started %2) did not finish; resuming: what is done is only checked.")
                   .arg(journal.lastRun().value(QLatin1String("operation")).toString(),
                        journal.lastRun().value(QLatin1String("started")).toString())
            << '\n';
    }
    int verified = 0;
    int applied = 0;
    QObject::connect(&runner, &OperationRunner::stepStarted, &runner, [&](const QString &host, const QString &step) {
        out << QStringLiteral("[%1] %2 ...").arg(host, step) << '\n';
        out.flush();
    });
    QObject::connect(&runner, &OperationRunner::outputLine, &runner, [&](const QString &host, const QString &line) {
        out << QStringLiteral("[%1]   %2").arg(host, line) << '\n';
        out.flush();
    });
    QObject::connect(&runner, &OperationRunner::stepFinished, &runner,
                     [&](const QString &host, const QString &step, const TaskOutcome &outcome, bool alreadyDone) {
                         if (outcome.succeeded()) {
                             ++(alreadyDone ? verified : applied);
                             const QString result = !outcome.message.isEmpty() ? outcome.message
                                                    : alreadyDone              ? tr("already done")
                                                                               : tr("done");
                             out << QStringLiteral("[%1] %2: %3").arg(host, step, result)
                                 << '\n';
                         } else if (outcome.failed()) {
                             err << QStringLiteral("[%1] %2: %3").arg(host, step, outcome.message) << '\n';
                         }
                         out.flush();
                         err.flush();
                     });
    QObject::connect(&runner, &OperationRunner::journalProblem, &runner, [&](const QString &message) {
        err << tr("warning: ") << message << '\n';
    });

#ifdef Q_OS_UNIX
    std::unique_ptr<QSocketNotifier> interrupt;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_interruptPipe) == 0) {
        interrupt = std::make_unique<QSocketNotifier>(g_interruptPipe[1], QSocketNotifier::Read);
        QObject::connect(interrupt.get(), &QSocketNotifier::activated, &runner, [&] {
            char byte;
            [[maybe_unused]] const auto readBytes = ::read(g_interruptPipe[1], &byte, 1);
            err << tr("Interrupted: stopping every step...") << '\n';
            err.flush();
            runner.cancel();
        });
        std::signal(SIGINT, handleInterrupt);
        std::signal(SIGTERM, handleInterrupt);
    }
#endif
    QEventLoop loop;
    QObject::connect(&runner, &OperationRunner::finished, &loop, &QEventLoop::quit);
    runner.start();
    if (runner.isRunning())
        loop.exec();
#ifdef Q_OS_UNIX
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    interrupt.reset();
    ::close(g_interruptPipe[0]);
    ::close(g_interruptPipe[1]);
#endif
    const TaskOutcome &outcome = runner.outcome();
    for (const QString &warning : outcome.warnings)
        err << tr("warning: ") << warning << '\n';
    if (outcome.succeeded() && !outcome.partialFailures.isEmpty()) {
        // Some hosts failed while the others went on (a worker host, never the master).
        err << tr("Partly done: ") << outcome.partialFailures.join(QStringLiteral("; ")) << '\n'
            << tr("Fix the cause and run the same command again: finished steps are only checked.") << '\n';
        return Failure;
    }
    if (outcome.succeeded()) {
        out << tr("Done: %1 changes made, %2 checks found things already in place.").arg(applied).arg(verified) << '\n';
        return Success;
    }
    if (outcome.wasCancelled()) {
        err << tr("Cancelled. Nothing is half-written; run the same command again to resume.") << '\n';
        return Failure;
    }
    err << tr("Failed: ") << outcome.message << '\n'
        << tr("Fix the cause and run the same command again: finished steps are only checked.") << '\n';
    return Failure;
}

int ClusterCommand::tearDown(bool deleteData, QTextStream &out, QTextStream &err)
{
    const bool provided = ProviderRegistry::createsMachines(spec().machines.provider);
    int code = Success;
    if (m_operations->hasMachines()) {
        code = runOperation(m_operations->down(deleteData), out, err);
        if (!provided || code == BadInput)
            return code;
        if (code != Success)
            err << tr("Spark was not stopped cleanly; the machines are deleted all the same.") << '\n';
    }
    if (!provided)
        return code;
    ProviderAccess access(spec());
    const Result<MachineProvider *> provider = access.open(err);
    if (!provider) {
        err << m_file << ": error: " << provider.errorMessage() << '\n';
        return Failure;
    }
    return runOperation(m_operations->destroyMachines(*provider), out, err);
}

} // namespace SparkDeck::Cli
