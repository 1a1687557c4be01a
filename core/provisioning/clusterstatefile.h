#pragma once

#include "util/result.h"

#include <QString>

namespace SparkDeck {

/// What exists now, as far as SparkDeck made it: the number of workers the cluster was last
/// brought to. Lives beside the journal in the cluster's state folder; written atomically.
class ClusterStateFile
{
public:
    explicit ClusterStateFile(const QString &stateDirectory);

    /// The saved worker count, or `fallback` when nothing was saved yet.
    int workerCount(int fallback) const;
    Status setWorkerCount(int count);
    /// Forgets the cluster (after `down`).
    Status remove();

    /// The default state folder of a cluster: <user data>/clusters/<name>.
    static QString defaultDirectory(const QString &clusterName);

private:
    QString m_path;
};

} // namespace SparkDeck
