#pragma once

#include "wizard/setupwizard.h" // complete, for the wizardOpened() signal's meta type

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QCommandLinkButton;
class QLabel;
class QPushButton;
class QVBoxLayout;
QT_END_NAMESPACE

namespace SparkDeck {

class ClusterWindow;
class MainWindow;
class RecentFiles;

/// What the app shows first when it starts without a file: the recent clusters, "New
/// cluster…" (the setup wizard), "Open cluster file…", and the templates, which open the wizard
/// filled in. Large buttons, all reachable by keyboard (Tab, arrows, mnemonics, Ctrl+N/O).
///
/// Rules: it draws fast, so the constructor reads nothing but the recent list from QSettings
/// (no file, no template, no wizard or editor until asked). A cluster opens in its cluster
/// window, reconnected to the running cluster (a file with problems opens in the editor, which
/// shows them); then the start page closes. A cluster the wizard saved is offered to be brought
/// up at once.
class StartPage : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);
    ~StartPage() override;

    /// Opens a cluster file in its cluster window and closes the start page; a file whose
    /// problems keep it from being used opens in the editor instead. A file that no longer
    /// exists offers to leave the recent list; the start page then stays. Returns the window
    /// (a ClusterWindow or a MainWindow), or nullptr.
    QWidget *openCluster(const QString &path);
    /// After the wizard saved `path`: asks whether to bring the cluster up now; either way its
    /// cluster window opens, bringing it up (its Activity page) when the answer was yes.
    void offerToBringUp(const QString &path);
    /// Shows the setup wizard, filled from a template of ClusterTemplates when `templateId` is
    /// not empty. The file it saves opens with openCluster().
    SetupWizard *newCluster(const QString &templateId = QString());
    /// Asks for a cluster file with a file dialog, then opens it.
    void chooseClusterFile();

    RecentFiles *recentFiles() const { return m_recentFiles; }
    QCommandLinkButton *newClusterButton() const { return m_newButton; }
    QCommandLinkButton *openFileButton() const { return m_openButton; }
    QList<QCommandLinkButton *> templateButtons() const { return m_templateButtons; }
    QList<QCommandLinkButton *> recentButtons() const { return m_recentButtons; }

Q_SIGNALS:
    /// A cluster was opened in `window` (its ClusterWindow, or the editor for a file with
    /// problems).
    void clusterWindowOpened(QWidget *window);
    void wizardOpened(SparkDeck::SetupWizard *wizard);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateRecentList();
    void offerToForget(const QString &path);

    RecentFiles *m_recentFiles = nullptr;
    QCommandLinkButton *m_newButton = nullptr;
    QCommandLinkButton *m_openButton = nullptr;
    QList<QCommandLinkButton *> m_templateButtons;
    QList<QCommandLinkButton *> m_recentButtons;
    QVBoxLayout *m_recentLayout = nullptr;
    QLabel *m_noRecent = nullptr;
    QPushButton *m_clearButton = nullptr;
    QPointer<SetupWizard> m_wizard;
};

} // namespace SparkDeck
