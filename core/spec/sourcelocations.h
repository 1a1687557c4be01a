#pragma once

#include "spec/diagnostic.h"

#include <QHash>
#include <algorithm>
#include <QString>

namespace SparkDeck {

/// Where each value of a cluster file was written, by its path (`workers.count`,
/// `machines.hosts[1].address`). Lets the validator point at the line a user must change;
/// a value that was left out points at its section, then at the top of the file.
class SourceLocations
{
public:
    void record(const QString &path, SourceLocation location) { m_locations.insert(path, location); }

    bool contains(const QString &path) const { return m_locations.contains(path); }

    SourceLocation of(const QString &path) const
    {
        QString current = path;
        while (!current.isEmpty()) {
            const auto it = m_locations.constFind(current);
            if (it != m_locations.cend())
                return *it;
            const int cut = std::max(current.lastIndexOf(QLatin1Char('.')),
                                     current.lastIndexOf(QLatin1Char('[')));
            current = cut > 0 ? current.left(cut) : QString();
        }
        return {1, 1};
    }

private:
    QHash<QString, SourceLocation> m_locations;
};

} // namespace SparkDeck
