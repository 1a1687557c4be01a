#include "clusterwindow.h"

#include "costguard.h"
#include "hostkeyprompter.h"
#include "messagebanner.h"
#include "passphraseprompter.h"
#include "provisioningview.h"
#include "scalehandle.h"
#include "totalsheader.h"
#include "workerstrip.h"
#include "workertile.h"

#include "app/guiresources.h"
#include "app/mainwindow.h"
#include "app/recentfiles.h"

#include "monitor/applicationmodel.h"
#include "monitor/mastermonitor.h"
#include "monitor/workermodel.h"
#include "providers/providerconnector.h"
#include "providers/providerregistry.h"
#include "provisioning/clusterlayout.h"
#include "provisioning/clusteroperations.h"
#include "provisioning/clusterstatefile.h"
#include "provisioning/operationrunner.h"
#include "render/sparkconfig.h"
#include "spec/clusterfileloader.h"
#include "ssh/sshsessionpool.h"

#ifdef SPARKDECK_WITH_WEB
#include "monitor/clusterwebaccess.h"
#include "web/browserpane.h"
#endif

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace SparkDeck {

namespace {

constexpr qreal kPresentationScale = 1.6;

/// Widgets whose font is the window's, made bold: set again whenever the window's font
/// changes (presentation mode), since a font set on a widget no longer follows its parent's.
const char kBoldProperty[] = "sparkdeck.bold";

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setProperty(kBoldProperty, true);
    return label;
}

QString localTime(const QString &isoUtc)
{
    const QDateTime time = QDateTime::fromString(isoUtc, Qt::ISODateWithMs);
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : isoUtc;
}

} // namespace

ClusterWindow::ClusterWindow(QWidget *parent) : QMainWindow(parent)
{
    ensureGuiResources();
    setObjectName(QStringLiteral("clusterWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sparkdeck.svg")));
    m_workerModel = new WorkerModel(this);
    m_applicationModel = new ApplicationModel(this);

    m_resumeBanner = new MessageBanner(this);
    m_resumeBanner->setObjectName(QStringLiteral("resumeBanner"));
    m_connectionBanner = new MessageBanner(this);
    m_connectionBanner->setObjectName(QStringLiteral("connectionBanner"));

    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("clusterPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(createWorkersPage(), tr("&Workers"));
    m_provisioningView = new ProvisioningView(this);
    m_provisioningView->setContinueText(tr("&Show the Workers"));
    m_pages->addTab(m_provisioningView, tr("&Activity"));
    // The "Web UI" page: the embedded browser (gui/web) goes here, created on first show so that
    // the web engine never starts for people who do not look at it. See ensureWebArea().
    m_webPage = new QWidget(this);
    m_webPage->setObjectName(QStringLiteral("webUiPage"));
    auto *webLayout = new QVBoxLayout(m_webPage);
    webLayout->setContentsMargins(0, 0, 0, 0);
    m_pages->addTab(m_webPage, tr("Web &UI"));
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == WebUiPage)
            ensureWebArea();
    });

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_resumeBanner);
    layout->addWidget(m_connectionBanner);
    m_costBanner = new MessageBanner(central);
    m_costBanner->setObjectName(QStringLiteral("costBanner"));
    m_costBanner->hide();
    layout->addWidget(m_costBanner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_statusRoute = new QLabel(this);
    m_statusRoute->setObjectName(QStringLiteral("routeLabel"));
    statusBar()->addPermanentWidget(m_statusRoute);
    m_costLabel = new QLabel(this);
    m_costLabel->setObjectName(QStringLiteral("costLabel"));
    m_costLabel->hide();
    statusBar()->addPermanentWidget(m_costLabel);

    createActions();
    createMenus();
    createToolBar();

    connect(m_provisioningView, &ProvisioningView::retryRequested, this, &ClusterWindow::resume);
    connect(m_provisioningView, &ProvisioningView::continueRequested, this, [this] { showPage(WorkersPage); });
    connect(m_strip, &WorkerStrip::scaleRequested, this, &ClusterWindow::scaleTo);
    connect(m_strip, &WorkerStrip::workerActivated, this, &ClusterWindow::openWorkerUi);
    connect(m_applicationsView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        openApplicationUi(index.data(ApplicationModel::ApplicationIdRole).toString());
    });
    connect(m_strip, &WorkerStrip::pendingCountChanged, this, &ClusterWindow::updateScaleControls);
    connect(m_workerModel, &QAbstractItemModel::dataChanged, this, &ClusterWindow::updateScaleControls);
    connect(m_workerModel, &QAbstractItemModel::rowsInserted, this, &ClusterWindow::updateScaleControls);
    connect(m_workerModel, &QAbstractItemModel::rowsRemoved, this, &ClusterWindow::updateScaleControls);

    m_normalFont = font();
    applyBoldFonts();
    resize(1040, 720);
    setMinimumSize(640, 480);
    updateTitle();
    updateActions();
    updateScaleControls();
}

ClusterWindow::~ClusterWindow()
{
    // The runner, the monitor and the machines go with the operations (children); stop the
    // monitor and drop the browser's tunnel first so that nothing arrives half-way through.
    if (m_monitor)
        m_monitor->stop();
    dropWebArea();
}

