#include "translations.h"

#include "guiresources.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace SparkDeck {

namespace {

bool install(const QLocale &locale, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, name, QStringLiteral("_"), directory)
        && QCoreApplication::installTranslator(translator)) {
        return true;
    }
    delete translator;
    return false;
}

} // namespace

bool installTranslators(const QLocale &locale)
{
    ensureGuiResources();
    const QString embedded = QStringLiteral(":/i18n");
    // Installed first, so searched last: the English source texts' plural forms.
    install(QLocale(QLocale::English), QStringLiteral("sparkdeck"), embedded);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    install(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return install(locale, QStringLiteral("sparkdeck"), embedded);
}

} // namespace SparkDeck
