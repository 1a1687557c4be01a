#include "plancommand.h"

#include "provisioning/planner.h"
#include "spec/clusterfileloader.h"

#include <QCoreApplication>

namespace SparkDeck::Cli {

QString PlanCommand::summary() const
{
    return QCoreApplication::translate("Cli", "Show, host by host, what 'up' would do and the "
                                              "exact commands it would run. Changes nothing.");
}

int PlanCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        err << usageLine() << '\n';
        return BadInput;
    }
    const LoadedClusterFile loaded = ClusterFileLoader::loadFile(files.first());
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        err << diagnostic.format(files.first()) << '\n';
    if (!loaded.ok())
        return BadInput;
    const Result<Plan> plan = Planner::plan(loaded.spec);
    if (!plan) {
        err << files.first() << ": error: " << plan.errorMessage() << '\n';
        return BadInput;
    }
    out << plan->toText();
    return Success;
}

} // namespace SparkDeck::Cli
