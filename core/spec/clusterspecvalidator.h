#pragma once

#include "spec/clusterspec.h"
#include "spec/diagnostic.h"
#include "spec/sourcelocations.h"

namespace SparkDeck {

/// Says whether a ClusterSpec can be built, before anything runs: each value on its own
/// (names, addresses, paths, versions) and the values together (worker count against hosts,
/// one master, no host listed twice). No network; the only I/O is whether a local file the
/// run needs (spark.image_archive) exists. The wizard calls it on every edit; the loader calls
/// it with the locations it recorded.
class ClusterSpecValidator
{
public:
    static QList<Diagnostic> validate(const ClusterSpec &spec,
                                      const SourceLocations &locations = SourceLocations());

    /// Rules shared with the wizard's input fields.
    static bool isValidClusterName(const QString &name);
    static bool isValidHostAddress(const QString &address);
    static bool isValidUserName(const QString &user);
    /// An absolute path of plain characters (letters, digits, . _ - + @ /), no `..`.
    static bool isSafeRemotePath(const QString &path);
};

} // namespace SparkDeck
