#pragma once

#include "clicommand.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli keys FILE [--generate] [--install]`: the SSH key of a cluster file
/// (`ssh.identity`, or --key). Without options it shows the key; --generate makes an ed25519
/// pair when there is none (never overwriting one); --install logs in to every host (or
/// --hosts) with a password asked at the terminal (or read from stdin with --password-stdin,
/// never from the command line), adds the public key to ~/.ssh/authorized_keys there
/// (idempotently), and proves that the key alone now logs in. Exit: 0 done, 1 a host could not
/// take the key, 255 a host could not be reached or refused the login, 2 bad input.
class KeysCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("keys"); }
    QString summary() const override;
    QString argumentSyntax() const override { return QStringLiteral("FILE"); }
    void addOptions(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;
};

} // namespace SparkDeck::Cli
