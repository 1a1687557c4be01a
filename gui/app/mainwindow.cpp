#include "mainwindow.h"

#include "clustertemplates.h"
#include "codeeditor.h"
#include "guiresources.h"
#include "problemsproxymodel.h"
#include "recentfiles.h"

#include "spec/clusterfileloader.h"
#include "spec/clusterspecvalidator.h"
#include "spec/diagnosticsmodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace SparkDeck {

namespace {

const char kGeometryKey[] = "mainWindow/geometry";
const char kStateKey[] = "mainWindow/state";
const char kSplitterKey[] = "mainWindow/splitter";

QIcon themedIcon(const char *name, QStyle::StandardPixmap fallback, const QWidget *widget)
{
    return QIcon::fromTheme(QLatin1String(name), widget->style()->standardIcon(fallback));
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    ensureGuiResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sparkdeck.svg")));

    m_editor = new CodeEditor(this);
    m_editor->setObjectName(QStringLiteral("editor"));
    m_editor->setAccessibleName(tr("Cluster file"));
    m_editor->setWhatsThis(tr("The cluster file, in YAML. Problems are underlined as you type. "
                              "Tab indents with spaces; Ctrl+Tab moves to the problems list."));

    m_diagnostics = new DiagnosticsModel(this);
    m_problemsProxy = new ProblemsProxyModel(this);
    m_problemsProxy->setSourceModel(m_diagnostics);

    // A table, not a tree: its rows grow to show a long message whole, wrapped.
    m_problemsView = new QTableView(this);
    m_problemsView->setObjectName(QStringLiteral("problemsView"));
    m_problemsView->setAccessibleName(tr("Problems"));
    m_problemsView->setModel(m_problemsProxy);
    m_problemsView->setShowGrid(false);
    m_problemsView->setAlternatingRowColors(true);
    m_problemsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problemsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_problemsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problemsView->setTabKeyNavigation(false); // Tab leaves the list, arrows move in it
    m_problemsView->setWordWrap(true);
    m_problemsView->setIconSize(QSize(16, 16));
    m_problemsView->verticalHeader()->hide();
    m_problemsView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *header = m_problemsView->horizontalHeader();
    header->moveSection(DiagnosticsModel::SeverityColumn, 0);
    header->setSectionResizeMode(DiagnosticsModel::SeverityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DiagnosticsModel::LocationColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DiagnosticsModel::MessageColumn, QHeaderView::Stretch);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);

    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("problemsLabel"));
    m_problemsLabel->setBuddy(m_problemsView); // Alt+P reaches the list
    m_problemsLabel->setTextFormat(Qt::PlainText);
    QFont labelFont = m_problemsLabel->font();
    labelFont.setBold(true);
    m_problemsLabel->setFont(labelFont);

    auto *problemsPane = new QWidget(this);
    auto *problemsLayout = new QVBoxLayout(problemsPane);
    problemsLayout->setContentsMargins(0, 4, 0, 0);
    problemsLayout->setSpacing(4);
    auto *labelRow = new QHBoxLayout;
    labelRow->setContentsMargins(6, 0, 6, 0);
    labelRow->addWidget(m_problemsLabel);
    labelRow->addStretch();
    problemsLayout->addLayout(labelRow);
    problemsLayout->addWidget(m_problemsView);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->addWidget(m_editor);
    m_splitter->addWidget(problemsPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);
    setTabOrder(m_editor, m_problemsView);

    m_validationTimer = new QTimer(this);
    m_validationTimer->setSingleShot(true);
    m_validationTimer->setInterval(kValidationDelayMs);
    connect(m_validationTimer, &QTimer::timeout, this, &MainWindow::validateNow);

    m_recentFiles = new RecentFiles(this);

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();

    connect(m_editor, &QPlainTextEdit::textChanged, this, &MainWindow::handleTextChanged);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &MainWindow::handleCursorMoved);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this,
            &QWidget::setWindowModified);
    connect(m_problemsView, &QAbstractItemView::activated, this,
            &MainWindow::handleProblemActivated);
    connect(m_recentFiles, &RecentFiles::filesChanged, this, &MainWindow::updateRecentFilesMenu);

    readSettings();
    newFromTemplate(ClusterTemplates::all().constFirst().id);
    m_editor->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(themedIcon("document-open", QStyle::SP_DialogOpenButton, this),
                               tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a cluster file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::handleOpen);

    m_saveAction = new QAction(themedIcon("document-save", QStyle::SP_DialogSaveButton, this),
                               tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setStatusTip(tr("Save the cluster file as it is written"));
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::handleSave);

    m_saveAsAction
        = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("Save &As…"), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    m_saveAsAction->setStatusTip(tr("Save the cluster file under another name"));
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::handleSaveAs);

    m_quitAction
        = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_quitAction->setStatusTip(tr("Close SparkDeck"));
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_nextProblemAction = new QAction(tr("&Next Problem"), this);
    m_nextProblemAction->setShortcut(QKeySequence(Qt::Key_F8));
    m_nextProblemAction->setStatusTip(tr("Move the cursor to the next problem in the file"));
    connect(m_nextProblemAction, &QAction::triggered, this, [this] { goToProblem(1); });

    m_previousProblemAction = new QAction(tr("&Previous Problem"), this);
    m_previousProblemAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    m_previousProblemAction->setStatusTip(tr("Move the cursor to the previous problem"));
    connect(m_previousProblemAction, &QAction::triggered, this, [this] { goToProblem(-1); });

    m_switchPaneAction = new QAction(tr("S&witch Between Editor and Problems"), this);
    m_switchPaneAction->setShortcut(QKeySequence(Qt::Key_F6));
    connect(m_switchPaneAction, &QAction::triggered, this, &MainWindow::switchPane);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    m_newMenu
        = fileMenu->addMenu(themedIcon("document-new", QStyle::SP_FileIcon, this), tr("&New"));
    m_newMenu->setObjectName(QStringLiteral("newMenu"));
    bool first = true;
    for (const ClusterTemplates::Template &clusterTemplate : ClusterTemplates::all()) {
        QAction *action = m_newMenu->addAction(clusterTemplate.title);
        action->setObjectName(QStringLiteral("new-") + clusterTemplate.id);
        action->setStatusTip(clusterTemplate.description);
        action->setToolTip(clusterTemplate.description);
        if (first)
            action->setShortcut(QKeySequence::New);
        first = false;
        const QString id = clusterTemplate.id;
        connect(action, &QAction::triggered, this, [this, id] { newFromTemplate(id); });
    }
    fileMenu->addAction(m_openAction);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    updateRecentFilesMenu();
    fileMenu->addSeparator();
    fileMenu->addAction(m_saveAction);
    fileMenu->addAction(m_saveAsAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    // An editing action, enabled while the editor says that it can do it.
    const auto addEditAction = [this, editMenu](const char *icon, const QString &text,
                                                QKeySequence::StandardKey key,
                                                void (QPlainTextEdit::*slot)(),
                                                void (QPlainTextEdit::*available)(bool)) {
        QAction *action
            = editMenu->addAction(QIcon::fromTheme(QLatin1String(icon)), text, key, m_editor, slot);
        if (available) {
            action->setEnabled(false);
            connect(m_editor, available, action, &QAction::setEnabled);
        }
    };
    addEditAction("edit-undo", tr("&Undo"), QKeySequence::Undo, &QPlainTextEdit::undo,
                  &QPlainTextEdit::undoAvailable);
    addEditAction("edit-redo", tr("&Redo"), QKeySequence::Redo, &QPlainTextEdit::redo,
                  &QPlainTextEdit::redoAvailable);
    editMenu->addSeparator();
    addEditAction("edit-cut", tr("Cu&t"), QKeySequence::Cut, &QPlainTextEdit::cut,
                  &QPlainTextEdit::copyAvailable);
    addEditAction("edit-copy", tr("&Copy"), QKeySequence::Copy, &QPlainTextEdit::copy,
                  &QPlainTextEdit::copyAvailable);
    addEditAction("edit-paste", tr("&Paste"), QKeySequence::Paste, &QPlainTextEdit::paste, nullptr);
    editMenu->addSeparator();
    editMenu->addAction(tr("Select &All"), QKeySequence::SelectAll, m_editor,
                        &QPlainTextEdit::selectAll);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_nextProblemAction);
    viewMenu->addAction(m_previousProblemAction);
    viewMenu->addAction(m_switchPaneAction);
    viewMenu->addSeparator();
    viewMenu->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, m_editor,
                        [this] { m_editor->zoomIn(1); });
    viewMenu->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, m_editor,
                        [this] { m_editor->zoomOut(1); });

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About SparkDeck"), this, &MainWindow::handleAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("File"));
    toolBar->setObjectName(QStringLiteral("fileToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *newButton = new QToolButton(toolBar);
    newButton->setObjectName(QStringLiteral("newButton"));
    newButton->setIcon(themedIcon("document-new", QStyle::SP_FileIcon, this));
    newButton->setText(tr("New"));
    newButton->setToolTip(tr("New cluster file from a template"));
    newButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    newButton->setMenu(m_newMenu);
    newButton->setPopupMode(QToolButton::InstantPopup);
    newButton->setFocusPolicy(Qt::NoFocus); // like the other tool buttons; Alt+F, N by keyboard
    toolBar->addWidget(newButton);
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_saveAction);
}