QWidget *ClusterWindow::createWorkersPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("workersPage"));

    m_totals = new TotalsHeader(page);
    m_operationBanner = new MessageBanner(page);
    m_operationBanner->setObjectName(QStringLiteral("operationBanner"));
    m_resultBanner = new MessageBanner(page);
    m_resultBanner->setObjectName(QStringLiteral("resultBanner"));

    m_removeButton = new QToolButton(page);
    m_removeButton->setObjectName(QStringLiteral("removeWorkerButton"));
    m_removeButton->setText(QStringLiteral("−"));
    m_removeButton->setToolTip(tr("One worker less (then Scale to apply)"));
    m_removeButton->setAccessibleName(tr("One worker less"));
    m_removeButton->setAutoRaise(false);
    m_addButton = new QToolButton(page);
    m_addButton->setObjectName(QStringLiteral("addWorkerButton"));
    m_addButton->setText(QStringLiteral("+"));
    m_addButton->setToolTip(tr("One worker more (then Scale to apply)"));
    m_addButton->setAccessibleName(tr("One worker more"));
    for (QToolButton *button : {m_removeButton, m_addButton}) {
        button->setFocusPolicy(Qt::StrongFocus);
        button->setProperty(kBoldProperty, true);
    }
    m_countLabel = new QLabel(page);
    m_countLabel->setObjectName(QStringLiteral("workerCountLabel"));
    m_countLabel->setAlignment(Qt::AlignCenter);
    m_applyButton = new QPushButton(page);
    m_applyButton->setObjectName(QStringLiteral("applyScaleButton"));
    m_applyButton->setAutoDefault(true);
    m_revertButton = new QPushButton(tr("Rever&t"), page);
    m_revertButton->setObjectName(QStringLiteral("revertScaleButton"));
    m_revertButton->setAutoDefault(true);
    m_scaleHint = new QLabel(page);
    m_scaleHint->setObjectName(QStringLiteral("scaleHint"));
    m_scaleHint->setForegroundRole(QPalette::PlaceholderText);
    m_scaleHint->setWordWrap(true);

    auto *workersHeading = heading(tr("Workers"), page);
    auto *controls = new QHBoxLayout;
    controls->setSpacing(6);
    controls->addWidget(workersHeading);
    controls->addSpacing(12);
    controls->addWidget(m_removeButton);
    controls->addWidget(m_countLabel);
    controls->addWidget(m_addButton);
    controls->addSpacing(6);
    controls->addWidget(m_applyButton);
    controls->addWidget(m_revertButton);
    controls->addStretch();

    m_strip = new WorkerStrip(page);
    m_strip->setModel(m_workerModel);

    auto *appsHeading = heading(tr("Running Applications"), page);
    m_applicationsView = new QTableView(page);
    m_applicationsView->setObjectName(QStringLiteral("applicationsView"));
    m_applicationsView->setModel(m_applicationModel);
    m_applicationsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_applicationsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_applicationsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_applicationsView->setAlternatingRowColors(true);
    m_applicationsView->setShowGrid(false);
    m_applicationsView->verticalHeader()->hide();
    m_applicationsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_applicationsView->horizontalHeader()->setStretchLastSection(true);
    m_applicationsView->setMinimumHeight(m_applicationsView->fontMetrics().height() * 6);
    m_applicationsView->setAccessibleName(tr("Running applications"));
    m_applicationsView->setTabKeyNavigation(false);
    m_applicationsView->setToolTip(tr("Enter or double-click: the application's own page"));
    m_noApplications = new QLabel(tr("No application is running. Submit one to the master URL above."), page);
    m_noApplications->setObjectName(QStringLiteral("noApplications"));
    m_noApplications->setForegroundRole(QPalette::PlaceholderText);

    auto *content = new QWidget(page);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(16, 14, 16, 14);
    contentLayout->setSpacing(10);
    contentLayout->addWidget(m_totals);
    contentLayout->addWidget(m_operationBanner);
    contentLayout->addWidget(m_resultBanner);
    contentLayout->addSpacing(4);
    contentLayout->addLayout(controls);
    contentLayout->addWidget(m_scaleHint);
    contentLayout->addWidget(m_strip);
    contentLayout->addSpacing(6);
    contentLayout->addWidget(appsHeading);
    contentLayout->addWidget(m_noApplications);
    contentLayout->addWidget(m_applicationsView, 1);
    contentLayout->addStretch(); // while the table is hidden (no application runs)
    m_applicationsView->hide();

    m_workersScroll = new QScrollArea(page);
    m_workersScroll->setObjectName(QStringLiteral("workersScroll"));
    m_workersScroll->setWidget(content);
    m_workersScroll->setWidgetResizable(true);
    m_workersScroll->setFrameShape(QFrame::NoFrame);
    m_workersScroll->setFocusPolicy(Qt::NoFocus);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(m_workersScroll);

    // Tab order: the scale controls, the handle, the applications.
    setTabOrder(m_removeButton, m_addButton);
    setTabOrder(m_addButton, m_applyButton);
    setTabOrder(m_applyButton, m_revertButton);
    setTabOrder(m_revertButton, m_strip->handle());
    setTabOrder(m_strip->handle(), m_applicationsView);

    connect(m_removeButton, &QToolButton::clicked, this, [this] { m_strip->setPendingCount(m_strip->pendingCount() - 1); });
    connect(m_addButton, &QToolButton::clicked, this, [this] { m_strip->setPendingCount(m_strip->pendingCount() + 1); });
    connect(m_applyButton, &QPushButton::clicked, m_strip, &WorkerStrip::applyPending);
    connect(m_revertButton, &QPushButton::clicked, m_strip, &WorkerStrip::revertPending);
    return page;
}

