#include "validatecommand.h"

#include "spec/clusterfileloader.h"

#include <QCoreApplication>

namespace SparkDeck::Cli {

QString ValidateCommand::summary() const
{
    return QCoreApplication::translate("Cli", "Check cluster files before anything runs; print "
                                              "each problem with its line and column.");
}

int ValidateCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err << usageLine() << '\n';
        return BadInput;
    }
    int exitCode = Success;
    for (const QString &file : files) {
        const LoadedClusterFile loaded = ClusterFileLoader::loadFile(file);
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            err << diagnostic.format(file) << '\n';
        if (loaded.ok())
            out << QCoreApplication::translate("Cli", "%1: valid cluster '%2'").arg(file, loaded.spec.name) << '\n';
        else
            exitCode = BadInput;
    }
    return exitCode;
}

} // namespace SparkDeck::Cli