void MainWindow::createStatusBar()
{
    auto *summary = new QWidget(this);
    auto *layout = new QHBoxLayout(summary);
    layout->setContentsMargins(0, 0, 8, 0);
    layout->setSpacing(4);
    m_statusIcon = new QLabel(summary);
    m_statusText = new QLabel(summary);
    m_statusText->setObjectName(QStringLiteral("validationStatus"));
    m_statusText->setTextFormat(Qt::PlainText);
    layout->addWidget(m_statusIcon);
    layout->addWidget(m_statusText);
    m_cursorLabel = new QLabel(this);
    m_cursorLabel->setObjectName(QStringLiteral("cursorPosition"));
    statusBar()->addPermanentWidget(summary);
    statusBar()->addPermanentWidget(m_cursorLabel);
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray()))
        resize(1000, 700);
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
    if (!m_splitter->restoreState(settings.value(QLatin1String(kSplitterKey)).toByteArray()))
        m_splitter->setSizes({470, 170});
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kStateKey), saveState());
    settings.setValue(QLatin1String(kSplitterKey), m_splitter->saveState());
}

QString MainWindow::validationSummary() const
{
    return m_summary;
}

bool MainWindow::newFromTemplate(const QString &templateId)
{
    const QByteArray text = ClusterTemplates::text(templateId);
    if (text.isEmpty() || !maybeSave())
        return false;
    m_lineEnding = QStringLiteral("\n");
    m_byteOrderMark = false;
    m_editor->setText(QString::fromUtf8(text));
    setCurrentFile(QString());
    m_validationTimer->stop();
    validateNow();
    statusBar()->showMessage(tr("New cluster file from a template: edit it, then save it"), 5000);
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    if (!maybeSave())
        return false;
    const QFileInfo info(path);
    const QString shown = nativePath(info.absoluteFilePath());
    if (info.isDir()) {
        showFileError(tr("Cannot Open"), tr("“%1” is a folder.").arg(shown),
                      tr("Choose a cluster file inside it, usually a .yaml file."));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!info.exists())
            m_recentFiles->remove(path);
        showFileError(tr("Cannot Open"), tr("SparkDeck could not open “%1”.").arg(shown),
                      tr("%1.\n\nCheck that the file exists and that you are allowed to read it, "
                         "then open it again.")
                          .arg(file.errorString()));
        return false;
    }
    if (file.size() > kLargestFile) {
        showFileError(tr("Cannot Open"),
                      tr("“%1” is %2 MiB, far too large for a cluster file.")
                          .arg(shown)
                          .arg(file.size() / (1024 * 1024)),
                      tr("A cluster file is a short YAML text of a few hundred bytes. Choose the "
                         ".yaml file that describes your cluster."));
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        showFileError(tr("Cannot Open"), tr("SparkDeck could not read “%1”.").arg(shown),
                      tr("%1.\n\nCheck the disk or the network share, then open the file again.")
                          .arg(file.errorString()));
        return false;
    }

    // The editor works with '\n' and without a byte order mark; a file written with CRLF or
    // a BOM is saved back with them.
    const QByteArray bom("\xEF\xBB\xBF");
    m_byteOrderMark = bytes.startsWith(bom);
    m_lineEnding = bytes.contains("\r\n") ? QStringLiteral("\r\n") : QStringLiteral("\n");
    QString text = QString::fromUtf8(m_byteOrderMark ? bytes.mid(bom.size()) : bytes);
    if (m_lineEnding != QLatin1String("\n"))
        text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    m_editor->setText(text);
    setCurrentFile(info.absoluteFilePath());
    m_recentFiles->add(info.absoluteFilePath());

    // Check the bytes as they are on disk, so that a problem such as invalid UTF-8 shows at
    // its place; the next edit checks the editor's text.
    m_validationTimer->stop();
    const LoadedClusterFile loaded = ClusterFileLoader::loadText(bytes);
    applyDiagnostics(loaded.diagnostics, loaded.spec.name);
    m_editor->moveCursor(QTextCursor::Start);
    m_editor->setFocus();
    statusBar()->showMessage(tr("Opened %1").arg(shown), 5000);

    if (encodedText() != bytes) {
        QMessageBox box(QMessageBox::Warning, tr("File Will Change When Saved"),
                        tr("“%1” is not plain UTF-8 text with one kind of line ending.").arg(shown),
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("encodingWarning"));
        box.setInformativeText(
            tr("SparkDeck shows it as well as it can. If you save it, it is written as UTF-8 "
               "text with %1 line endings; keep a copy if other programs need the original.")
                .arg(m_lineEnding == QLatin1String("\n") ? tr("Unix (LF)") : tr("Windows (CRLF)")));
        box.exec();
    }
    return true;
}

