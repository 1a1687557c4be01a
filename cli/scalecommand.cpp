#include "scalecommand.h"

#include "provisioning/clusterstatefile.h"
#include "provisioning/operationrunner.h"
#include "provisioning/standalonerecipe.h"

#include <QCoreApplication>

namespace SparkDeck::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}
} // namespace

QString ScaleCommand::summary() const
{
    return tr("Change the number of workers: new ones are started, removed ones are decommissioned "
              "gracefully first.");
}

void ScaleCommand::addOptions(QCommandLineParser &parser) const
{
    ClusterCommand::addOptions(parser);
    parser.addOption({QStringLiteral("workers"), tr("The number of workers wanted."), QStringLiteral("N")});
}

int ScaleCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    bool isNumber = false;
    const int wanted = parser.value(QStringLiteral("workers")).toInt(&isNumber);
    if (!isNumber || wanted < 0) {
        err << tr("scale needs --workers N, a whole number of workers (0 or more).") << '\n' << usageLine() << " --workers N\n";
        return BadInput;
    }
    if (!prepare(parser, err))
        return BadInput;
    if (wanted > machines().slots().size()) {
        err << fileName() << ": error: "
            << tr("%1 workers were asked for but the machines hold %2 (one worker per host); add hosts to the cluster file.")
                   .arg(wanted)
                   .arg(machines().slots().size())
            << '\n';
        return BadInput;
    }
    ClusterStateFile state(stateDirectory());
    const int current = state.workerCount(spec().workers.count);
    if (wanted == current) {
        out << tr("Cluster '%1' already has %2 workers.").arg(spec().name).arg(current) << '\n';
        return Success;
    }
    auto context = std::make_shared<RunContext>();
    const StandaloneRecipe scaler = recipe(context);
    const QList<WorkerSlot> slots = machines().slots();
    TaskGroup *graph = wanted > current ? scaler.addWorkers(slots.mid(current, wanted - current), wanted)
                                        : scaler.removeWorkers(slots.mid(wanted, current - wanted));
    OperationRunner runner(QStringLiteral("scale"), graph, &journal());
    runner.setSecretSource([context] { return context->secret; });
    const int code = runOperation(runner, out, err);
    if (code != Success)
        return code;
    const Status saved = state.setWorkerCount(wanted);
    if (!saved.ok())
        err << tr("warning: ") << saved.errorMessage() << '\n';
    out << tr("Cluster '%1' scaled; workers: %2.").arg(spec().name).arg(wanted) << '\n';
    return Success;
}

} // namespace SparkDeck::Cli
