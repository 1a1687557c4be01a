#pragma once

#include "spec/clusterspec.h"
#include "spec/diagnostic.h"

#include <QList>
#include <QString>

namespace SparkDeck {

/// ClusterSpecValidator's verdict on a spec that has no file yet (the wizard's), with each
/// problem tagged by the field it is about (`name`, `workers.count`,
/// `machines.hosts[2].address`), so that each wizard page shows and gates on its own fields.
///
/// How: the validator points at places through SourceLocations; this gives every field a place
/// of its own (a unique column) and reads the field back from the place. Host fields get the
/// host's row as their line, so a message such as "listed twice (first at line 2)" names the row.
/// A problem about a field this class does not know is tagged with the empty path.
class FieldDiagnostics
{
public:
    struct Entry
    {
        QString path;
        Diagnostic diagnostic;
    };

    static QList<Entry> check(const ClusterSpec &spec);
    /// Only the problems under one of `sections` ("machines.ssh" holds "machines.ssh.user");
    /// an empty section holds everything.
    static QList<Entry> check(const ClusterSpec &spec, const QStringList &sections);
    static bool isUnder(const QString &path, const QString &section);
    static bool hasErrors(const QList<Entry> &entries);
};

} // namespace SparkDeck