void ClusterWindow::createActions()
{
    m_bringUpAction = new QAction(tr("Bring &Up"), this);
    m_bringUpAction->setObjectName(QStringLiteral("bringUpAction"));
    m_bringUpAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_bringUpAction->setStatusTip(tr("Install, configure and start Spark on every host; on a running "
                                     "cluster, only check that all is in place."));
    connect(m_bringUpAction, &QAction::triggered, this, &ClusterWindow::bringUp);

    m_tearDownAction = new QAction(tr("&Tear Down…"), this);
    m_tearDownAction->setObjectName(QStringLiteral("tearDownAction"));
    m_tearDownAction->setStatusTip(tr("Stop Spark everywhere and remove what SparkDeck installed."));
    connect(m_tearDownAction, &QAction::triggered, this, &ClusterWindow::tearDown);

    m_cancelAction = new QAction(tr("&Cancel Operation"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    connect(m_cancelAction, &QAction::triggered, this, &ClusterWindow::cancelOperation);

    m_reconnectAction = new QAction(tr("&Reconnect"), this);
    m_reconnectAction->setObjectName(QStringLiteral("reconnectAction"));
    m_reconnectAction->setShortcut(QKeySequence::Refresh);
    m_reconnectAction->setStatusTip(tr("Open the way to the master again and read its status now."));
    connect(m_reconnectAction, &QAction::triggered, this, [this] {
        if (m_monitor)
            m_monitor->reconnect();
    });

    m_editAction = new QAction(tr("&Edit Cluster File"), this);
    m_editAction->setObjectName(QStringLiteral("editClusterFileAction"));
    m_editAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_editAction, &QAction::triggered, this, &ClusterWindow::editClusterFile);

    m_closeAction = new QAction(tr("&Close"), this);
    m_closeAction->setShortcut(QKeySequence::Close);
    connect(m_closeAction, &QAction::triggered, this, &QWidget::close);

    m_workersPageAction = new QAction(tr("&Workers"), this);
    m_workersPageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_workersPageAction, &QAction::triggered, this, [this] { showPage(WorkersPage); });
    m_activityPageAction = new QAction(tr("&Activity"), this);
    m_activityPageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_activityPageAction, &QAction::triggered, this, [this] { showPage(ActivityPage); });
    m_webPageAction = new QAction(tr("Web &UI"), this);
    m_webPageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(m_webPageAction, &QAction::triggered, this, [this] { showPage(WebUiPage); });

    m_presentationAction = new QAction(tr("&Presentation Mode"), this);
    m_presentationAction->setObjectName(QStringLiteral("presentationAction"));
    m_presentationAction->setCheckable(true);
    m_presentationAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_presentationAction->setStatusTip(tr("Larger text and tiles, for a projector."));
    connect(m_presentationAction, &QAction::toggled, this, &ClusterWindow::setPresentationMode);
}

void ClusterWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Cluster"));
    bar->setObjectName(QStringLiteral("clusterToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_bringUpAction->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_tearDownAction->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    m_cancelAction->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_reconnectAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_editAction->setIcon(style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    bar->addAction(m_bringUpAction);
    bar->addAction(m_tearDownAction);
    bar->addAction(m_cancelAction);
    bar->addSeparator();
    bar->addAction(m_reconnectAction);
    bar->addAction(m_editAction);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_presentationAction);
}

void ClusterWindow::createMenus()
{
    QMenu *cluster = menuBar()->addMenu(tr("&Cluster"));
    cluster->addAction(m_bringUpAction);
    cluster->addAction(m_tearDownAction);
    cluster->addAction(m_cancelAction);
    cluster->addSeparator();
    cluster->addAction(m_reconnectAction);
    cluster->addAction(m_editAction);
    cluster->addSeparator();
    cluster->addAction(m_closeAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_workersPageAction);
    view->addAction(m_activityPageAction);
    view->addAction(m_webPageAction);
    view->addSeparator();
    view->addAction(m_presentationAction);
}

QString ClusterWindow::stateDirectory() const
{
    return m_operations ? m_operations->stateDirectory() : m_stateOverride;
}

bool ClusterWindow::openFile(const QString &path, QString *errorMessage)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const LoadedClusterFile loaded = ClusterFileLoader::loadFile(absolute);
    if (!loaded.ok()) {
        if (errorMessage) {
            QStringList problems;
            for (const Diagnostic &diagnostic : loaded.diagnostics)
                problems << diagnostic.format(QFileInfo(absolute).fileName());
            *errorMessage = problems.join(QLatin1Char('\n'));
        }
        return false;
    }
    m_file = absolute;
    QFile file(absolute);
    m_fileContents = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    if (!loadCluster(loaded.spec, errorMessage))
        return false;
    RecentFiles recent;
    recent.add(absolute);
    return true;
}

bool ClusterWindow::loadCluster(const ClusterSpec &spec, QString *errorMessage)
{
    dropWebArea();
    if (m_monitor) {
        m_monitor->stop();
        delete m_monitor;
        m_monitor = nullptr;
    }
    delete m_costGuard;
    m_costGuard = nullptr;
    delete m_operations;
    m_operations = nullptr;
    delete m_connector;
    m_connector = nullptr;
    m_thenOnSuccess = nullptr;
    delete m_pool;
    m_pool = new SshSessionPool(this);
    new HostKeyPrompter(m_pool, this);
    new PassphrasePrompter(m_pool, this);
    m_spec = spec;
    const QString stateDirectory = m_stateOverride.isEmpty() ? ClusterStateFile::defaultDirectory(spec.name)
                                                             : m_stateOverride;
    auto *operations = new ClusterOperations(spec, stateDirectory, m_pool, this);
    // A provider that creates machines may have none yet: Bring Up makes them.
    const Status opened = operations->open(!createsMachines());
    if (!opened.ok()) {
        delete operations;
        if (errorMessage)
            *errorMessage = opened.errorMessage();
        updateTitle();
        return false;
    }
    m_operations = operations;
    if (createsMachines()) {
        m_connector = new ProviderConnector(spec, QProcessEnvironment::systemEnvironment(), QDir::homePath(), this);
        m_costGuard = new CostGuard(&operations->resources(), m_costLabel, m_costBanner, this);
        connect(m_costGuard, &CostGuard::tearDownRequested, this, &ClusterWindow::tearDown);
        connect(m_costGuard, &CostGuard::expired, this, [this] {
            if (!isOperationRunning())
                tearDownNow();
        });
        m_costGuard->refresh();
    } else {
        m_costLabel->hide();
        m_costBanner->hide();
    }
    if (operations->hasMachines())
        attachMachines();
    else
        detachMachines();

    updateTitle();
    updateResumeBanner();
    updateConnectionBanner();
    updateActions();
    updateScaleControls();
    if (currentPage() == WebUiPage)
        ensureWebArea();
    return true;
}

