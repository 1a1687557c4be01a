#pragma once

#include "provisioning/task.h"
#include "spec/clusterspec.h"
#include "util/result.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QPushButton;
class QScrollArea;
class QTabWidget;
class QTableView;
class QToolButton;
QT_END_NAMESPACE

namespace SparkDeck {

class ApplicationModel;
class ClusterOperations;
class CostGuard;
class HostKeyPrompter;
class MachineProvider;
class MainWindow;
class MasterMonitor;
class MessageBanner;
class OperationRunner;
class ProviderConnector;
class ProvisioningView;
class SshSessionPool;
class TotalsHeader;
class WorkerModel;
class WorkerStrip;

/// One cluster, running: its workers as tiles refreshed live from the master (every two
/// seconds, through an SSH tunnel when the master is another machine), drag-to-scale on the
/// worker strip (or + and −, or the keyboard), the master's totals and running applications,
/// and the operations: Bring Up, Scale, Tear Down (with a confirmation that says what goes).
/// Each operation shows in the Activity page (a ProvisioningView); a scale also shows on the
/// tiles, which go "starting…" or "decommissioning…" until the master confirms. A run that
/// did not finish (the app was closed or killed) is offered again when the window opens.
///
/// Rules: it holds no provisioning logic: every operation is ClusterOperations' (as the CLI's
/// are), every status is MasterMonitor's; nothing here waits on the network. The embedded
/// browser lives in the "Web UI" page, created the first time that page is shown.
class ClusterWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Page { WorkersPage, ActivityPage, WebUiPage };
    enum class Operation { None, Up, Scale, Down };
    Q_ENUM(Operation)

    explicit ClusterWindow(QWidget *parent = nullptr);
    ~ClusterWindow() override;

    /// The cluster's state folder; before openFile() (default: ClusterStateFile's for its name).
    void setStateDirectory(const QString &directory) { m_stateOverride = directory; }
    /// Loads a cluster file and reconnects to the cluster when it runs. False when the file
    /// cannot be used (`errorMessage` says why: its problems are the editor's business).
    bool openFile(const QString &path, QString *errorMessage = nullptr);

    QString clusterFile() const { return m_file; }
    QString stateDirectory() const;
    const ClusterSpec &spec() const { return m_spec; }
    ClusterOperations *operations() const { return m_operations; }
    MasterMonitor *monitor() const { return m_monitor; }
    /// True once the cluster was brought up (or tried to be) and not torn down since.
    bool clusterIsUp() const;

    /// The operations, as the menu and buttons run them. False when one cannot start (it
    /// says why in a message box) or another runs.
    bool bringUp();
    bool scaleTo(int workers);
    /// Asks first (what will be removed), then tears down.
    void tearDown();
    bool tearDownNow();
    /// Runs the last run again: the interrupted one of the journal, or the last one here.
    bool resume();
    bool isOperationRunning() const;
    Operation runningOperation() const { return isOperationRunning() ? m_operation : Operation::None; }
    void cancelOperation();

