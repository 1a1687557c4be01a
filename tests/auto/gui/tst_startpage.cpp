#include "app/clustertemplates.h"
#include "app/mainwindow.h"
#include "app/recentfiles.h"
#include "app/startpage.h"
#include "app/translations.h"
#include "dashboard/clusterwindow.h"
#include "dashboard/messagebanner.h"
#include "spec/diagnosticsmodel.h"
#include "wizard/hostspage.h"
#include "wizard/machinespage.h"
#include "wizard/setupwizard.h"

#include "spec/hostlistmodel.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace SparkDeck;

/// The start page: recent clusters, new, open, templates, driven by mouse and keyboard.
/// Offscreen; saves screenshots into SPARKDECK_ARTIFACTS_DIR (or the working directory).
class tst_StartPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsStartTemplatesAndEmptyRecentList();
    void constructsNothingHeavy();
    void recentClustersNewestFirst();
    void openingRecentClusterOpensClusterWindow();
    void aRecentClusterWithProblemsOpensInTheEditor();
    void missingRecentClusterOffersRemoval();
    void clearRecentList();
    void newClusterOpensEmptyWizard();
    void templatesOpenWizardPrefilled_data();
    void templatesOpenWizardPrefilled();
    void keyboard();
    void wizardSaveOffersToBringItUp();
    void screenshots();

private:
    QString writeCluster(const QString &relativePath, const QString &name);
    void saveScreenshot(QWidget *widget, const QString &name);
    QList<MainWindow *> editorWindows() const;
    QList<ClusterWindow *> clusterWindows() const;

    QTemporaryDir m_dir;
    std::unique_ptr<StartPage> m_page;
    QTimer m_dialogWatchdog;
    QStringList m_unexpectedDialogs;
    QStringList m_expectedDialogs;
    QStringList m_answeredDialogs;
};

void tst_StartPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("SparkDeckTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_startpage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPARKDECK_VERSION));
    QVERIFY(installTranslators(QLocale(QLocale::English)));

    m_dialogWatchdog.setInterval(50);
    connect(&m_dialogWatchdog, &QTimer::timeout, this, [this] {
        const auto widgets = QApplication::topLevelWidgets();
        for (QWidget *widget : widgets) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (!box || !box->isVisible())
                continue;
            const QString text = box->text() + QLatin1Char(' ') + box->informativeText();
            if (m_expectedDialogs.removeOne(box->objectName())) {
                m_answeredDialogs << text;
                box->buttons().constFirst()->click(); // the action button comes first
            } else {
                m_unexpectedDialogs << text;
                box->reject();
            }
        }
    });
    m_dialogWatchdog.start();
}

void tst_StartPage::init()
{
    QSettings().clear();
    m_unexpectedDialogs.clear();
    m_expectedDialogs.clear();
    m_answeredDialogs.clear();
}

void tst_StartPage::cleanup()
{
    m_page.reset();
    for (MainWindow *window : editorWindows()) {
        window->editor(); // unmodified: closes without asking
        window->close();
        delete window;
    }
    qDeleteAll(clusterWindows());
    QVERIFY2(m_unexpectedDialogs.isEmpty(),
             qPrintable(m_unexpectedDialogs.join(QLatin1String(" | "))));
}

QList<MainWindow *> tst_StartPage::editorWindows() const
{
    QList<MainWindow *> windows;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<MainWindow *>(widget))
            windows << window;
    }
    return windows;
}

QList<ClusterWindow *> tst_StartPage::clusterWindows() const
{
    QList<ClusterWindow *> windows;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<ClusterWindow *>(widget))
            windows << window;
    }
    return windows;
}

QString tst_StartPage::writeCluster(const QString &relativePath, const QString &name)
{
    const QString path = m_dir.filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QString();
    file.write(QStringLiteral("name: %1\nmachines:\n  provider: local\n").arg(name).toUtf8());
    return QFileInfo(path).absoluteFilePath();
}

