#include "app/clustertemplates.h"
#include "app/codeeditor.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "spec/clusterfileloader.h"
#include "spec/diagnosticsmodel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

#include <memory>

using namespace SparkDeck;

/// The desktop app's main window, driven as a user would: typing, keys, menus, files on disk.
/// Runs offscreen; saves a screenshot of the window with problems into SPARKDECK_ARTIFACTS_DIR
/// (or the working directory) for a person to look at.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithValidTemplate();
    void templatesLoadWithoutDiagnostics_data();
    void templatesLoadWithoutDiagnostics();
    void newFromTemplateMenu();
    void typedProblemsAppearAfterDebounce();
    void pastedBadFileShowsProblemsAtTheirLines();
    void activatingProblemMovesCursor();
    void nextProblemKey();
    void columnsAfterNonAsciiText();
    void editorKeys();
    void openSaveRoundTripIsByteExact_data();
    void openSaveRoundTripIsByteExact();
    void openUnparsableFileKeepsTextAndShowsProblems();
    void openNonUtf8FileWarnsAndShowsPlace();
    void openMissingFileExplains();
    void modifiedFlag();
    void closeWithUnsavedChangesAsks();
    void recentFilesListNewestFirst();
    void translationsAreEmbedded();
    void screenshot();

private:
    static QByteArray badFile();
    /// Replaces the editor's text with badFile(), as a paste does.
    void pasteBadFile();
    QString writeFile(const QString &name, const QByteArray &bytes);
    static QByteArray readFile(const QString &path);
    /// Answers the next message box with a button, recording its text.
    void answerNextMessageBox(QMessageBox::StandardButton button);
    QStringList problemLines() const;

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_files;
    std::unique_ptr<MainWindow> m_window;
    QTimer m_dialogWatchdog;
    QStringList m_unexpectedDialogs;
    QStringList m_answeredDialogs;
    QMessageBox::StandardButton m_nextAnswer = QMessageBox::NoButton;
};

QByteArray tst_MainWindow::badFile()
{
    return "name: Demo_Cluster\n" // 1: invalid name (uppercase, underscore)
           "machines:\n"          // 2
           "  provder: local\n"   // 3: unknown key, did you mean 'provider'
           "workers:\n"           // 4
           "  count: many\n"      // 5: not a number
           "  memory: 2 gigs\n";  // 6: not a memory size
}

void tst_MainWindow::pasteBadFile()
{
    m_window->editor()->selectAll();
    m_window->editor()->insertPlainText(QString::fromUtf8(badFile()));
}

void tst_MainWindow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QVERIFY(m_files.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("SparkDeckTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    // As the app does: English plural forms ("1 problem", "4 problems").
    QVERIFY(installTranslators(QLocale(QLocale::English)));

    // A message box nobody expected would block the test until its time-out: close it and fail.
    m_dialogWatchdog.setInterval(50);
    connect(&m_dialogWatchdog, &QTimer::timeout, this, [this] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        const QString text = box->text() + QLatin1Char(' ') + box->informativeText();
        if (m_nextAnswer != QMessageBox::NoButton) {
            m_answeredDialogs << text;
            QAbstractButton *button = box->button(m_nextAnswer);
            m_nextAnswer = QMessageBox::NoButton;
            QVERIFY(button);
            button->click();
        } else {
            m_unexpectedDialogs << text;
            box->reject();
        }
    });
    m_dialogWatchdog.start();
}

void tst_MainWindow::init()
{
    QSettings().clear();
    m_unexpectedDialogs.clear();
    m_answeredDialogs.clear();
    m_nextAnswer = QMessageBox::NoButton;
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_MainWindow::cleanup()
{
    if (m_window) {
        m_window->editor()->document()->setModified(false);
        m_window.reset();
    }
    QVERIFY2(m_unexpectedDialogs.isEmpty(),
             qPrintable(m_unexpectedDialogs.join(QLatin1String(" | "))));
}

QString tst_MainWindow::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return QString();
    return path;
}

