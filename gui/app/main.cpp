#include "guiresources.h"
#include "dashboard/clusterwindow.h"
#include "mainwindow.h"
#include "startpage.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QTimer>

#include <cstdio>

namespace {

/// SPARKDECK_STARTUP_REPORT=1 (bench/gui-responsiveness): once the first window has painted,
/// print the milliseconds since main() began, the resident memory and whether WebEngine is
/// loaded, then quit.
class FirstPaintReport : public QObject
{
public:
    FirstPaintReport(const QElapsedTimer &clock, QObject *parent) : QObject(parent), m_clock(clock) {}

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && watched->isWidgetType() && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, this, [this] { // after the paint has finished
                QByteArray rss = "?";
                QFile status(QStringLiteral("/proc/self/status"));
                if (status.open(QIODevice::ReadOnly)) {
                    for (const QByteArray &line : status.readAll().split('\n')) {
                        if (line.startsWith("VmRSS:"))
                            rss = line.mid(6).simplified().split(' ').value(0);
                    }
                }
                QFile maps(QStringLiteral("/proc/self/maps"));
                const bool webEngine = maps.open(QIODevice::ReadOnly)
                                       && maps.readAll().contains("libQt6WebEngineCore");
                std::printf("startup: first-paint-ms=%lld rss-kb=%s webengine-loaded=%d\n",
                            m_clock.elapsed(), rss.constData(), webEngine ? 1 : 0);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return false;
    }

private:
    const QElapsedTimer &m_clock;
    bool m_seen = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startupClock;
    startupClock.start();
    // WebEngine (gui/web, loaded lazily) shares OpenGL contexts with the widgets.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("SPARKDECK_STARTUP_REPORT"))
        app.installEventFilter(new FirstPaintReport(startupClock, &app));
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
    const QCommandLineOption editOption(
        QStringLiteral("edit"),
        QCoreApplication::translate("main", "Open the file in the editor, not in its cluster window."));
    parser.addOption(editOption);
    parser.process(app);

    // A file on the command line opens in its cluster window, as a recent cluster does (in the
    // editor with --edit, or when its problems keep it from being used); otherwise the start
    // page comes first.
    const QStringList files = parser.positionalArguments();
    SparkDeck::ClusterWindow *cluster = nullptr;
    if (!files.isEmpty() && !parser.isSet(editOption)) {
        cluster = new SparkDeck::ClusterWindow;
        cluster->setAttribute(Qt::WA_DeleteOnClose);
        if (cluster->openFile(files.constFirst())) {
            cluster->show();
        } else {
            delete cluster;
            cluster = nullptr;
        }
    }
    if (files.isEmpty()) {
        auto *startPage = new SparkDeck::StartPage;
        startPage->setAttribute(Qt::WA_DeleteOnClose);
        startPage->show();
    } else if (!cluster) {
        auto *window = new SparkDeck::MainWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        window->openFile(files.constFirst());
    }
    return app.exec();
}
