#pragma once

#include <QLocale>

namespace SparkDeck {

/// Installs the app's translations for a locale: English plural forms ("1 problem",
/// "2 problems") always, then Qt's own and SparkDeck's translation for the locale when they
/// exist. The .qm files are embedded under `:/i18n`. Returns whether the locale's own
/// SparkDeck translation was found (always true for English).
bool installTranslators(const QLocale &locale = QLocale());

} // namespace SparkDeck