QByteArray tst_MainWindow::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_MainWindow::answerNextMessageBox(QMessageBox::StandardButton button)
{
    m_nextAnswer = button;
}

QStringList tst_MainWindow::problemLines() const
{
    QStringList lines;
    const QAbstractItemModel *model = m_window->problemsView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, DiagnosticsModel::LocationColumn);
        lines << QStringLiteral("%1:%2")
                     .arg(index.data(DiagnosticsModel::LineRole).toInt())
                     .arg(index.data(DiagnosticsModel::ColumnRole).toInt());
    }
    return lines;
}

void tst_MainWindow::startsWithValidTemplate()
{
    QVERIFY(m_window->currentFile().isEmpty());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Untitled[*]"));
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(m_window->diagnosticsModel()->rowCount(), 0);
    QCOMPARE(m_window->validationSummary(), QStringLiteral("Valid cluster 'this-computer'"));
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("validationStatus"))->text(),
             QStringLiteral("Valid cluster 'this-computer'"));
    QCOMPARE(m_window->editor()->text(),
             QString::fromUtf8(ClusterTemplates::text(QStringLiteral("this-computer"))));
    QVERIFY(m_window->width() >= 900 && m_window->height() >= 600);
    QVERIFY(m_window->editor()->hasFocus());
}

void tst_MainWindow::templatesLoadWithoutDiagnostics_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("hosts");
    QTest::addColumn<int>("workers");
    QTest::newRow("this-computer") << "this-computer"
                                   << "local" << 0 << 2;
    QTest::newRow("classroom") << "classroom"
                               << "existing" << 4 << 3;
    QCOMPARE(ClusterTemplates::all().size(), 2); // a new template needs a row here
}

void tst_MainWindow::templatesLoadWithoutDiagnostics()
{
    QFETCH(QString, id);
    QFETCH(QString, provider);
    QFETCH(int, hosts);
    QFETCH(int, workers);

    const QByteArray text = ClusterTemplates::text(id);
    QVERIFY(!text.isEmpty());
    const LoadedClusterFile loaded = ClusterFileLoader::loadText(text);
    QStringList problems;
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        problems << diagnostic.format(id + QStringLiteral(".yaml"));
    QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(loaded.spec.name, id);
    QCOMPARE(toString(loaded.spec.machines.provider), provider);
    QCOMPARE(int(loaded.spec.machines.hosts.size()), hosts);
    QCOMPARE(loaded.spec.workers.count, workers);
    if (hosts > 0) {
        // One machine runs the master, each of the others one worker.
        QCOMPARE(loaded.spec.masterHost()->address, QStringLiteral("192.168.56.11"));
        QCOMPARE(hosts - 1, workers);
        for (int i = 0; i < hosts; ++i) {
            QCOMPARE(loaded.spec.machines.hosts.at(i).address,
                     QStringLiteral("192.168.56.%1").arg(11 + i));
        }
    }
}

void tst_MainWindow::newFromTemplateMenu()
{
    auto *newMenu = m_window->findChild<QMenu *>(QStringLiteral("newMenu"));
    QVERIFY(newMenu);
    QAction *classroom = newMenu->findChild<QAction *>(QStringLiteral("new-classroom"));
    QVERIFY(classroom);
    QVERIFY(classroom->text().contains(QLatin1Char('&')));
    classroom->trigger();
    QCOMPARE(m_window->editor()->text(),
             QString::fromUtf8(ClusterTemplates::text(QStringLiteral("classroom"))));
    QCOMPARE(m_window->diagnosticsModel()->rowCount(), 0);
    QCOMPARE(m_window->validationSummary(), QStringLiteral("Valid cluster 'classroom'"));
    QVERIFY(!m_window->isWindowModified());

    QAction *thisComputer = newMenu->findChild<QAction *>(QStringLiteral("new-this-computer"));
    QVERIFY(thisComputer);
    QCOMPARE(thisComputer->shortcut(), QKeySequence(QKeySequence::New));
}

