#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace SparkDeck {

/// One service of a cluster's stack, as `docker service ls` shows it.
struct SwarmService
{
    QString id;
    QString name;
    QString mode;     ///< replicated, global
    QString replicas; ///< "2/3": running/desired, possibly with a note ("(max 1 per node)")
    QString image;
    QString ports;

    int running() const;
    int desired() const;
};

/// Reads `docker service ls --format '{{json .}}'` output (one JSON object per line) into
/// services. Pure; lines that are not such objects are skipped.
class SwarmServices
{
public:
    static QList<SwarmService> parse(const QByteArray &output);
};

} // namespace SparkDeck