void ClusterWindow::attachMachines()
{
    dropWebArea();
    delete m_monitor;
    m_monitor = nullptr;
    m_workerModel->setPlaces(m_operations->workerPlaces());
    m_workerModel->setWorkerCount(clusterIsUp() ? m_operations->currentWorkerCount() : 0);
    m_workerModel->clearStatus();
    m_strip->setRange(0, m_operations->maxWorkers());

    m_monitor = new MasterMonitor(m_operations->machines().master(), this);
    connect(m_monitor, &MasterMonitor::statusReceived, this, &ClusterWindow::handleStatus);
    connect(m_monitor, &MasterMonitor::connectionChanged, this, &ClusterWindow::handleConnectionChanged);
    if (clusterIsUp())
        m_monitor->start();
    else
        m_statusRoute->setText(tr("Not running"));
    m_totals->setUnknown(SparkConfigRenderer::masterUrl(m_operations->machines().master()->address()), QString());
}

void ClusterWindow::detachMachines()
{
    dropWebArea();
    delete m_monitor;
    m_monitor = nullptr;
    m_workerModel->setPlaces({});
    m_workerModel->setWorkerCount(0);
    m_workerModel->clearStatus();
    m_applicationModel->setApplications({});
    m_applicationsView->hide();
    m_noApplications->show();
    m_strip->setRange(0, m_spec.workers.count);
    m_statusRoute->setText(tr("Not running"));
    m_totals->setUnknown(QString(), QString());
}

void ClusterWindow::reloadIfChanged()
{
    if (m_file.isEmpty() || isOperationRunning())
        return;
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray contents = file.readAll();
    if (contents == m_fileContents)
        return;
    m_fileContents = contents;
    const LoadedClusterFile loaded = ClusterFileLoader::loadFile(m_file);
    if (!loaded.ok() || loaded.spec == m_spec)
        return; // a file being edited may not load yet; the editor shows why
    QString error;
    if (!loadCluster(loaded.spec, &error))
        showOperationError(tr("Cannot Use the Changed Cluster File"), error);
    else
        statusBar()->showMessage(tr("The cluster file changed: read it again."), 5000);
}

bool ClusterWindow::event(QEvent *event)
{
    // Back from the editor (or anywhere): a saved change to the file counts from now on.
    if (event->type() == QEvent::WindowActivate)
        reloadIfChanged();
    return QMainWindow::event(event);
}

bool ClusterWindow::clusterIsUp() const
{
    return m_operations && m_operations->sparkIsUp();
}

void ClusterWindow::updateTitle()
{
    if (m_spec.name.isEmpty()) {
        setWindowTitle(tr("Cluster"));
        return;
    }
    setWindowTitle(tr("%1 — Cluster").arg(m_spec.name));
    setWindowFilePath(m_file);
}

QString ClusterWindow::operationTitle(Operation operation, int target) const
{
    switch (operation) {
    case Operation::Up:
        return tr("Bringing up “%1”: a master and %n worker(s)", nullptr, target).arg(m_spec.name);
    case Operation::Scale:
        return tr("Scaling “%1” to %n worker(s)", nullptr, target).arg(m_spec.name);
    case Operation::Down:
        return tr("Tearing down “%1”").arg(m_spec.name);
    case Operation::None:
        break;
    }
    return {};
}

bool ClusterWindow::isOperationRunning() const
{
    return m_runner && m_runner->isRunning();
}

bool ClusterWindow::bringUp()
{
    return startOperation(Operation::Up, m_spec.workers.count);
}

bool ClusterWindow::scaleTo(int workers)
{
    if (!m_operations)
        return false;
    if (!clusterIsUp()) {
        showOperationError(tr("Cannot Scale"), tr("“%1” is not running: bring it up first.").arg(m_spec.name));
        m_strip->revertPending();
        return false;
    }
    return startOperation(Operation::Scale, workers);
}

bool ClusterWindow::tearDownNow()
{
    return startOperation(Operation::Down, 0);
}

void ClusterWindow::tearDown()
{
    if (!m_operations || isOperationRunning())
        return;
    QStringList hosts;
    if (m_operations->hasMachines()) {
        for (Machine *machine : m_operations->machines().machines())
            hosts << machine->displayName();
    }
    const int workers = m_workerModel->workerCount();
    const int applications = int(m_applicationModel->applications().size());
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Tear Down “%1”?").arg(m_spec.name),
                                tr("Tear down cluster “%1”?").arg(m_spec.name), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("tearDownQuestion"));
    box->setTextFormat(Qt::PlainText);
    QString details = tr("This stops the Spark master and its %n worker(s), and removes everything SparkDeck "
                         "installed for this cluster: the folder %1 (Spark, its configuration, logs and "
                         "the cluster's secret) on %2.", nullptr, workers)
                          .arg(ClusterLayout(m_spec).root(), hosts.join(QStringLiteral(", ")));
    if (applications > 0)
        details += QLatin1Char('\n') + tr("%n running application(s) will be stopped.", nullptr, applications);
    details += QStringLiteral("\n\n")
               + tr("The cluster file %1 stays: Bring Up builds the cluster again.")
                     .arg(QDir::toNativeSeparators(m_file));
    box->setInformativeText(details);
    QPushButton *tearDownButton = box->addButton(tr("&Tear Down"), QMessageBox::DestructiveRole);
    tearDownButton->setObjectName(QStringLiteral("confirmTearDownButton"));
    QPushButton *keep = box->addButton(tr("&Keep the Cluster"), QMessageBox::RejectRole);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, tearDownButton] {
        if (box->clickedButton() == tearDownButton)
            tearDownNow();
    });
    box->open();
}

bool ClusterWindow::resume()
{
    if (!m_operations)
        return false;
    Operation operation = m_operation;
    int target = m_target;
    if (operation == Operation::None) { // nothing ran in this window: the journal's last run
        operation = m_operations->lastRunTearsDown() ? Operation::Down : Operation::Up;
        target = operation == Operation::Up ? m_spec.workers.count : 0;
    }
    if (operation == Operation::Scale && target == m_operations->currentWorkerCount())
        return startOperation(Operation::Up, m_spec.workers.count); // the count holds: check it all
    return startOperation(operation, target);
}

