#include "fielddiagnostics.h"

#include "spec/clusterspecvalidator.h"
#include "spec/sourcelocations.h"

#include <QHash>

namespace SparkDeck {

namespace {

const char *const kFields[] = {
    "name",
    "machines",
    "machines.provider",
    "machines.hosts",
    "machines.ssh",
    "machines.ssh.user",
    "machines.ssh.port",
    "machines.ssh.identity",
    "machines.ssh.known_hosts",
    "machines.ssh.host_key_policy",
    "spark",
    "spark.version",
    "spark.deploy",
    "spark.distribution",
    "spark.sha512",
    "spark.image",
    "spark.image_archive",
    "workers",
    "workers.count",
    "workers.cores",
    "workers.memory",
    "shared_folder",
    "shared_folder.enabled",
    "shared_folder.server",
    "shared_folder.export",
    "shared_folder.mount",
    "jupyter",
    "jupyter.enabled",
};
const char *const kHostFields[] = {"", ".address", ".port", ".user", ".role"};

/// Column 1 is where SourceLocations sends paths it does not know: start above it.
constexpr int kFirstColumn = 2;

} // namespace

QList<FieldDiagnostics::Entry> FieldDiagnostics::check(const ClusterSpec &spec)
{
    SourceLocations locations;
    QHash<int, QString> pathOfColumn;
    int column = kFirstColumn;
    const auto record = [&](const QString &path, int line) {
        locations.record(path, {line, column});
        pathOfColumn.insert(column, path);
        ++column;
    };
    for (const char *field : kFields)
        record(QString::fromLatin1(field), 1);
    for (int i = 0; i < spec.machines.hosts.size(); ++i) {
        for (const char *field : kHostFields)
            record(QStringLiteral("machines.hosts[%1]%2").arg(i).arg(QLatin1String(field)), i + 1);
    }

    QList<Entry> entries;
    for (const Diagnostic &diagnostic : ClusterSpecValidator::validate(spec, locations))
        entries << Entry{pathOfColumn.value(diagnostic.location.column), diagnostic};
    return entries;
}

QList<FieldDiagnostics::Entry> FieldDiagnostics::check(const ClusterSpec &spec,
                                                       const QStringList &sections)
{
    QList<Entry> entries;
    for (const Entry &entry : check(spec)) {
        if (std::any_of(sections.cbegin(), sections.cend(),
                        [&](const QString &section) { return isUnder(entry.path, section); })) {
            entries << entry;
        }
    }
    return entries;
}

bool FieldDiagnostics::isUnder(const QString &path, const QString &section)
{
    if (section.isEmpty() || path == section)
        return true;
    if (!path.startsWith(section))
        return false;
    const QChar next = path.at(section.size());
    return next == QLatin1Char('.') || next == QLatin1Char('[');
}

bool FieldDiagnostics::hasErrors(const QList<Entry> &entries)
{
    return std::any_of(entries.cbegin(), entries.cend(), [](const Entry &entry) {
        return entry.diagnostic.severity == Severity::Error;
    });
}

} // namespace SparkDeck
