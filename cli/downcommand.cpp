#include "downcommand.h"

#include "provisioning/clusterstatefile.h"
#include "provisioning/operationrunner.h"

#include <QCoreApplication>

namespace SparkDeck::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}
} // namespace

QString DownCommand::summary() const
{
    return tr("Stop every Spark daemon of the cluster and remove what SparkDeck installed.");
}

int DownCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    if (!prepare(parser, err))
        return BadInput;
    ClusterStateFile state(stateDirectory());
    // Every worker that may run, not only the last count: a crashed scale may have left more.
    // (On this computer the slots are many instance numbers: the counts bound them.)
    const int count = spec().machines.provider == Provider::Local
                          ? qMax(state.workerCount(spec().workers.count), spec().workers.count)
                          : int(machines().slots().size());
    auto context = std::make_shared<RunContext>();
    OperationRunner runner(QStringLiteral("down"), recipe(context).down(machines().firstSlots(count), machines().machines()),
                           &journal());
    const int code = runOperation(runner, out, err);
    if (code != Success)
        return code;
    const Status removed = state.remove();
    if (!removed.ok())
        err << tr("warning: ") << removed.errorMessage() << '\n';
    out << tr("Cluster '%1' is down: no Spark daemon of it runs and its files are removed.").arg(spec().name) << '\n';
    return Success;
}

} // namespace SparkDeck::Cli