void tst_StartPage::saveScreenshot(QWidget *widget, const QString &name)
{
    QApplication::processEvents();
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    const QString dir = qEnvironmentVariable("SPARKDECK_ARTIFACTS_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    const QString png = QDir(dir).filePath(QStringLiteral("tst_startpage-%1.png").arg(name));
    QVERIFY2(image.save(png), qPrintable(png));
    qInfo("screenshot: %s", qPrintable(png));
}

void tst_StartPage::showsStartTemplatesAndEmptyRecentList()
{
    m_page = std::make_unique<StartPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_page->windowTitle(), QStringLiteral("SparkDeck"));
    QVERIFY(m_page->newClusterButton()->isVisible());
    QCOMPARE(m_page->newClusterButton()->text(), QStringLiteral("&New Cluster…"));
    QCOMPARE(m_page->openFileButton()->text(), QStringLiteral("&Open Cluster File…"));
    QStringList templates;
    for (QCommandLinkButton *button : m_page->templateButtons())
        templates << button->text();
    QCOMPARE(templates, (QStringList{QStringLiteral("This computer: 1 master + 2 workers"),
                                     QStringLiteral("Classroom: 1 master + 3 workers on existing "
                                                    "hosts")}));
    QCOMPARE(m_page->templateButtons().size(), ClusterTemplates::all().size());
    QVERIFY(m_page->recentButtons().isEmpty());
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("noRecentClusters"))->isVisible());
    QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("clearRecentButton"))->isEnabled());
    auto *icon = m_page->findChild<QLabel *>(QStringLiteral("appIcon"));
    QVERIFY(!icon->pixmap().isNull());
    QVERIFY(!m_page->findChild<QLabel *>(QStringLiteral("tagline"))->text().isEmpty());
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("versionLabel"))->text(),
             QStringLiteral("Version " SPARKDECK_VERSION));
}

void tst_StartPage::constructsNothingHeavy()
{
    // Drawing fast means: no editor, no wizard, no template read until asked.
    QElapsedTimer clock;
    clock.start();
    m_page = std::make_unique<StartPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    qInfo("start page constructed and exposed in %lld ms (not asserted)", clock.elapsed());
    QVERIFY(editorWindows().isEmpty());
    QVERIFY(!m_page->findChild<SetupWizard *>());
}

void tst_StartPage::recentClustersNewestFirst()
{
    const QString older
        = writeCluster(QStringLiteral("clusters/older.yaml"), QStringLiteral("older"));
    const QString newer = writeCluster(QStringLiteral("newer.yaml"), QStringLiteral("newer"));
    {
        RecentFiles recent; // the same list the editor keeps
        recent.add(older);
        recent.add(newer);
    }
    m_page = std::make_unique<StartPage>();
    const QList<QCommandLinkButton *> buttons = m_page->recentButtons();
    QCOMPARE(buttons.size(), 2);
    QCOMPARE(buttons.at(0)->text(), QStringLiteral("&1  newer.yaml"));
    QCOMPARE(buttons.at(1)->text(), QStringLiteral("&2  older.yaml"));
    QCOMPARE(buttons.at(1)->toolTip(), QDir::toNativeSeparators(older));
    QCOMPARE(buttons.at(1)->description(),
             QDir::toNativeSeparators(QFileInfo(older).absolutePath()));
    QVERIFY(!m_page->findChild<QLabel *>(QStringLiteral("noRecentClusters"))
                 ->isVisibleTo(m_page.get()));
}

void tst_StartPage::openingRecentClusterOpensClusterWindow()
{
    const QString path = writeCluster(QStringLiteral("demo.yaml"), QStringLiteral("demo"));
    RecentFiles().add(path);
    m_page = std::make_unique<StartPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QSignalSpy opened(m_page.get(), &StartPage::clusterWindowOpened);
    QTest::mouseClick(m_page->recentButtons().constFirst(), Qt::LeftButton);
    QCOMPARE(opened.count(), 1);
    auto *window = qobject_cast<ClusterWindow *>(opened.at(0).at(0).value<QWidget *>());
    QVERIFY(window);
    QVERIFY(window->isVisible());
    QCOMPARE(window->clusterFile(), path);
    // Never brought up (no run in its journal): the window says so and offers to.
    QVERIFY(!window->clusterIsUp());
    QVERIFY(window->connectionBanner()->isVisible());
    QVERIFY(window->connectionBanner()->text().contains(QStringLiteral("is not running")));
    QVERIFY(!m_page->isVisible()); // the start page makes way
    QCOMPARE(RecentFiles().files().constFirst(), path);
    // The editor stays one menu item away.
    MainWindow *editor = window->editClusterFile();
    QVERIFY(editor);
    QCOMPARE(editor->currentFile(), path);
}