void ClusterWindow::cancelOperation()
{
    if (isOperationRunning())
        m_provisioningView->cancelButton()->click();
}

bool ClusterWindow::createsMachines() const
{
    return ProviderRegistry::createsMachines(m_spec.machines.provider);
}

bool ClusterWindow::startOperation(Operation operation, int target)
{
    if (!m_operations || isOperationRunning())
        return false;
    if (createsMachines() && operation == Operation::Up && !m_operations->hasMachines()) {
        createMachinesThenBringUp(target);
        return true;
    }
    if (createsMachines() && operation == Operation::Down) {
        if (!m_operations->hasMachines()) {
            destroyMachines(); // nothing of Spark's to stop: the machines (or a crash's leftovers) only
            return true;
        }
        m_thenOnSuccess = [this] { destroyMachines(); };
    }
    Result<OperationRunner *> created = operation == Operation::Up      ? m_operations->up()
                                        : operation == Operation::Scale ? m_operations->scale(target)
                                                                        : m_operations->down();
    return runOperation(operation, target, created);
}

void ClusterWindow::withProvider(const std::function<void(MachineProvider *)> &use)
{
    m_resultBanner->hide();
    m_operationBanner->showMessage(MessageBanner::Kind::Information,
                                   tr("Connecting to %1…").arg(toString(m_spec.machines.provider)));
    m_connector->open(this, [this, use](const Result<MachineProvider *> &provider) {
        if (!provider) {
            m_operationBanner->hide();
            m_thenOnSuccess = nullptr;
            showOperationError(tr("Cannot Reach the Provider"), provider.errorMessage());
            return;
        }
        use(*provider);
    });
}

void ClusterWindow::createMachinesThenBringUp(int target)
{
    withProvider([this, target](MachineProvider *provider) {
        m_connector->creationOptions(false, this, [this, provider, target](const Result<MachineCreationOptions> &options) {
            if (!options) {
                m_operationBanner->hide();
                showOperationError(tr("Cannot Create the Machines"), options.errorMessage());
                return;
            }
            m_thenOnSuccess = [this, target] { startOperation(Operation::Up, target); };
            m_machinesChanging = true;
            runOperation(Operation::Up, target, m_operations->createMachines(provider, *options));
        });
    });
}

void ClusterWindow::destroyMachines()
{
    withProvider([this](MachineProvider *provider) {
        m_machinesChanging = true;
        runOperation(Operation::Down, 0, m_operations->destroyMachines(provider));
    });
}

bool ClusterWindow::runOperation(Operation operation, int target, const Result<OperationRunner *> &created)
{
    if (!created) {
        m_thenOnSuccess = nullptr;
        m_operationBanner->hide();
        m_strip->revertPending();
        showOperationError(operation == Operation::Scale ? tr("Cannot Scale") : tr("Cannot Start"),
                           created.errorMessage());
        return false;
    }
    OperationRunner *previous = m_runner;
    OperationRunner *runner = *created;
    m_runner = runner;
    m_operation = operation;
    m_target = target;
    m_provisioningView->setRunner(runner, operationTitle(operation, target));
    if (previous)
        previous->deleteLater();

    m_workerModel->beginTransition(operation == Operation::Down ? 0 : target,
                                   operation == Operation::Scale  ? WorkerModel::Transition::Scale
                                   : operation == Operation::Up ? WorkerModel::Transition::Up
                                                                 : WorkerModel::Transition::Down);
    m_strip->setBusy(true);
    m_resumeBanner->hide();
    m_resultBanner->hide();
    m_operationBanner->showMessage(MessageBanner::Kind::Information, operationTitle(operation, target) + QStringLiteral("…"));
    QPushButton *details = m_operationBanner->addButton(tr("&Details"), QStringLiteral("operationDetailsButton"));
    connect(details, &QPushButton::clicked, this, [this] { showPage(ActivityPage); });
    QPushButton *cancel = m_operationBanner->addButton(tr("Cancel"), QStringLiteral("operationCancelButton"));
    connect(cancel, &QPushButton::clicked, this, &ClusterWindow::cancelOperation);
    connect(runner, &OperationRunner::stepStarted, this, [this, operation, target](const QString &host, const QString &step) {
        if (m_operationBanner->isVisible())
            m_operationBanner->label()->setText(tr("%1…\n%2: %3").arg(operationTitle(operation, target), host, step));
    });
    connect(runner, &OperationRunner::finished, this, [this, operation, target](const TaskOutcome &outcome) {
        handleOperationFinished(operation, target, outcome);
    });
    if (operation != Operation::Scale)
        showPage(ActivityPage);
    if (operation == Operation::Up && m_monitor && !m_monitor->isActive())
        m_monitor->start(); // the tiles follow the workers as they come
    Q_EMIT operationStarted(operation);
    runner->start();
    updateConnectionBanner();
    updateActions();
    updateScaleControls();
    return true;
}

