#pragma once

#include "spec/clusterspec.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace SparkDeck {

/// Writes a ClusterSpec as a clean, commented cluster file that ClusterFileLoader reads back to
/// the same spec. Every value is written, defaults included, so that the file documents itself.
class ClusterFileWriter
{
public:
    static QByteArray toYaml(const ClusterSpec &spec);
    /// Replaces the file atomically (QSaveFile): a crash or a full disk leaves the old file whole.
    static Status save(const ClusterSpec &spec, const QString &path);
};

} // namespace SparkDeck