QByteArray MainWindow::encodedText() const
{
    QString text = m_editor->text();
    if (m_lineEnding != QLatin1String("\n"))
        text.replace(QLatin1Char('\n'), m_lineEnding);
    return m_byteOrderMark ? QByteArray("\xEF\xBB\xBF") + text.toUtf8() : text.toUtf8();
}

bool MainWindow::saveFile(const QString &path)
{
    const QString shown = nativePath(QFileInfo(path).absoluteFilePath());
    const QByteArray bytes = encodedText();
    QSaveFile file(path);
    QString failure;
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        failure = file.errorString();
        file.cancelWriting();
    } else if (!file.commit()) {
        failure = file.errorString();
    }
    if (!failure.isEmpty()) {
        showFileError(tr("Cannot Save"), tr("SparkDeck could not save “%1”.").arg(shown),
                      tr("%1.\n\nYour text is still here in the editor and the old file is "
                         "unchanged. Choose File › Save As… to save it in another folder, or "
                         "make room on the disk and save again.")
                          .arg(failure));
        return false;
    }
    m_editor->document()->setModified(false);
    setCurrentFile(QFileInfo(path).absoluteFilePath());
    m_recentFiles->add(path);
    RecentFiles::rememberFolderOf(path);
    statusBar()->showMessage(tr("Saved %1").arg(shown), 5000);
    return true;
}