void ClusterWindow::handleOperationFinished(Operation operation, int target, const TaskOutcome &outcome)
{
    if (std::exchange(m_machinesChanging, false)) {
        // The provider made or deleted machines: the places, the monitor and the cost follow.
        if (m_operations->hasMachines())
            attachMachines();
        else
            detachMachines();
        m_costGuard->refresh();
    }
    const std::function<void()> next = std::exchange(m_thenOnSuccess, nullptr);
    if (next && outcome.succeeded() && outcome.partialFailures.isEmpty() && !m_closeWhenStopped) {
        QTimer::singleShot(0, this, next); // once the runner's finished() has returned
        return;
    }
    const bool up = clusterIsUp();
    m_workerModel->endTransition(up ? m_operations->currentWorkerCount() : 0);
    m_strip->setBusy(false);
    m_operationBanner->hide();
    if (m_closeWhenStopped) {
        Q_EMIT operationFinished(operation, outcome);
        close();
        return;
    }
    const bool clean = outcome.succeeded() && outcome.partialFailures.isEmpty();
    if (clean) {
        QString text;
        switch (operation) {
        case Operation::Up:
            text = tr("“%1” is up: master %2 with %n worker(s).", nullptr, target)
                       .arg(m_spec.name, SparkConfigRenderer::masterUrl(m_operations->machines().master()->address()));
            break;
        case Operation::Scale:
            text = tr("“%1” now has %n worker(s).", nullptr, target).arg(m_spec.name);
            break;
        case Operation::Down:
            text = createsMachines()
                       ? tr("“%1” is torn down and its machines are deleted. The cluster file stays; Bring Up "
                            "creates them again.")
                             .arg(m_spec.name)
                       : tr("“%1” is torn down. The cluster file stays; Bring Up builds it again.").arg(m_spec.name);
            break;
        case Operation::None:
            break;
        }
        if (!outcome.warnings.isEmpty())
            text += QLatin1Char('\n') + tr("Note: %1").arg(outcome.warnings.join(QStringLiteral("; ")));
        m_resultBanner->showMessage(MessageBanner::Kind::Success, text);
        if (operation != Operation::Down)
            showPage(WorkersPage);
    } else {
        const QString what = outcome.succeeded() ? tr("Partly done: %1").arg(outcome.partialFailures.join(QStringLiteral("; ")))
                             : outcome.wasCancelled() ? tr("Cancelled; nothing is half-written.")
                                                      : tr("Failed: %1").arg(outcome.message);
        m_resultBanner->showMessage(outcome.wasCancelled() ? MessageBanner::Kind::Warning : MessageBanner::Kind::Error,
                                    QStringLiteral("%1\n%2").arg(operationTitle(operation, target), what));
        QPushButton *details = m_resultBanner->addButton(tr("&Details"), QStringLiteral("resultDetailsButton"));
        connect(details, &QPushButton::clicked, this, [this] { showPage(ActivityPage); });
        QPushButton *retry = m_resultBanner->addButton(outcome.wasCancelled() ? tr("&Resume") : tr("&Retry"),
                                                       QStringLiteral("resultRetryButton"));
        connect(retry, &QPushButton::clicked, this, &ClusterWindow::resume);
    }
    if (m_monitor) {
        if (up) {
            if (!m_monitor->isActive())
                m_monitor->start();
            else if (m_monitor->connection() == MasterMonitor::Connection::Unreachable)
                m_monitor->reconnect(); // it failed before the master ran: no stale error now
            else
                m_monitor->refreshNow();
        } else {
            m_monitor->stop();
            m_workerModel->clearStatus();
            m_applicationModel->setApplications({});
            m_applicationsView->hide();
            m_noApplications->show();
            m_totals->setUnknown(SparkConfigRenderer::masterUrl(m_operations->machines().master()->address()),
                                 QString());
            m_statusRoute->setText(tr("Not running"));
        }
    }
    updateConnectionBanner();
    updateActions();
    updateScaleControls();
    Q_EMIT operationFinished(operation, outcome);
}

void ClusterWindow::handleStatus()
{
    const MasterStatus &status = m_monitor->status();
    m_workerModel->setStatus(status);
    m_applicationModel->setApplications(status.activeApplications);
    m_noApplications->setVisible(status.activeApplications.isEmpty());
    m_applicationsView->setVisible(!status.activeApplications.isEmpty());
    m_totals->setStatus(status, m_workerModel->workerCount());
    m_statusRoute->setText(m_monitor->routeDescription());
}

void ClusterWindow::handleConnectionChanged()
{
    if (m_monitor && m_monitor->connection() == MasterMonitor::Connection::Unreachable) {
        m_workerModel->clearStatus();
        m_totals->setUnknown(SparkConfigRenderer::masterUrl(m_operations->machines().master()->address()),
                             m_monitor->errorMessage());
    }
    updateConnectionBanner();
}

void ClusterWindow::updateConnectionBanner()
{
    if (!m_operations || isOperationRunning()) {
        m_connectionBanner->hide();
        return;
    }
    if (!clusterIsUp()) {
        m_connectionBanner->showMessage(MessageBanner::Kind::Information,
                                        tr("“%1” is not running. Bring it up to install and start Spark on "
                                           "its machines (%n worker(s)).", nullptr, m_spec.workers.count)
                                            .arg(m_spec.name));
        QPushButton *up = m_connectionBanner->addButton(tr("Bring &Up"), QStringLiteral("bannerBringUpButton"));
        connect(up, &QPushButton::clicked, this, &ClusterWindow::bringUp);
        return;
    }
    switch (m_monitor ? m_monitor->connection() : MasterMonitor::Connection::Idle) {
    case MasterMonitor::Connection::Unreachable: {
        m_connectionBanner->showMessage(MessageBanner::Kind::Error,
                                        tr("The Spark master cannot be reached.\n%1\nReconnect when it is "
                                           "back; Bring Up starts whatever is stopped.")
                                            .arg(m_monitor->errorMessage()));
        QPushButton *reconnect = m_connectionBanner->addButton(tr("&Reconnect"), QStringLiteral("reconnectButton"));
        connect(reconnect, &QPushButton::clicked, m_reconnectAction, &QAction::trigger);
        QPushButton *up = m_connectionBanner->addButton(tr("Bring &Up"), QStringLiteral("bannerBringUpButton"));
        connect(up, &QPushButton::clicked, this, &ClusterWindow::bringUp);
        m_statusRoute->setText(tr("Master not reached"));
        break;
    }
    case MasterMonitor::Connection::Connecting:
        m_connectionBanner->showMessage(MessageBanner::Kind::Information, tr("Connecting to the Spark master…"));
        break;
    case MasterMonitor::Connection::Reachable:
    case MasterMonitor::Connection::Idle:
        m_connectionBanner->hide();
        break;
    }
}

