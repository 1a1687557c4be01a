#include "upcommand.h"

#include "provideraccess.h"

#include "providers/providerregistry.h"
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
    ProviderAccess access(spec());
    if (ProviderRegistry::createsMachines(spec().machines.provider)) {
        const Result<MachineProvider *> provider = access.open(err);
        const Result<MachineCreationOptions> options = provider ? access.creationOptions(false)
                                                                : Result<MachineCreationOptions>(Error{provider.errorMessage()});
        if (!options) {
            err << fileName() << ": error: " << options.errorMessage() << '\n';
            return Failure;
        }
        const int created = runOperation(operations().createMachines(*provider, *options), out, err);
        if (created != Success)
            return created;
    }
    const int code = runOperation(operations().up(), out, err);
    if (code != Success)
        return code;
    out << tr("Cluster '%1' is up: master %2 with %3 workers. See it with 'sparkdeck-cli status %4'.")
               .arg(spec().name, SparkConfigRenderer::masterUrl(machines().master()->address()))
               .arg(spec().workers.count)
               .arg(fileName())
        << '\n';
    return Success;
}

} // namespace SparkDeck::Cli