void tst_MainWindow::typedProblemsAppearAfterDebounce()
{
    CodeEditor *editor = m_window->editor();
    // Go to the end of "  count: 2" (line 15 of the template) and make it "2x".
    const QStringList lines = editor->text().split(QLatin1Char('\n'));
    const int countLine
        = int(lines.indexOf(QRegularExpression(QStringLiteral("^  count: 2.*")))) + 1;
    QVERIFY(countLine > 0);
    editor->goTo(countLine, 11);
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("x"));
    QVERIFY(editor->text().contains(QLatin1String("count: 2x")));
    // Not yet: the check waits for a pause in typing.
    QCOMPARE(m_window->diagnosticsModel()->rowCount(), 0);
    QTRY_COMPARE(m_window->diagnosticsModel()->rowCount(), 1);
    QCOMPARE(problemLines(), QStringList{QStringLiteral("%1:10").arg(countLine)});
    QCOMPARE(m_window->validationSummary(), QStringLiteral("1 problem"));
    QCOMPARE(editor->diagnosticsOnLine(countLine).size(), 1);
    // The problem is marked in place: a wavy underline among the editor's extra selections.
    bool underlined = false;
    for (const QTextEdit::ExtraSelection &selection : editor->extraSelections()) {
        if (selection.format.underlineStyle() == QTextCharFormat::WaveUnderline) {
            underlined = true;
            QCOMPARE(selection.cursor.block().blockNumber() + 1, countLine);
            QCOMPARE(selection.cursor.selectedText(), QStringLiteral("2x"));
        }
    }
    QVERIFY(underlined);
    // The cursor is on the line: the status bar says what is wrong.
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("whole number")));

    QTest::keyClick(editor, Qt::Key_Backspace);
    QTRY_COMPARE(m_window->diagnosticsModel()->rowCount(), 0);
    QCOMPARE(m_window->validationSummary(), QStringLiteral("Valid cluster 'this-computer'"));
}

void tst_MainWindow::pastedBadFileShowsProblemsAtTheirLines()
{
    pasteBadFile();
    QTRY_COMPARE(m_window->diagnosticsModel()->rowCount(), 4);
    QCOMPARE(problemLines(), (QStringList{QStringLiteral("1:7"), QStringLiteral("3:3"),
                                          QStringLiteral("5:10"), QStringLiteral("6:11")}));
    QCOMPARE(m_window->validationSummary(), QStringLiteral("4 problems"));
    const QAbstractItemModel *model = m_window->problemsView()->model();
    QVERIFY(model->index(1, DiagnosticsModel::MessageColumn)
                .data()
                .toString()
                .contains(QLatin1String("did you mean 'provider'")));
    // Each row carries an icon from the style.
    QVERIFY(!model->index(0, DiagnosticsModel::SeverityColumn)
                 .data(Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    QVERIFY(m_window->isWindowModified());
}

void tst_MainWindow::activatingProblemMovesCursor()
{
    CodeEditor *editor = m_window->editor();
    pasteBadFile();
    QTRY_COMPARE(m_window->diagnosticsModel()->rowCount(), 4);
    editor->goTo(1, 1);

    // Keyboard only: Alt+P reaches the list (its label's mnemonic), Down, Down, Return.
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::AltModifier);
    QTableView *view = m_window->problemsView();
    QTRY_VERIFY(view->hasFocus());
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->currentIndex().row(), 2);
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY(editor->hasFocus());
    QCOMPARE(editor->cursorLine(), 5);
    QCOMPARE(editor->cursorColumn(), 10);
    QCOMPARE(editor->textCursor().block().text().mid(editor->cursorColumn() - 1),
             QStringLiteral("many"));
}

void tst_MainWindow::nextProblemKey()
{
    CodeEditor *editor = m_window->editor();
    pasteBadFile();
    QTRY_COMPARE(m_window->diagnosticsModel()->rowCount(), 4);
    editor->goTo(2, 1);
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_F8);
    QCOMPARE(editor->cursorLine(), 3);
    QTest::keyClick(editor, Qt::Key_F8);
    QCOMPARE(editor->cursorLine(), 5);
    QTest::keyClick(editor, Qt::Key_F8, Qt::ShiftModifier);
    QCOMPARE(editor->cursorLine(), 3);
    QCOMPARE(m_window->problemsView()->currentIndex().row(), 1);
}

