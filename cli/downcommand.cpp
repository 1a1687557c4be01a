#include "downcommand.h"

#include "providers/providerregistry.h"

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
    return tr("Stop every Spark daemon of the cluster and remove what SparkDeck installed; the "
              "shared folder's data stays unless --delete-data.");
}

void DownCommand::addOptions(QCommandLineParser &parser) const
{
    ClusterCommand::addOptions(parser);
    parser.addOption({QStringLiteral("delete-data"), tr("Also delete the shared folder's data.")});
}

int DownCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    if (!prepare(parser, err))
        return BadInput;
    const int code = tearDown(parser.isSet(QStringLiteral("delete-data")), out, err);
    if (code != Success)
        return code;
    if (ProviderRegistry::createsMachines(spec().machines.provider))
        out << tr("Cluster '%1' is down: its machines and everything made for them are deleted.").arg(spec().name) << '\n';
    else
        out << tr("Cluster '%1' is down: no Spark daemon of it runs and its files are removed.").arg(spec().name) << '\n';
    return Success;
}

} // namespace SparkDeck::Cli
