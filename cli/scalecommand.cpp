#include "scalecommand.h"


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
    if (wanted == operations().currentWorkerCount()) {
        out << tr("Cluster '%1' already has %2 workers.").arg(spec().name).arg(wanted) << '\n';
        return Success;
    }
    const int code = runOperation(operations().scale(wanted), out, err);
    if (code != Success)
        return code;
    out << tr("Cluster '%1' scaled; workers: %2.").arg(spec().name).arg(wanted) << '\n';
    return Success;
}

} // namespace SparkDeck::Cli