void tst_MainWindow::columnsAfterNonAsciiText()
{
    // yaml-cpp counts columns in UTF-8 bytes; the editor counts characters. "é" and "日本"
    // before the mistake must not shift the cursor or the underline.
    CodeEditor *editor = m_window->editor();
    editor->selectAll();
    editor->insertPlainText(
        QStringLiteral("name: demo\nmachines: {ssh: {identity: \"~/é日本\", port: many}}\n"));
    QTRY_COMPARE(m_window->diagnosticsModel()->rowCount(), 1);
    const QModelIndex problem = m_window->problemsView()->model()->index(0, 0);
    QCOMPARE(problem.data(DiagnosticsModel::LineRole).toInt(), 2);
    m_window->problemsView()->setCurrentIndex(problem);
    QTest::keyClick(m_window->problemsView(), Qt::Key_Return);
    QCOMPARE(editor->cursorLine(), 2);
    QVERIFY2(editor->textCursor()
                 .block()
                 .text()
                 .mid(editor->cursorColumn() - 1)
                 .startsWith(QLatin1String("many")),
             qPrintable(editor->textCursor().block().text().mid(editor->cursorColumn() - 1)));
}

void tst_MainWindow::editorKeys()
{
    CodeEditor *editor = m_window->editor();
    editor->setText(QString());
    editor->setFocus();
    // Return after "key:" indents the next line; Tab indents with spaces, never a tab.
    QTest::keyClicks(editor, QStringLiteral("workers:"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, QStringLiteral("count: 2"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClick(editor, Qt::Key_Tab);
    QCOMPARE(editor->text(), QStringLiteral("workers:\n  count: 2\n    "));
    QTest::keyClick(editor, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(editor->text(), QStringLiteral("workers:\n  count: 2\n  "));
    // Ctrl+Tab leaves the editor for the problems list (the tab order), Shift+Tab comes back.
    QTest::keyClick(editor, Qt::Key_Tab, Qt::ControlModifier);
    QTRY_VERIFY(m_window->problemsView()->hasFocus());
    QTest::keyClick(m_window->problemsView(), Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_VERIFY(editor->hasFocus());
    // F6 switches between the two panes.
    QTest::keyClick(editor, Qt::Key_F6);
    QTRY_VERIFY(m_window->problemsView()->hasFocus());
    QTest::keyClick(m_window->problemsView(), Qt::Key_F6);
    QTRY_VERIFY(editor->hasFocus());
}

void tst_MainWindow::openSaveRoundTripIsByteExact_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("problems");
    const QByteArray valid = ClusterTemplates::text(QStringLiteral("this-computer"));
    QTest::newRow("template with comments") << valid << 0;
    QTest::newRow("crlf line endings") << QByteArray(valid).replace("\n", "\r\n") << 0;
    QTest::newRow("no final newline") << valid.chopped(1) << 0;
    QTest::newRow("blank lines at the end") << valid + "\n\n\n" << 0;
    QTest::newRow("non-ascii comments and nbsp")
        << QByteArray("# 日本語のコメント, 中文注释, émoji 🚀\n"
                      "name: demo   # non-breaking\xc2\xa0space in a comment\n"
                      "machines:\n  provider: local\n")
        << 0;
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbfname: demo\n") << 0;
    QTest::newRow("trailing spaces and tabs in comments")
        << QByteArray("name: demo    \n#\tcomment with a tab\t \nworkers:\n  count: 1  \n") << 0;
    QTest::newRow("bad file") << badFile() << 4;
}

void tst_MainWindow::openSaveRoundTripIsByteExact()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, problems);
    const QString original = writeFile(QStringLiteral("original.yaml"), bytes);
    QVERIFY(!original.isEmpty());

    QVERIFY(m_window->openFile(original));
    QCOMPARE(m_window->currentFile(), QFileInfo(original).absoluteFilePath());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("original.yaml[*]"));
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(m_window->diagnosticsModel()->rowCount(), problems);

    const QString copy = m_files.filePath(QStringLiteral("copy.yaml"));
    QVERIFY(m_window->saveFile(copy));
    QCOMPARE(readFile(copy), bytes);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("copy.yaml[*]"));

    // Reopen the copy, edit, undo, save in place: still the same bytes.
    QVERIFY(m_window->openFile(copy));
    QTest::keyClicks(m_window->editor(), QStringLiteral("zz"));
    QVERIFY(m_window->isWindowModified());
    m_window->editor()->undo();
    QVERIFY(m_window->saveFile(copy));
    QCOMPARE(readFile(copy), bytes);
    // Validation of the reopened text, after the debounce, agrees with the first one.
    QTRY_COMPARE(m_window->diagnosticsModel()->rowCount(), problems);
}