void MainWindow::handleOpen()
{
    if (!maybeSave())
        return;
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open Cluster File"), RecentFiles::lastFolder(),
                                       tr("Cluster files (*.yaml *.yml);;All files (*)"));
    if (path.isEmpty())
        return;
    RecentFiles::rememberFolderOf(path);
    openFile(path);
}

bool MainWindow::handleSave()
{
    if (m_currentFile.isEmpty())
        return handleSaveAs();
    return saveFile(m_currentFile);
}

bool MainWindow::handleSaveAs()
{
    QString suggestion = m_currentFile;
    if (suggestion.isEmpty()) {
        // The cluster's name makes a good file name, once the validator says it is plain.
        const QString name = ClusterSpecValidator::isValidClusterName(m_clusterName)
                                 ? m_clusterName
                                 : QStringLiteral("cluster");
        suggestion = QDir(RecentFiles::lastFolder()).filePath(name + QStringLiteral(".yaml"));
    }
    QFileDialog dialog(this, tr("Save Cluster File"), suggestion,
                       tr("Cluster files (*.yaml *.yml);;All files (*)"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("yaml"));
    dialog.selectFile(suggestion);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return false;
    return saveFile(dialog.selectedFiles().constFirst());
}

bool MainWindow::maybeSave()
{
    if (!m_editor->document()->isModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                    tr("Save the changes to “%1”?").arg(displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    box.setInformativeText(tr("If you don't save them, your changes are lost."));
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Save:
        return handleSave();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

void MainWindow::setCurrentFile(const QString &path)
{
    m_currentFile = path;
    setWindowFilePath(path);
    setWindowTitle(QStringLiteral("%1[*]").arg(displayName()));
    setWindowModified(m_editor->document()->isModified());
}

QString MainWindow::displayName() const
{
    return m_currentFile.isEmpty() ? tr("Untitled") : QFileInfo(m_currentFile).fileName();
}

void MainWindow::showFileError(const QString &title, const QString &text, const QString &advice)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("fileErrorBox"));
    box.setInformativeText(advice);
    box.exec();
}

void MainWindow::handleTextChanged()
{
    m_validationTimer->start();
}

void MainWindow::validateNow()
{
    m_validationTimer->stop();
    const QByteArray bytes = m_editor->text().toUtf8();
    if (bytes.size() > kLargestFile) {
        Diagnostic tooLarge;
        tooLarge.message = tr("the text is larger than %1 MiB; a cluster file is a few lines of "
                              "YAML")
                               .arg(kLargestFile / (1024 * 1024));
        applyDiagnostics({tooLarge}, QString());
        return;
    }
    const LoadedClusterFile loaded = ClusterFileLoader::loadText(bytes);
    applyDiagnostics(loaded.diagnostics, loaded.spec.name);
}

void MainWindow::applyDiagnostics(const QList<Diagnostic> &diagnostics, const QString &clusterName)
{
    m_clusterName = clusterName;
    m_diagnostics->setDiagnostics(diagnostics);
    m_editor->setDiagnostics(diagnostics);

    const int count = int(diagnostics.size());
    const int errors
        = int(std::count_if(diagnostics.cbegin(), diagnostics.cend(),
                            [](const Diagnostic &d) { return d.severity == Severity::Error; }));
    const int warnings = count - errors;
    QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
    if (errors > 0) {
        m_summary = tr("%n problem(s)", nullptr, count);
        icon = QStyle::SP_MessageBoxCritical;
    } else if (warnings > 0) {
        m_summary = tr("Valid cluster '%1', %n warning(s)", nullptr, warnings)
                        .arg(displayText(clusterName));
        icon = QStyle::SP_MessageBoxWarning;
    } else {
        m_summary = tr("Valid cluster '%1'").arg(displayText(clusterName));
    }
    m_statusText->setText(m_summary);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_statusIcon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(iconSize));

    if (count == 0) {
        m_problemsLabel->setText(tr("&Problems: none"));
    } else {
        QStringList parts;
        if (errors > 0)
            parts << tr("%n error(s)", nullptr, errors);
        if (warnings > 0)
            parts << tr("%n warning(s)", nullptr, warnings);
        m_problemsLabel->setText(tr("&Problems: %1").arg(parts.join(tr(", "))));
    }
    m_nextProblemAction->setEnabled(count > 0);
    m_previousProblemAction->setEnabled(count > 0);
    handleCursorMoved();
    Q_EMIT validated(diagnostics);
}

void MainWindow::handleCursorMoved()
{
    m_cursorLabel->setText(
        tr("Line %1, Column %2").arg(m_editor->cursorLine()).arg(m_editor->cursorColumn()));
    const QList<Diagnostic> here = m_editor->diagnosticsOnLine(m_editor->cursorLine());
    if (!here.isEmpty()) {
        statusBar()->showMessage(here.constFirst().message);
        m_showingProblemMessage = true;
    } else if (m_showingProblemMessage) {
        statusBar()->clearMessage();
        m_showingProblemMessage = false;
    }
}

void MainWindow::handleProblemActivated(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const int line = index.data(DiagnosticsModel::LineRole).toInt();
    const int column = index.data(DiagnosticsModel::ColumnRole).toInt();
    m_editor->goTo(std::max(line, 1), std::max(column, 1));
    m_editor->setFocus();
}

void MainWindow::goToProblem(int step)
{
    const QList<Diagnostic> &diagnostics = m_diagnostics->diagnostics();
    if (diagnostics.isEmpty())
        return;
    const int line = m_editor->cursorLine();
    int row = -1;
    if (step > 0) {
        for (int i = 0; i < diagnostics.size() && row < 0; ++i) {
            if (diagnostics.at(i).location.line > line)
                row = i;
        }
        if (row < 0)
            row = 0;
    } else {
        for (int i = int(diagnostics.size()) - 1; i >= 0 && row < 0; --i) {
            if (diagnostics.at(i).location.line < line)
                row = i;
        }
        if (row < 0)
            row = int(diagnostics.size()) - 1;
    }
    const QModelIndex index = m_problemsProxy->index(row, DiagnosticsModel::MessageColumn);
    m_problemsView->setCurrentIndex(index);
    m_problemsView->scrollTo(index);
    handleProblemActivated(index);
}

void MainWindow::switchPane()
{
    if (m_editor->hasFocus()) {
        m_problemsView->setFocus(Qt::ShortcutFocusReason);
        if (!m_problemsView->currentIndex().isValid() && m_problemsProxy->rowCount() > 0)
            m_problemsView->setCurrentIndex(m_problemsProxy->index(0, 0));
    } else {
        m_editor->setFocus(Qt::ShortcutFocusReason);
    }
}

void MainWindow::updateRecentFilesMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recentFiles->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        // "&1 name" for the first nine, so that each entry has a mnemonic.
        const QString label
            = QFileInfo(path).fileName().replace(QLatin1Char('&'), QLatin1String("&&"));
        const QString text = i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(label) : label;
        QAction *action = m_recentMenu->addAction(text);
        action->setToolTip(nativePath(path));
        action->setStatusTip(nativePath(path));
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    QAction *clear
        = m_recentMenu->addAction(tr("&Clear Recent Files"), m_recentFiles, &RecentFiles::clear);
    clear->setEnabled(!files.isEmpty());
    m_recentMenu->setToolTipsVisible(true);
}

void MainWindow::handleAbout()
{
    QMessageBox::about(
        this, tr("About SparkDeck"),
        tr("<h3>SparkDeck %1</h3>"
           "<p>A working Apache Spark cluster on the machines you have.</p>"
           "<p>Describe the cluster in a cluster file; SparkDeck checks it as you type.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}

} // namespace SparkDeck