void tst_StartPage::aRecentClusterWithProblemsOpensInTheEditor()
{
    const QString path = m_dir.filePath(QStringLiteral("broken.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name: broken\nworkers: {count: lots}\n");
    file.close();
    RecentFiles().add(path);
    m_page = std::make_unique<StartPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QSignalSpy opened(m_page.get(), &StartPage::clusterWindowOpened);
    QTest::mouseClick(m_page->recentButtons().constFirst(), Qt::LeftButton);
    QCOMPARE(opened.count(), 1);
    auto *editor = qobject_cast<MainWindow *>(opened.at(0).at(0).value<QWidget *>());
    QVERIFY(editor);
    QCOMPARE(editor->currentFile(), QFileInfo(path).absoluteFilePath());
    QTRY_VERIFY(editor->diagnosticsModel()->rowCount() > 0);
    QVERIFY(clusterWindows().isEmpty());
}

void tst_StartPage::missingRecentClusterOffersRemoval()
{
    const QString kept = writeCluster(QStringLiteral("kept.yaml"), QStringLiteral("kept"));
    const QString gone = m_dir.filePath(QStringLiteral("gone.yaml"));
    {
        RecentFiles recent;
        recent.add(kept);
        recent.add(gone);
    }
    m_page = std::make_unique<StartPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_expectedDialogs << QStringLiteral("missingFileBox");
    QTest::mouseClick(m_page->recentButtons().constFirst(), Qt::LeftButton);
    QTRY_COMPARE(m_answeredDialogs.size(), 1);
    QVERIFY2(m_answeredDialogs.constFirst().contains(QLatin1String("gone.yaml")),
             qPrintable(m_answeredDialogs.constFirst()));
    QTRY_COMPARE(m_page->recentButtons().size(), 1);
    QCOMPARE(RecentFiles().files(), QStringList{kept});
    QVERIFY(m_page->isVisible());
    QVERIFY(editorWindows().isEmpty());
}

void tst_StartPage::clearRecentList()
{
    RecentFiles().add(writeCluster(QStringLiteral("a.yaml"), QStringLiteral("a")));
    m_page = std::make_unique<StartPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    auto *clear = m_page->findChild<QPushButton *>(QStringLiteral("clearRecentButton"));
    QVERIFY(clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(m_page->recentButtons().isEmpty());
    QVERIFY(RecentFiles().files().isEmpty());
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("noRecentClusters"))->isVisible());
}

void tst_StartPage::newClusterOpensEmptyWizard()
{
    m_page = std::make_unique<StartPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QSignalSpy opened(m_page.get(), &StartPage::wizardOpened);
    QTest::mouseClick(m_page->newClusterButton(), Qt::LeftButton);
    QCOMPARE(opened.count(), 1);
    auto *wizard = opened.at(0).at(0).value<SetupWizard *>();
    QVERIFY(wizard);
    QVERIFY(QTest::qWaitForWindowExposed(wizard));
    QCOMPARE(wizard->currentId(), int(SetupWizard::MachinesPageId));
    QVERIFY(wizard->spec().name.isEmpty());
    // A second click brings the same wizard forward.
    QCOMPARE(m_page->newCluster(), wizard);
    wizard->reject();
}

void tst_StartPage::templatesOpenWizardPrefilled_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("hosts");
    QTest::newRow("this computer") << 0 << "this-computer" << 0;
    QTest::newRow("classroom") << 1 << "classroom" << 4;
}

void tst_StartPage::templatesOpenWizardPrefilled()
{
    QFETCH(int, index);
    QFETCH(QString, name);
    QFETCH(int, hosts);
    m_page = std::make_unique<StartPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QSignalSpy opened(m_page.get(), &StartPage::wizardOpened);
    QTest::mouseClick(m_page->templateButtons().at(index), Qt::LeftButton);
    QCOMPARE(opened.count(), 1);
    auto *wizard = opened.at(0).at(0).value<SetupWizard *>();
    QVERIFY(wizard);
    QCOMPARE(wizard->spec().name, name);
    QCOMPARE(wizard->spec().machines.hosts.size(), hosts);
    QCOMPARE(wizard->machinesPage()->nameEdit()->text(), name);
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->reject();
}

