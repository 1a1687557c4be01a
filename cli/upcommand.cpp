#include "upcommand.h"

#include "provisioning/clusterstatefile.h"
#include "provisioning/operationrunner.h"
#include "provisioning/standalonerecipe.h"
#include "render/sparkconfig.h"

#include <QCoreApplication>

namespace SparkDeck::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}
} // namespace

QString UpCommand::summary() const
{
    return tr("Bring the cluster up: install, configure and start Spark on every host. Run it again "
              "to resume after a failure or to verify a running cluster.");
}

int UpCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    if (!prepare(parser, err))
        return BadInput;
    if (spec().spark.deploy != DeployMode::Standalone) {
        err << fileName() << ": error: " << tr("deploy: swarm is not available yet; use deploy: standalone.") << '\n';
        return BadInput;
    }
    const int count = spec().workers.count;
    if (count > machines().slots().size()) {
        err << fileName() << ": error: " << tr("%1 workers were asked for but the machines hold %2.")
                                                 .arg(count)
                                                 .arg(machines().slots().size())
            << '\n';
        return BadInput;
    }
    auto context = std::make_shared<RunContext>();
    OperationRunner runner(QStringLiteral("up"), recipe(context).up(machines().firstSlots(count)), &journal());
    runner.setSecretSource([context] { return context->secret; });
    const int code = runOperation(runner, out, err);
    if (code != Success)
        return code;
    const Status saved = ClusterStateFile(stateDirectory()).setWorkerCount(count);
    if (!saved.ok())
        err << tr("warning: ") << saved.errorMessage() << '\n';
    out << tr("Cluster '%1' is up: master %2 with %3 workers. See it with 'sparkdeck-cli status %4'.")
               .arg(spec().name, SparkConfigRenderer::masterUrl(machines().master()->address()))
               .arg(count)
               .arg(fileName())
        << '\n';
    return Success;
}

} // namespace SparkDeck::Cli