void tst_MainWindow::openUnparsableFileKeepsTextAndShowsProblems()
{
    const QByteArray bytes = "name: demo\n"
                             "machines:\n"
                             "  provider: local\n"
                             "workers: [1, 2\n" // 4: flow sequence never closed
                             "# the user's notes stay\n";
    const QString path = writeFile(QStringLiteral("broken.yaml"), bytes);
    QVERIFY(m_window->openFile(path));
    QCOMPARE(m_window->editor()->text().toUtf8(), bytes);
    QVERIFY(m_window->diagnosticsModel()->rowCount() >= 1);
    const QString message
        = m_window->diagnosticsModel()->index(0, DiagnosticsModel::MessageColumn).data().toString();
    QVERIFY2(message.contains(QLatin1String("YAML syntax error")), qPrintable(message));
    QVERIFY(m_window->diagnosticsModel()->index(0, 0).data(DiagnosticsModel::LineRole).toInt()
            >= 4);
    QVERIFY(m_window->validationSummary().endsWith(QLatin1String("problem")));
}

void tst_MainWindow::openNonUtf8FileWarnsAndShowsPlace()
{
    const QString path = writeFile(QStringLiteral("latin1.yaml"), "name: caf\xe9\n");
    answerNextMessageBox(QMessageBox::Ok);
    QVERIFY(m_window->openFile(path));
    QCOMPARE(m_answeredDialogs.size(), 1);
    QVERIFY(m_answeredDialogs.constFirst().contains(QLatin1String("UTF-8")));
    QCOMPARE(problemLines(), QStringList{QStringLiteral("1:10")});
    QVERIFY(m_window->diagnosticsModel()
                ->index(0, DiagnosticsModel::MessageColumn)
                .data()
                .toString()
                .contains(QLatin1String("UTF-8")));
    QCOMPARE(m_window->editor()->text(), QStringLiteral("name: caf\uFFFD\n"));
}

void tst_MainWindow::openMissingFileExplains()
{
    const QString before = m_window->editor()->text();
    answerNextMessageBox(QMessageBox::Ok);
    QVERIFY(!m_window->openFile(m_files.filePath(QStringLiteral("no-such-file.yaml"))));
    QCOMPARE(m_answeredDialogs.size(), 1);
    QVERIFY(m_answeredDialogs.constFirst().contains(QLatin1String("no-such-file.yaml")));
    QVERIFY(m_answeredDialogs.constFirst().contains(QLatin1String("Check that the file exists")));
    QCOMPARE(m_window->editor()->text(), before);
    QVERIFY(m_window->currentFile().isEmpty());
}

void tst_MainWindow::modifiedFlag()
{
    const QString path = writeFile(QStringLiteral("flag.yaml"), "name: demo\n");
    QVERIFY(m_window->openFile(path));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().contains(QLatin1String("[*]")));
    m_window->editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(m_window->editor(), QStringLiteral("# note"));
    QVERIFY(m_window->isWindowModified());
    m_window->editor()->undo();
    QVERIFY(!m_window->isWindowModified()); // back to the saved text
    QTest::keyClicks(m_window->editor(), QStringLiteral("# note"));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->saveFile(path));
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(readFile(path), QByteArray("name: demo\n# note"));
}

