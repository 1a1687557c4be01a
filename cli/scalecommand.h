#pragma once

#include "clustercommand.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli scale FILE --workers N`: adds workers, or removes them gracefully
/// (decommission, wait until the master no longer lists them ALIVE, stop).
class ScaleCommand : public ClusterCommand
{
public:
    QString name() const override { return QStringLiteral("scale"); }
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;
};

} // namespace SparkDeck::Cli
