#pragma once

#include "spec/diagnostic.h"

#include <QMainWindow>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QTimer;
class QTableView;
QT_END_NAMESPACE

namespace SparkDeck {

class CodeEditor;
class DiagnosticsModel;
class ProblemsProxyModel;
class RecentFiles;

/// The desktop app's main window: one cluster file in a YAML editor, checked as the user types
/// (ClusterFileLoader, 300 ms after the last keystroke), its problems listed under the editor
/// and marked in place. The file is the user's: it is saved exactly as typed, comments and all,
/// atomically (QSaveFile); a file that does not parse still opens, with its problems shown.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int kValidationDelayMs = 300;
    /// Larger files are refused: a cluster file is a few hundred bytes.
    static constexpr qint64 kLargestFile = 4 * 1024 * 1024;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a cluster file, asking first about unsaved changes. Shows a message box and
    /// returns false when it cannot read the file; the current text is then untouched.
    bool openFile(const QString &path);
    /// Writes the editor's text to a path, atomically. Shows a message box on failure.
    bool saveFile(const QString &path);
    /// Starts an untitled document from a template of ClusterTemplates, asking first about
    /// unsaved changes.
    bool newFromTemplate(const QString &templateId);

    QString currentFile() const { return m_currentFile; }
    CodeEditor *editor() const { return m_editor; }
    QTableView *problemsView() const { return m_problemsView; }
    DiagnosticsModel *diagnosticsModel() const { return m_diagnostics; }
    /// The validation summary shown in the status bar ("Valid cluster 'demo'", "3 problems").
    QString validationSummary() const;

Q_SIGNALS:
    /// Emitted after each check of the text, with the problems found.
    void validated(const QList<SparkDeck::Diagnostic> &diagnostics);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void readSettings();
    void writeSettings();

    void handleOpen();
    bool handleSave();
    bool handleSaveAs();
    void handleTextChanged();
    void handleProblemActivated(const QModelIndex &index);
    void handleCursorMoved();
    void handleAbout();
    void goToProblem(int step);
    void switchPane();
    void updateRecentFilesMenu();

    /// Checks the text now (the debounce timer calls this).
    void validateNow();
    void applyDiagnostics(const QList<Diagnostic> &diagnostics, const QString &clusterName);
    bool maybeSave();
    void setCurrentFile(const QString &path);
    /// The editor's text as it goes to disk: UTF-8, with the file's own line endings and BOM.
    QByteArray encodedText() const;
    QString displayName() const;
    void showFileError(const QString &title, const QString &text, const QString &advice);

    CodeEditor *m_editor = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QTableView *m_problemsView = nullptr;
    DiagnosticsModel *m_diagnostics = nullptr;
    ProblemsProxyModel *m_problemsProxy = nullptr;
    QTimer *m_validationTimer = nullptr;
    RecentFiles *m_recentFiles = nullptr;

    QLabel *m_statusIcon = nullptr;
    QLabel *m_statusText = nullptr;
    QLabel *m_cursorLabel = nullptr;

    QMenu *m_newMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_nextProblemAction = nullptr;
    QAction *m_previousProblemAction = nullptr;
    QAction *m_switchPaneAction = nullptr;

    QString m_currentFile;
    QString m_lineEnding = QStringLiteral("\n");
    bool m_byteOrderMark = false;
    bool m_showingProblemMessage = false;
    QString m_clusterName;
    QString m_summary;
};

} // namespace SparkDeck