void ClusterWindow::updateResumeBanner()
{
    m_resumeBanner->hide();
    if (!m_operations)
        return;
    const RunJournal &journal = m_operations->journal();
    const QJsonObject last = journal.lastRun();
    if (last.isEmpty())
        return;
    const QString operationId = last.value(QLatin1String("operation")).toString();
    const QString operation = operationId == QLatin1String("up")      ? tr("bring up")
                              : operationId == QLatin1String("scale") ? tr("scale")
                              : operationId == QLatin1String("down")  ? tr("tear down")
                                                                      : operationId;
    const QString outcome = last.value(QLatin1String("outcome")).toString();
    const QString started = localTime(last.value(QLatin1String("started")).toString());
    QString text;
    QString button = tr("&Resume");
    if (journal.lastRunInterrupted()) {
        text = tr("The last run (%1, started %2) did not finish: SparkDeck was closed or stopped while it "
                  "ran. Resume it: what is done is only checked.")
                   .arg(operation, started);
    } else if (outcome == QLatin1String("cancelled")) {
        text = tr("The last run (%1, started %2) was cancelled. Resume it: what is done is only checked.")
                   .arg(operation, started);
    } else if (outcome == QLatin1String("failed")) {
        text = tr("The last run (%1, started %2) failed: %3\nFix the cause, then retry: what is done is only "
                  "checked.")
                   .arg(operation, started, last.value(QLatin1String("message")).toString());
        button = tr("&Retry");
    } else {
        return;
    }
    if (operationId == QLatin1String("scale"))
        text += QLatin1Char(' ') + tr("(Resuming brings the cluster to the file's %n worker(s).)", nullptr,
                                      m_spec.workers.count);
    m_resumeBanner->showMessage(MessageBanner::Kind::Warning, text);
    QPushButton *resumeButton = m_resumeBanner->addButton(button, QStringLiteral("resumeButton"));
    connect(resumeButton, &QPushButton::clicked, this, &ClusterWindow::resume);
}

void ClusterWindow::updateScaleControls()
{
    const bool ready = m_operations && clusterIsUp() && !isOperationRunning();
    const int current = m_strip->currentCount();
    const int pending = m_strip->pendingCount();
    m_removeButton->setEnabled(ready && pending > m_strip->minimum());
    m_addButton->setEnabled(ready && pending < m_strip->maximum());
    m_strip->handle()->setEnabled(ready);
    m_strip->setScalable(m_operations && clusterIsUp());
    m_countLabel->setText(tr("%n worker(s)", nullptr, pending));
    const bool changed = ready && m_strip->hasPendingChange();
    m_applyButton->setText(tr("&Scale to %n Worker(s)", nullptr, pending));
    m_applyButton->setVisible(changed);
    m_revertButton->setVisible(changed);
    if (!m_operations)
        m_scaleHint->clear();
    else if (isOperationRunning())
        m_scaleHint->setText(tr("An operation is running; the tiles follow it."));
    else if (!clusterIsUp())
        m_scaleHint->setText(tr("Bring the cluster up to choose its number of workers."));
    else if (changed)
        m_scaleHint->setText(pending > current
                                 ? tr("%n new worker(s) will start.", nullptr, pending - current)
                                 : tr("%n worker(s) will be decommissioned gracefully: their running tasks "
                                      "finish first.", nullptr, current - pending));
    else
        m_scaleHint->setText(tr("Drag the handle after the last tile, or use − and +, to choose the number "
                                "of workers (%1 to %2).")
                                 .arg(m_strip->minimum())
                                 .arg(m_strip->maximum()));
}

void ClusterWindow::updateActions()
{
    const bool running = isOperationRunning();
    const bool loaded = m_operations != nullptr;
    m_bringUpAction->setEnabled(loaded && !running);
    m_tearDownAction->setEnabled(loaded && !running && clusterIsUp());
    m_cancelAction->setEnabled(running);
    m_reconnectAction->setEnabled(loaded && clusterIsUp());
    m_editAction->setEnabled(!m_file.isEmpty());
}

void ClusterWindow::showOperationError(const QString &title, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("operationErrorBox"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

MainWindow *ClusterWindow::editClusterFile()
{
    if (m_file.isEmpty())
        return nullptr;
    // One editor per file: raise the one already open.
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        auto *editor = qobject_cast<MainWindow *>(widget);
        if (editor && editor->isVisible() && editor->currentFile() == m_file) {
            editor->raise();
            editor->activateWindow();
            return editor;
        }
    }
    auto *editor = new MainWindow;
    editor->setAttribute(Qt::WA_DeleteOnClose);
    if (!editor->openFile(m_file)) {
        delete editor;
        return nullptr;
    }
    editor->show();
    return editor;
}

void ClusterWindow::setPresentationMode(bool on)
{
    if (m_presentation == on)
        return;
    m_presentation = on;
    m_presentationAction->setChecked(on);
    QFont font = m_normalFont;
    if (on)
        font.setPointSizeF(m_normalFont.pointSizeF() * kPresentationScale);
    setFont(font); // every part follows: tiles, totals and the provisioning view size from it
}

void ClusterWindow::applyBoldFonts()
{
    QFont bold = font();
    bold.setBold(true);
    const auto children = findChildren<QWidget *>();
    for (QWidget *child : children) {
        if (child->property(kBoldProperty).toBool())
            child->setFont(bold);
    }
    m_countLabel->setMinimumWidth(m_countLabel->fontMetrics().horizontalAdvance(QStringLiteral("000 workers")) + 8);
    m_removeButton->setMinimumWidth(m_removeButton->sizeHint().height() + 8);
    m_addButton->setMinimumWidth(m_addButton->sizeHint().height() + 8);
}

void ClusterWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyBoldFonts();
}

void ClusterWindow::showPage(Page page)
{
    m_pages->setCurrentIndex(page);
}

