#include "guiresources.h"
#include "mainwindow.h"
#include "startpage.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SparkDeck"));
    QApplication::setOrganizationDomain(QStringLiteral("sparkdeck.io"));
    QApplication::setApplicationName(QStringLiteral("SparkDeck"));
    QApplication::setApplicationVersion(QStringLiteral(SPARKDECK_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.sparkdeck.SparkDeck"));

    SparkDeck::ensureGuiResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/sparkdeck.svg")));

    SparkDeck::installTranslators(QLocale());
    QGuiApplication::setApplicationDisplayName(QCoreApplication::translate("main", "SparkDeck"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Create, open and edit SparkDeck cluster files."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("main", "The cluster file to open."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    // A file on the command line opens in the editor; otherwise the start page comes first.
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        auto *startPage = new SparkDeck::StartPage;
        startPage->setAttribute(Qt::WA_DeleteOnClose);
        startPage->show();
    } else {
        auto *window = new SparkDeck::MainWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        window->openFile(files.constFirst());
    }
    return app.exec();
}
