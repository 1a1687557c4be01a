#include "clicommand.h"

#include <QCoreApplication>

namespace SparkDeck::Cli {

void CliCommand::addOptions(QCommandLineParser &) const {}

QString CliCommand::usageLine() const
{
    return QStringLiteral("usage: sparkdeck-cli %1 [options] %2").arg(name(), argumentSyntax());
}

int CliCommand::execute(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("Cli", "Show this help."));
    parser.addOption(help);
    parser.addPositionalArgument(argumentSyntax().toLower(), QString(), argumentSyntax());
    addOptions(parser);
    QStringList argv = arguments;
    argv.first() = QStringLiteral("sparkdeck-cli ") + name();
    if (!parser.parse(argv)) {
        err << parser.errorText() << '\n' << usageLine() << '\n';
        return BadInput;
    }
    if (parser.isSet(help)) {
        out << usageLine() << "\n\n" << summary() << "\n";
        const QString options = parser.helpText().section(QStringLiteral("Options:"), 1);
        out << "\nOptions:" << options.section(QStringLiteral("Arguments:"), 0, 0);
        return Success;
    }
    return run(parser, out, err);
}

} // namespace SparkDeck::Cli