void tst_StartPage::keyboard()
{
    RecentFiles().add(writeCluster(QStringLiteral("k.yaml"), QStringLiteral("k")));
    m_page = std::make_unique<StartPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QCOMPARE(QApplication::focusWidget(), m_page->newClusterButton());

    // Arrows and Tab walk the big buttons in reading order.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), m_page->openFileButton());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), m_page->templateButtons().at(0));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), m_page->templateButtons().at(1));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), m_page->recentButtons().at(0));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up);
    QCOMPARE(QApplication::focusWidget(), m_page->templateButtons().at(1));

    // Space on a focused button, and Ctrl+N, open the wizard.
    QSignalSpy opened(m_page.get(), &StartPage::wizardOpened);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QCOMPARE(opened.count(), 1);
    auto *wizard = opened.at(0).at(0).value<SetupWizard *>();
    QVERIFY(wizard);
    QCOMPARE(wizard->spec().name, QStringLiteral("classroom"));
    wizard->reject();
    QTRY_VERIFY(!m_page->findChild<SetupWizard *>()); // closed wizards go away
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QTest::keyClick(m_page.get(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(opened.count(), 2);
    opened.at(1).at(0).value<SetupWizard *>()->reject();
    QTRY_VERIFY(!m_page->findChild<SetupWizard *>());

    // Alt+1 opens the newest recent cluster.
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QSignalSpy windows(m_page.get(), &StartPage::clusterWindowOpened);
    QTest::keyClick(m_page.get(), Qt::Key_1, Qt::AltModifier);
    QTRY_COMPARE(windows.count(), 1); // a mnemonic animates the click first
}

void tst_StartPage::wizardSaveOffersToBringItUp()
{
    m_page = std::make_unique<StartPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    SetupWizard *wizard = m_page->newCluster();
    const QString target = m_dir.filePath(QStringLiteral("fromwizard.yaml"));
    wizard->setSaveFileChooser([&](const QString &) { return target; });
    wizard->machinesPage()->nameEdit()->setText(QStringLiteral("from-wizard"));
    while (wizard->currentId() != SetupWizard::ReviewPageId) {
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        wizard->next();
    }
    QSignalSpy opened(m_page.get(), &StartPage::clusterWindowOpened);
    m_dialogWatchdog.stop(); // this question is answered by hand: "Later"
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = m_page->findChild<QMessageBox *>(QStringLiteral("bringUpQuestion")))); // queued
    QVERIFY(question->text().contains(QStringLiteral("“from-wizard” is saved. Bring it up now?")));
    QVERIFY(question->informativeText().contains(QStringLiteral("on this computer")));
    QPushButton *later = nullptr;
    for (QAbstractButton *button : question->buttons()) {
        if (button->text() == QStringLiteral("&Later"))
            later = qobject_cast<QPushButton *>(button);
    }
    QVERIFY(later);
    later->click();
    m_dialogWatchdog.start();
    QTRY_COMPARE(opened.count(), 1);
    auto *window = qobject_cast<ClusterWindow *>(opened.at(0).at(0).value<QWidget *>());
    QVERIFY(window);
    QCOMPARE(window->clusterFile(), QFileInfo(target).absoluteFilePath());
    QCOMPARE(window->spec().name, QStringLiteral("from-wizard"));
    QVERIFY(!window->isOperationRunning()); // "Later": nothing started
    QCOMPARE(RecentFiles().files().constFirst(), QFileInfo(target).absoluteFilePath());
}

void tst_StartPage::screenshots()
{
    m_page = std::make_unique<StartPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    saveScreenshot(m_page.get(), QStringLiteral("empty"));
    m_page.reset();

    {
        RecentFiles recent;
        recent.add(writeCluster(QStringLiteral("Documents/physics-lab.yaml"),
                                QStringLiteral("physics-lab")));
        recent.add(writeCluster(QStringLiteral("Documents/clusters/classroom-b12.yaml"),
                                QStringLiteral("classroom-b12")));
        recent.add(writeCluster(QStringLiteral("demo.yaml"), QStringLiteral("demo")));
    }
    m_page = std::make_unique<StartPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    saveScreenshot(m_page.get(), QStringLiteral("recent"));
}

QTEST_MAIN(tst_StartPage)
#include "tst_startpage.moc"