ClusterWindow::Page ClusterWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void ClusterWindow::ensureWebArea()
{
    if (m_webArea || !m_operations || !m_operations->hasMachines())
        return;
#ifdef SPARKDECK_WITH_WEB
    // The embedded browser (gui/web): WebEngine starts here, the first time the page is shown,
    // never before. Its way to the cluster is ClusterWebAccess's tunnel (or 127.0.0.1 for a
    // cluster on this computer).
    auto *access = new ClusterWebAccess(*m_operations, this);
    auto *pane = new BrowserPane(m_webPage);
    pane->setObjectName(QStringLiteral("browserPane"));
    pane->setTunnelHost(access->isTunnelled() ? access->hostName() : QString());
    connect(access, &ClusterWebAccess::available, pane,
            [pane, access](const QUrl &url) { pane->setMasterUiUrl(url, access->remoteMasterUiUrl()); });
    connect(access, &ClusterWebAccess::unavailable, pane, &BrowserPane::setUnavailable);
    connect(pane, &BrowserPane::reconnectRequested, access, &ClusterWebAccess::reconnect);
    // Reconnecting the monitor reconnects the pages too (one SSH connection serves both).
    connect(m_reconnectAction, &QAction::triggered, access, &ClusterWebAccess::reconnect);
    m_webPage->layout()->addWidget(pane);
    m_webArea = pane;
    m_webAccess = access;
    access->open();
    pane->openMasterUi();
#else
    // Built without gui/web (no QtWebEngine): the master's UI in the system browser, through
    // the same tunnel as the status.
    auto *area = new QWidget(m_webPage);
    area->setObjectName(QStringLiteral("webUiFallback"));
    auto *label = new QLabel(area);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    auto *open = new QPushButton(tr("&Open the Master UI in the System Browser"), area);
    open->setObjectName(QStringLiteral("openMasterUiButton"));
    auto update = [this, label, open] {
        const QUrl url = m_monitor ? m_monitor->masterUiUrl() : QUrl();
        const bool reachable = m_monitor && m_monitor->connection() == MasterMonitor::Connection::Reachable;
        const QString route = m_monitor ? m_monitor->routeDescription() : QString();
        const QString where = route.contains(url.toString()) ? route
                                                             : tr("%1 (%2)").arg(url.toString(), route);
        label->setText(reachable ? tr("This build of SparkDeck has no embedded browser. The Spark master's web "
                                      "UI: %1.")
                                       .arg(where)
                                 : tr("The Spark master's web UI cannot be reached now."));
        open->setEnabled(reachable && url.isValid());
    };
    connect(open, &QPushButton::clicked, this, [this] {
        if (m_monitor)
            QDesktopServices::openUrl(m_monitor->masterUiUrl());
    });
    auto *layout = new QVBoxLayout(area);
    layout->addStretch();
    layout->addWidget(label);
    layout->addWidget(open, 0, Qt::AlignCenter);
    layout->addStretch();
    m_webPage->layout()->addWidget(area);
    m_webArea = area;
    update();
    if (m_monitor)
        connect(m_monitor, &MasterMonitor::connectionChanged, area, update);
#endif
}

void ClusterWindow::dropWebArea()
{
    // Before the machines it uses go (a cluster file read again).
    delete m_webArea;
    m_webArea = nullptr;
    delete m_webAccess;
    m_webAccess = nullptr;
}

void ClusterWindow::openInWebArea(const QString &path, const std::function<void()> &inBrowser)
{
    showPage(WebUiPage); // creates the area
#ifdef SPARKDECK_WITH_WEB
    Q_UNUSED(path)
    if (m_webArea)
        inBrowser();
#else
    Q_UNUSED(inBrowser)
    if (m_monitor && m_monitor->connection() == MasterMonitor::Connection::Reachable) {
        QUrl url = m_monitor->masterUiUrl();
        url.setPath(path);
        QDesktopServices::openUrl(url);
    }
#endif
}

void ClusterWindow::openMasterUi()
{
    openInWebArea(QStringLiteral("/"), [this] {
#ifdef SPARKDECK_WITH_WEB
        static_cast<BrowserPane *>(m_webArea)->openMasterUi();
#endif
    });
}

void ClusterWindow::openWorkerUi(const QString &workerId)
{
    // Through the master's reverse proxy (spark.ui.reverseProxy): one tunnel serves every page.
    openInWebArea(QStringLiteral("/proxy/%1/").arg(workerId), [this, workerId] {
#ifdef SPARKDECK_WITH_WEB
        static_cast<BrowserPane *>(m_webArea)->openWorkerUi(workerId);
#else
        Q_UNUSED(workerId)
#endif
    });
}

void ClusterWindow::openApplicationUi(const QString &applicationId)
{
    openInWebArea(QStringLiteral("/proxy/%1/").arg(applicationId), [this, applicationId] {
#ifdef SPARKDECK_WITH_WEB
        static_cast<BrowserPane *>(m_webArea)->openApplicationUi(applicationId);
#else
        Q_UNUSED(applicationId)
#endif
    });
}

void ClusterWindow::closeEvent(QCloseEvent *event)
{
    if (!isOperationRunning()) {
        if (m_monitor)
            m_monitor->stop();
        event->accept();
        return;
    }
    if (m_closeWhenStopped) { // already stopping: close when it has
        event->ignore();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Stop and Close?"),
                                tr("%1 is still running.").arg(operationTitle(m_operation, m_target)),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("closeWhileRunningQuestion"));
    box->setInformativeText(tr("Stop it and close? Every step stops within a second and nothing is left "
                               "half-written; the next time you open the cluster, SparkDeck offers to "
                               "resume where it stopped."));
    QPushButton *stop = box->addButton(tr("&Stop and Close"), QMessageBox::AcceptRole);
    QPushButton *keep = box->addButton(tr("&Keep Running"), QMessageBox::RejectRole);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, stop] {
        if (box->clickedButton() != stop)
            return;
        m_closeWhenStopped = true;
        cancelOperation(); // finished() closes the window
    });
    box->open();
    event->ignore();
}

} // namespace SparkDeck
