#pragma once

#include "clicommand.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli tunnel FILE [--port P] [--socks]`: opens a local port forward to the Spark
/// master's web UI (the master's private address, port 8080, as seen from the master) over one
/// SSH connection, prints its local URL `http://127.0.0.1:P/` as the first line of stdout, and
/// holds until Ctrl+C or SIGTERM. With --socks it also opens a SOCKS5 proxy on the same
/// connection (its `socks5://127.0.0.1:S` is the second line), so a browser set to use it
/// reaches every worker's private address. The master is the host with role master, else the
/// first host.
class TunnelCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("tunnel"); }
    QString summary() const override;
    QString argumentSyntax() const override { return QStringLiteral("FILE"); }
    void addOptions(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;
};

} // namespace SparkDeck::Cli
