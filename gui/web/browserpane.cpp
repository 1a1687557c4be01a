#include "browserpane.h"

#include "browserpage.h"
#include "browsertab.h"
#include "noticepanel.h"
#include "webrequestguard.h"

#include "monitor/sparkmasterclient.h"

#include <QAction>
#include <QDesktopServices>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWebEngineHistory>
#include <QWebEngineNewWindowRequest>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include <utility>

namespace SparkDeck {

using Internal::BrowserTab;

namespace {

const QString kMasterTarget = QStringLiteral("master");
const QString kProxyPrefix = QStringLiteral("proxy:");
const QString kUrlPrefix = QStringLiteral("url:");
const char kTargetProperty[] = "sparkdeckTarget";
constexpr int kLongestTabTitle = 40;

QString sentence(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.endsWith(QLatin1Char('.')) || trimmed.endsWith(QLatin1Char('!'))
        || trimmed.endsWith(QLatin1Char('?')))
        return trimmed;
    return trimmed + QLatin1Char('.');
}

QString shortTitle(const QString &title)
{
    return title.size() > kLongestTabTitle ? title.left(kLongestTabTitle - 1) + QChar(0x2026) : title;
}

} // namespace

BrowserPane::BrowserPane(QWidget *parent)
    : QWidget(parent)
    , m_externalHandler([](const QUrl &url) { return QDesktopServices::openUrl(url); })
    , m_toolBar(new QToolBar(this))
    , m_address(new QLineEdit(this))
    , m_pages(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_downPanel(new Internal::NoticePanel(this))
    , m_emptyPanel(new Internal::NoticePanel(this))
{
    setObjectName(QStringLiteral("browserPane"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setElideMode(Qt::ElideRight);
    m_tabs->setUsesScrollButtons(true);

    auto makeAction = [this](const QString &text, const QString &iconName,
                             QStyle::StandardPixmap fallback, const QList<QKeySequence> &keys) {
        auto *action = new QAction(QIcon::fromTheme(iconName, style()->standardIcon(fallback)), text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    m_back = makeAction(tr("Back"), QStringLiteral("go-previous"), QStyle::SP_ArrowBack,
                        {QKeySequence::Back});
    m_forward = makeAction(tr("Forward"), QStringLiteral("go-next"), QStyle::SP_ArrowForward,
                           {QKeySequence::Forward});
    m_reload = makeAction(tr("Reload"), QStringLiteral("view-refresh"), QStyle::SP_BrowserReload,
                          {QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    m_openExternally = makeAction(tr("Open in System Browser"), QStringLiteral("internet-web-browser"),
                                  QStyle::SP_DesktopIcon, {});
    m_openExternally->setToolTip(
        tr("Open this page in your web browser. Its address is the local end of SparkDeck's SSH "
           "tunnel, so it works only while SparkDeck is running."));
    m_newTab = makeAction(tr("New Tab: Master UI"), QStringLiteral("tab-new"),
                          QStyle::SP_FileDialogNewFolder, {QKeySequence(Qt::CTRL | Qt::Key_T)});
    m_newTab->setToolTip(tr("Open the Spark master's page in a new tab (Ctrl+T)"));
    m_closeTab = makeAction(tr("Close Tab"), QStringLiteral("tab-close"), QStyle::SP_DialogCloseButton,
                            {QKeySequence(Qt::CTRL | Qt::Key_W)});
    m_focusAddress = makeAction(tr("Focus Address"), QString(), QStyle::SP_FileIcon,
                                {QKeySequence(Qt::CTRL | Qt::Key_L)});
    m_back->setToolTip(tr("Back (Alt+Left)"));
    m_forward->setToolTip(tr("Forward (Alt+Right)"));
    m_reload->setToolTip(tr("Reload (F5)"));

    m_address->setReadOnly(true);
    m_address->setAccessibleName(tr("Page address"));
    m_address->setToolTip(tr("The page's address on this computer: the local end of SparkDeck's "
                             "SSH tunnel, valid while SparkDeck runs."));
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addAction(m_back);
    m_toolBar->addAction(m_forward);
    m_toolBar->addAction(m_reload);
    m_toolBar->addWidget(m_address);
    m_toolBar->addAction(m_openExternally);
    m_toolBar->addAction(m_newTab);

    m_pages->addWidget(m_tabs);
    m_pages->addWidget(m_downPanel);
    m_pages->addWidget(m_emptyPanel);
    m_emptyPanel->setNotice(tr("No pages open"),
                            tr("Open the Spark master's page, or a worker's from the cluster "
                               "window."),
                            tr("Open Master UI"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_pages, 1);

    connect(m_back, &QAction::triggered, this, [this] {
        if (QWebEngineView *view = currentView())
            view->back();
    });
    connect(m_forward, &QAction::triggered, this, [this] {
        if (QWebEngineView *view = currentView())
            view->forward();
    });
    connect(m_reload, &QAction::triggered, this, [this] {
        BrowserTab *tab = currentTab();
        if (!tab)
            return;
        if (tab->isShowingNotice() || tab->lastLoadFailed())
            tab->load(tab->currentUrl());
        else
            tab->view()->reload();
    });
    connect(m_openExternally, &QAction::triggered, this, &BrowserPane::openExternally);
    connect(m_newTab, &QAction::triggered, this, [this] { openMasterUi(true); });
    connect(m_closeTab, &QAction::triggered, this, [this] { closeTab(m_tabs->currentIndex()); });
    connect(m_focusAddress, &QAction::triggered, this, [this] {
        m_address->setFocus(Qt::ShortcutFocusReason);
        m_address->selectAll();
    });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &BrowserPane::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateActions();
        updateAddress();
    });
    connect(m_downPanel, &Internal::NoticePanel::primaryClicked, this, [this] {
        m_downPanel->setPrimaryEnabled(false);
        m_downPanel->primaryButton()->setText(tr("Reconnecting…"));
        Q_EMIT reconnectRequested();
    });
    connect(m_emptyPanel, &Internal::NoticePanel::primaryClicked, this, [this] { openMasterUi(true); });

    showWaiting();
    updateActions();
}

BrowserPane::~BrowserPane()
{
    // Pages before their profile, or WebEngine complains and may crash.
    while (m_tabs->count() > 0) {
        QWidget *tab = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete tab;
    }
    delete m_profile;
}

void BrowserPane::setTunnelHost(const QString &host)
{
    m_tunnelHost = host;
    for (int i = 0; i < m_tabs->count(); ++i)
        tabAt(i)->setTunnelHost(host);
    if (m_down && m_unavailableReason.isEmpty())
        showWaiting();
}

void BrowserPane::setMasterUiUrl(const QUrl &url, const QUrl &remoteUrl)
{
    if (!url.isValid())
        return;
    const QUrl old = m_routes.masterLocalBase();
    const bool wasDown = m_down;
    m_routes.setMasterUi(url, remoteUrl);
    m_down = false;
    m_unavailableReason.clear();

    for (int i = 0; i < m_tabs->count(); ++i) {
        BrowserTab *tab = tabAt(i);
        if (!tab->pending().isEmpty()) {
            tab->load(resolve(tab->pending()));
            continue;
        }
        const QUrl current = tab->currentUrl();
        if (old.isValid() && WebRoutes::originOf(current) == WebRoutes::originOf(old)) {
            const QUrl moved = WebRoutes::rebase(current, old, url);
            if (moved != current || wasDown || tab->lastLoadFailed())
                tab->load(moved);
        } else if (tab->lastLoadFailed()) {
            tab->load(current);
        }
    }
    showPages();
    if (m_tabs->count() == 0)
        openMasterUi();
    refreshWorkerRoutes();
}

void BrowserPane::setUnavailable(const QString &reason)
{
    m_down = true;
    m_unavailableReason = reason.isEmpty() ? tr("the connection was closed.") : reason;
    const QString text
        = m_tunnelHost.isEmpty()
              ? tr("The Spark web UI of this cluster is not reachable: %1")
                    .arg(sentence(m_unavailableReason))
              : tr("The Spark web UI is reached through an SSH tunnel to %1, which is down: %2")
                    .arg(m_tunnelHost, sentence(m_unavailableReason));
    m_downPanel->setNotice(tr("The Spark web UI is not reachable"),
                           text + QStringLiteral("\n\n")
                               + tr("Reconnect opens the tunnel again; the pages you had open "
                                    "come back."),
                           tr("Reconnect"));
    m_pages->setCurrentWidget(m_downPanel);
    updateActions();
    updateAddress();
}

void BrowserPane::addForward(const QUrl &localUrl, const QUrl &remoteUrl)
{
    m_routes.addForward(localUrl, remoteUrl);
}

void BrowserPane::openMasterUi(bool newTab)
{
    openTarget(kMasterTarget, tr("Master"), newTab);
}

void BrowserPane::openWorkerUi(const QString &workerId)
{
    openTarget(kProxyPrefix + workerId, tr("Worker %1").arg(workerId), false);
}

void BrowserPane::openApplicationUi(const QString &appId)
{
    openTarget(kProxyPrefix + appId, tr("Application %1").arg(appId), false);
}

void BrowserPane::openUrlTab(const QUrl &url, const QString &title)
{
    if (!url.isValid())
        return;
    if (WebRoutes::isLoopbackHost(url.host())) {
        QUrl origin = url;
        origin.setPath(QStringLiteral("/"));
        origin.setQuery(QString());
        origin.setFragment(QString());
        m_routes.addForward(origin);
    }
    openTarget(kUrlPrefix + url.toString(QUrl::FullyEncoded),
               title.isEmpty() ? url.toDisplayString() : title, true);
}

void BrowserPane::setExternalUrlHandler(std::function<bool(const QUrl &)> handler)
{
    m_externalHandler = std::move(handler);
}

int BrowserPane::tabCount() const
{
    return m_tabs->count();
}

int BrowserPane::currentIndex() const
{
    return m_tabs->currentIndex();
}

void BrowserPane::setCurrentIndex(int index)
{
    m_tabs->setCurrentIndex(index);
}

QWebEngineView *BrowserPane::viewAt(int index) const
{
    BrowserTab *tab = tabAt(index);
    return tab ? tab->view() : nullptr;
}

QWebEngineView *BrowserPane::currentView() const
{
    return viewAt(m_tabs->currentIndex());
}

bool BrowserPane::isShowingUnavailablePage() const
{
    return m_pages->currentWidget() == m_downPanel;
}

bool BrowserPane::isShowingTabNotice(int index) const
{
    BrowserTab *tab = tabAt(index);
    return tab && tab->isShowingNotice();
}

QString BrowserPane::unavailableText() const
{
    return m_downPanel->text();
}

QString BrowserPane::tabNoticeText(int index) const
{
    BrowserTab *tab = tabAt(index);
    return tab && tab->isShowingNotice() ? tab->notice()->text() : QString();
}

QPushButton *BrowserPane::reconnectButton() const
{
    return m_downPanel->primaryButton();
}

BrowserTab *BrowserPane::tabAt(int index) const
{
    return qobject_cast<BrowserTab *>(m_tabs->widget(index));
}

BrowserTab *BrowserPane::currentTab() const
{
    return tabAt(m_tabs->currentIndex());
}

void BrowserPane::ensureProfile()
{
    if (m_profile)
        return;
    // No storage name: off the record. Nothing of the cluster's pages is written to disk.
    m_profile = new QWebEngineProfile(this);
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    QWebEngineSettings *settings = m_profile->settings();
    settings->setAttribute(QWebEngineSettings::ErrorPageEnabled, false); // our own notices instead
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
    m_guard = new Internal::WebRequestGuard(&m_routes, m_profile);
    m_profile->setUrlRequestInterceptor(m_guard);
}

BrowserTab *BrowserPane::createTab(const QString &title)
{
    ensureProfile();
    auto *tab = new BrowserTab(&m_routes, m_profile, m_tabs);
    tab->setTunnelHost(m_tunnelHost);
    const int index = m_tabs->addTab(tab, shortTitle(title));
    m_tabs->setTabToolTip(index, title);

    connect(tab, &BrowserTab::titleChanged, this, [this, tab](const QString &pageTitle) {
        const int i = m_tabs->indexOf(tab);
        if (i < 0 || pageTitle.isEmpty())
            return;
        m_tabs->setTabText(i, shortTitle(pageTitle));
        m_tabs->setTabToolTip(i, pageTitle);
        if (i == m_tabs->currentIndex())
            updateAddress();
    });
    connect(tab, &BrowserTab::urlChanged, this, [this, tab] {
        if (tab == currentTab()) {
            updateActions();
            updateAddress();
        }
    });
    connect(tab, &BrowserTab::loadFinished, this, [this, tab] {
        if (tab == currentTab())
            updateActions();
    });
    connect(tab, &BrowserTab::reconnectRequested, this, &BrowserPane::reconnectRequested);
    Internal::BrowserPage *page = tab->page();
    connect(page, &Internal::BrowserPage::externalLinkClicked, this, [this](const QUrl &url) {
        if (m_externalHandler)
            m_externalHandler(url);
    });
    connect(page, &Internal::BrowserPage::navigationBlocked, this,
            [this, tab](const QUrl &url, const QString &) { handleBlockedNavigation(tab, url); });
    connect(page, &QWebEnginePage::newWindowRequested, this,
            [this](QWebEngineNewWindowRequest &request) {
                BrowserTab *opened = createTab(request.requestedUrl().toDisplayString());
                request.openIn(opened->page());
                m_tabs->setCurrentWidget(opened);
            });
    return tab;
}

QUrl BrowserPane::resolve(const QString &target) const
{
    if (target == kMasterTarget)
        return m_routes.masterLocalBase();
    if (target.startsWith(kProxyPrefix))
        return m_routes.proxyUrl(target.mid(kProxyPrefix.size()));
    if (target.startsWith(kUrlPrefix))
        return QUrl(target.mid(kUrlPrefix.size()), QUrl::StrictMode);
    return {};
}

void BrowserPane::openTarget(const QString &target, const QString &title, bool newTab)
{
    if (!newTab) {
        for (int i = 0; i < m_tabs->count(); ++i) {
            if (m_tabs->widget(i)->property(kTargetProperty).toString() == target) {
                m_tabs->setCurrentIndex(i);
                showPages();
                return;
            }
        }
    }
    BrowserTab *tab = createTab(title);
    tab->setProperty(kTargetProperty, target);
    const QUrl url = resolve(target);
    // Pages of our own tunnel wait for it; a URL of another forward loads at once.
    const bool needsTunnel = !target.startsWith(kUrlPrefix);
    if (url.isEmpty() || (needsTunnel && m_down))
        tab->setPending(target);
    else
        tab->load(url);
    m_tabs->setCurrentWidget(tab);
    showPages();
}

void BrowserPane::showPages()
{
    if (!m_down)
        m_pages->setCurrentWidget(m_tabs->count() > 0 ? static_cast<QWidget *>(m_tabs) : m_emptyPanel);
    else if (m_unavailableReason.isEmpty())
        showWaiting();
    else
        m_pages->setCurrentWidget(m_downPanel);
    updateActions();
    updateAddress();
}

void BrowserPane::showWaiting()
{
    m_downPanel->setNotice(tr("Opening the Spark web UI…"),
                           m_tunnelHost.isEmpty()
                               ? tr("Waiting for the Spark master's web UI.")
                               : tr("SparkDeck is opening an SSH tunnel to %1 for the Spark "
                                    "web UI; nothing is opened to the network.")
                                     .arg(m_tunnelHost));
    m_pages->setCurrentWidget(m_downPanel);
}

void BrowserPane::updateActions()
{
    QWebEngineView *view = isShowingUnavailablePage() ? nullptr : currentView();
    m_back->setEnabled(view && view->history()->canGoBack());
    m_forward->setEnabled(view && view->history()->canGoForward());
    m_reload->setEnabled(view != nullptr);
    m_openExternally->setEnabled(view != nullptr && !m_down);
    m_closeTab->setEnabled(m_tabs->count() > 0);
}

void BrowserPane::updateAddress()
{
    BrowserTab *tab = currentTab();
    const QUrl url = tab ? tab->currentUrl() : QUrl();
    m_address->setText(url.toDisplayString());
    m_address->setCursorPosition(0);
    Q_EMIT currentPageChanged(tab ? tab->view()->title() : QString(), url);
}

void BrowserPane::closeTab(int index)
{
    QWidget *tab = m_tabs->widget(index);
    if (!tab)
        return;
    m_tabs->removeTab(index);
    tab->deleteLater();
    showPages();
}

void BrowserPane::openExternally()
{
    BrowserTab *tab = currentTab();
    if (!tab || !m_externalHandler)
        return;
    const QUrl url = tab->currentUrl();
    if (!url.isEmpty())
        m_externalHandler(url);
}

void BrowserPane::handleBlockedNavigation(BrowserTab *tab, const QUrl &url)
{
    // A private address that may be a worker the pane has not heard of yet: ask the master
    // which workers it has, then try once more.
    if (m_down || !m_routes.masterLocalBase().isValid() || WebRoutes::isLoopbackHost(url.host())
        || !WebRoutes::isPrivateHost(url.host()))
        return;
    m_waitingForRoutes.append({tab, url});
    refreshWorkerRoutes();
}

void BrowserPane::refreshWorkerRoutes()
{
    if (!m_routes.masterLocalBase().isValid())
        return;
    if (!m_masterClient) {
        m_masterClient = new SparkMasterClient(this);
        m_masterClient->setTimeout(5000);
        connect(m_masterClient, &SparkMasterClient::statusReceived, this, &BrowserPane::handleMasterStatus);
        connect(m_masterClient, &SparkMasterClient::failed, this, [this] { m_waitingForRoutes.clear(); });
    }
    m_masterClient->setBaseUrl(m_routes.masterLocalBase());
    m_masterClient->refresh();
}

void BrowserPane::handleMasterStatus(const MasterStatus &status)
{
    m_routes.clearProxiedUis();
    for (const WorkerStatus &worker : status.workers) {
        m_routes.setProxiedUi(worker.id, QUrl(worker.webUiAddress));
        m_routes.addPrivateHostName(worker.host);
    }
    const auto waiting = std::exchange(m_waitingForRoutes, {});
    for (const auto &[tab, url] : waiting) {
        if (!tab)
            continue;
        const WebRoutes::Decision decision = m_routes.route(url);
        if (decision.kind == WebRoutes::Kind::Rewritten)
            tab->load(decision.url);
    }
}

} // namespace SparkDeck
