// sparkdeck-cli: the headless front-end. A thin dispatcher over core; every command's logic
// lives in core/, so the desktop app can do the same.
#include "copycommand.h"
#include "execcommand.h"
#include "keyscommand.h"
#include "downcommand.h"
#include "expirecommand.h"
#include "plancommand.h"
#include "preflightcommand.h"
#include "scalecommand.h"
#include "statuscommand.h"
#include "tunnelcommand.h"
#include "upcommand.h"
#include "validatecommand.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>
#include <vector>

using namespace SparkDeck::Cli;

namespace {

std::vector<std::unique_ptr<CliCommand>> allCommands()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<ValidateCommand>());
    commands.push_back(std::make_unique<PlanCommand>());
    commands.push_back(std::make_unique<PreflightCommand>());
    commands.push_back(std::make_unique<UpCommand>());
    commands.push_back(std::make_unique<StatusCommand>());
    commands.push_back(std::make_unique<ScaleCommand>());
    commands.push_back(std::make_unique<DownCommand>());
    commands.push_back(std::make_unique<ExpireCommand>());
    commands.push_back(std::make_unique<ExecCommand>());
    commands.push_back(std::make_unique<CopyCommand>());
    commands.push_back(std::make_unique<TunnelCommand>());
    commands.push_back(std::make_unique<KeysCommand>());
    return commands;
}

void printUsage(QTextStream &stream, const std::vector<std::unique_ptr<CliCommand>> &commands)
{
    stream << "usage: sparkdeck-cli [--help] [--version] COMMAND [options] [arguments]\n\n"
           << QCoreApplication::translate("Cli", "Commands:") << '\n';
    for (const auto &command : commands)
        stream << QStringLiteral("  %1  %2\n").arg(command->name(), -10).arg(command->summary());
    stream << '\n'
           << QCoreApplication::translate("Cli", "Run 'sparkdeck-cli COMMAND --help' for a "
                                                 "command's options.")
           << '\n';
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sparkdeck-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("SparkDeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPARKDECK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const auto commands = allCommands();
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printUsage(err, commands);
        return BadInput;
    }
    const QString first = arguments.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printUsage(out, commands);
        return Success;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out << "sparkdeck-cli " << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }
    for (const auto &command : commands) {
        if (command->name() == first)
            return command->execute(arguments.mid(1), out, err);
    }
    err << QCoreApplication::translate("Cli", "sparkdeck-cli: unknown command '%1'").arg(first) << '\n';
    printUsage(err, commands);
    return BadInput;
}