void tst_MainWindow::closeWithUnsavedChangesAsks()
{
    const QString path = writeFile(QStringLiteral("unsaved.yaml"), "name: demo\n");
    QVERIFY(m_window->openFile(path));
    m_window->editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(m_window->editor(), QStringLiteral("# keep me"));

    answerNextMessageBox(QMessageBox::Cancel);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QCOMPARE(m_answeredDialogs.size(), 1);
    QVERIFY(m_answeredDialogs.constFirst().contains(QLatin1String("unsaved.yaml")));
    QVERIFY(m_window->editor()->text().endsWith(QLatin1String("# keep me")));

    answerNextMessageBox(QMessageBox::Save);
    QVERIFY(m_window->close());
    QCOMPARE(readFile(path), QByteArray("name: demo\n# keep me"));

    m_window->show();
    QTest::keyClicks(m_window->editor(), QStringLiteral("!"));
    answerNextMessageBox(QMessageBox::Discard);
    QVERIFY(m_window->close());
    QCOMPARE(readFile(path), QByteArray("name: demo\n# keep me"));
    QCOMPARE(m_answeredDialogs.size(), 3);
}

void tst_MainWindow::recentFilesListNewestFirst()
{
    const QString first = writeFile(QStringLiteral("first.yaml"), "name: first\n");
    const QString second = writeFile(QStringLiteral("second.yaml"), "name: second\n");
    QVERIFY(m_window->openFile(first));
    QVERIFY(m_window->openFile(second));
    auto *recent = m_window->findChild<QMenu *>(QStringLiteral("recentMenu"));
    QVERIFY(recent);
    const QList<QAction *> actions = recent->actions();
    QVERIFY(actions.size() >= 3);
    QCOMPARE(actions.at(0)->text(), QStringLiteral("&1 second.yaml"));
    QCOMPARE(actions.at(1)->text(), QStringLiteral("&2 first.yaml"));
    actions.at(1)->trigger();
    QCOMPARE(m_window->currentFile(), QFileInfo(first).absoluteFilePath());
    QCOMPARE(m_window->validationSummary(), QStringLiteral("Valid cluster 'first'"));

    // The list survives a restart.
    m_window.reset();
    m_window = std::make_unique<MainWindow>();
    QCOMPARE(m_window->findChild<QMenu *>(QStringLiteral("recentMenu"))->actions().at(0)->text(),
             QStringLiteral("&1 first.yaml"));
}

void tst_MainWindow::translationsAreEmbedded()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/sparkdeck_en.qm")));
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/sparkdeck_ja.qm")));
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/sparkdeck_zh_CN.qm")));
    QVERIFY(QFile::exists(QStringLiteral(":/icons/sparkdeck.svg")));
}

void tst_MainWindow::screenshot()
{
    const QString path = writeFile(QStringLiteral("demo.yaml"),
                                   "# A cluster file with mistakes, as a person might write it\n"
                                   "name: Demo_Cluster\n"
                                   "machines:\n"
                                   "  provider: existing\n"
                                   "  hosts:\n"
                                   "    - address: 192.168.56.11\n"
                                   "      role: master\n"
                                   "    - address: 192.168.56.300\n"
                                   "spark:\n"
                                   "  version: \"3.5.8\"\n"
                                   "workers:\n"
                                   "  count: 4\n"
                                   "  cores: 2\n"
                                   "  memroy: 2g\n");
    QVERIFY(m_window->openFile(path));
    QVERIFY(m_window->diagnosticsModel()->rowCount() >= 3);
    m_window->editor()->goTo(8, 16);
    QTest::qWait(50);
    const QImage image = m_window->grab().toImage();
    QVERIFY(!image.isNull());
    const QString dir = qEnvironmentVariable("SPARKDECK_ARTIFACTS_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    const QString png = QDir(dir).filePath(QStringLiteral("tst_mainwindow-problems.png"));
    QVERIFY2(image.save(png), qPrintable(png));
    qInfo("screenshot: %s", qPrintable(png));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
