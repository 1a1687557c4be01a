#pragma once

#include <QString>
#include <QStringList>

namespace SparkDeck {

/// The number of single-character edits (insert, delete, replace, swap) between two words.
int editDistance(const QString &a, const QString &b);

/// The candidate a user most likely meant when typing `typed`, or an empty string when none is
/// close enough to be a useful "did you mean" (at most a third of the word's letters changed).
QString closestMatch(const QString &typed, const QStringList &candidates);

} // namespace SparkDeck
