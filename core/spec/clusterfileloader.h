#pragma once

#include "spec/clusterspec.h"
#include "spec/diagnostic.h"
#include "spec/sourcelocations.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace SparkDeck {

/// What reading a cluster file produced: the spec (defaults where the file is silent or wrong),
/// where each value was written, and every problem found, syntax, types and validation alike.
struct LoadedClusterFile
{
    ClusterSpec spec;
    SourceLocations locations;
    QList<Diagnostic> diagnostics;

    bool ok() const { return !hasErrors(diagnostics); }
};

/// Reads cluster files (YAML, via yaml-cpp). Never throws: yaml-cpp's exceptions stop here and
/// become diagnostics with line and column. Reports every problem it can in one pass, so a user
/// fixes a file in one round, and runs ClusterSpecValidator on what it read.
class ClusterFileLoader
{
public:
    static LoadedClusterFile loadText(const QByteArray &text);
    static LoadedClusterFile loadFile(const QString &path);
};

} // namespace SparkDeck