    /// Opens the cluster file in the editor.
    MainWindow *editClusterFile();
    /// The Web UI page with the master's, a worker's or an application's page.
    void openMasterUi();
    void openWorkerUi(const QString &workerId);
    void openApplicationUi(const QString &applicationId);

    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presentation; }
    void showPage(Page page);
    Page currentPage() const;

    // Parts, for tests.
    QTabWidget *pages() const { return m_pages; }
    WorkerStrip *workerStrip() const { return m_strip; }
    WorkerModel *workerModel() const { return m_workerModel; }
    ApplicationModel *applicationModel() const { return m_applicationModel; }
    QTableView *applicationsView() const { return m_applicationsView; }
    TotalsHeader *totalsHeader() const { return m_totals; }
    ProvisioningView *provisioningView() const { return m_provisioningView; }
    MessageBanner *connectionBanner() const { return m_connectionBanner; }
    MessageBanner *resumeBanner() const { return m_resumeBanner; }
    MessageBanner *operationBanner() const { return m_operationBanner; }
    MessageBanner *resultBanner() const { return m_resultBanner; }
    MessageBanner *costBanner() const { return m_costBanner; }
    CostGuard *costGuard() const { return m_costGuard; }
    QToolButton *addWorkerButton() const { return m_addButton; }
    QToolButton *removeWorkerButton() const { return m_removeButton; }
    QPushButton *applyScaleButton() const { return m_applyButton; }
    QPushButton *revertScaleButton() const { return m_revertButton; }
    QLabel *countLabel() const { return m_countLabel; }
    QAction *bringUpAction() const { return m_bringUpAction; }
    QAction *tearDownAction() const { return m_tearDownAction; }
    QAction *reconnectAction() const { return m_reconnectAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *presentationAction() const { return m_presentationAction; }
    /// The "Web UI" page's content (created on first show): gui/web's BrowserPane when the app
    /// is built with it, else a page that offers the system browser; nullptr before.
    QWidget *webArea() const { return m_webArea; }

Q_SIGNALS:
    void operationStarted(SparkDeck::ClusterWindow::Operation operation);
    void operationFinished(SparkDeck::ClusterWindow::Operation operation, const SparkDeck::TaskOutcome &outcome);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void applyBoldFonts();
    QWidget *createWorkersPage();
    void ensureWebArea();
    void dropWebArea();
    void openInWebArea(const QString &path, const std::function<void()> &inBrowser);
    bool startOperation(Operation operation, int target);
    bool runOperation(Operation operation, int target, const Result<OperationRunner *> &created);
    bool createsMachines() const;
    /// Up for a provider that creates machines: connect, create them, then bring Spark up.
    void createMachinesThenBringUp(int target);
    /// The last half of down for such a provider: delete the machines, then sweep the tag.
    void destroyMachines();
    /// Connects to the cluster's provider and hands it to `use`; says why when it cannot.
    void withProvider(const std::function<void(MachineProvider *)> &use);
    /// The worker places, strip range and master monitor of the machines the cluster has.
    void attachMachines();
    /// No machines (yet, or any more): no places, no monitor, nothing running.
    void detachMachines();
    void handleOperationFinished(Operation operation, int target, const TaskOutcome &outcome);
    void handleStatus();
    void handleConnectionChanged();
    void updateConnectionBanner();
    void updateResumeBanner();
    void updateScaleControls();
    void updateActions();
    void updateTitle();
    void reloadIfChanged();
    bool loadCluster(const ClusterSpec &spec, QString *errorMessage);
    QString operationTitle(Operation operation, int target) const;
    void showOperationError(const QString &title, const QString &message);

    QString m_file;
    QString m_stateOverride;
    QByteArray m_fileContents;
    ClusterSpec m_spec;
    SshSessionPool *m_pool = nullptr;
    ClusterOperations *m_operations = nullptr;
    MasterMonitor *m_monitor = nullptr;
    QPointer<OperationRunner> m_runner;
    ProviderConnector *m_connector = nullptr; ///< providers that create machines only
    CostGuard *m_costGuard = nullptr;         ///< providers that create machines only
    /// What follows when the running operation ends well (the phases of a cloud up or down).
    std::function<void()> m_thenOnSuccess;
    bool m_machinesChanging = false; ///< the running operation creates or deletes machines
    Operation m_operation = Operation::None;
    int m_target = 0;
    bool m_closeWhenStopped = false;
    bool m_presentation = false;
    QFont m_normalFont;

    QTabWidget *m_pages = nullptr;
    QScrollArea *m_workersScroll = nullptr;
    MessageBanner *m_resumeBanner = nullptr;
    MessageBanner *m_connectionBanner = nullptr;
    MessageBanner *m_operationBanner = nullptr;
    MessageBanner *m_resultBanner = nullptr;
    MessageBanner *m_costBanner = nullptr;
    QLabel *m_costLabel = nullptr;
    TotalsHeader *m_totals = nullptr;
    WorkerModel *m_workerModel = nullptr;
    WorkerStrip *m_strip = nullptr;
    QToolButton *m_addButton = nullptr;
    QToolButton *m_removeButton = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_scaleHint = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    ApplicationModel *m_applicationModel = nullptr;
    QTableView *m_applicationsView = nullptr;
    QLabel *m_noApplications = nullptr;
    ProvisioningView *m_provisioningView = nullptr;
    QWidget *m_webPage = nullptr;
    QWidget *m_webArea = nullptr;
    QObject *m_webAccess = nullptr; ///< ClusterWebAccess, with the browser
    QLabel *m_statusRoute = nullptr;

    QAction *m_bringUpAction = nullptr;
    QAction *m_tearDownAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_reconnectAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_workersPageAction = nullptr;
    QAction *m_activityPageAction = nullptr;
    QAction *m_webPageAction = nullptr;
    QAction *m_presentationAction = nullptr;
};

} // namespace SparkDeck
