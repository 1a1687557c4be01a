#pragma once

#include "monitor/webroutes.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QAction;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QToolBar;
class QWebEngineProfile;
class QWebEngineView;
QT_END_NAMESPACE

namespace SparkDeck {

class SparkMasterClient;
struct MasterStatus;

namespace Internal {
class BrowserTab;
class NoticePanel;
class WebRequestGuard;
} // namespace Internal

/// The embedded browser of a cluster window: tabs for the Spark master UI, worker and
/// application pages (through the master's reverse proxy, `<master>/proxy/<id>/`) and any other
/// forwarded page (Jupyter), all through the local end of the SSH tunnel that ClusterWebAccess
/// keeps; back/forward/reload, "open in system browser", and an in-app page instead of
/// Chromium's error page when the tunnel is down ([Reconnect] → reconnectRequested()).
///
/// Rules: WebEngine starts with the first tab, not before (constructing the pane costs no
/// Chromium); the pages live in an off-the-record profile of our own (no cookies, cache or
/// history on disk); every request goes through WebRoutes, so links to the cluster's private
/// addresses open through the tunnel or the proxy, never directly, and nothing but our own
/// 127.0.0.1 ports is loaded. It knows nothing about SSH: the window wires it to
/// ClusterWebAccess (available → setMasterUiUrl, unavailable → setUnavailable,
/// reconnectRequested → reconnect).
class BrowserPane : public QWidget
{
    Q_OBJECT
public:
    explicit BrowserPane(QWidget *parent = nullptr);
    ~BrowserPane() override;

    /// The master host, for messages ("an SSH tunnel to 10.0.0.11"); empty for a cluster on
    /// this computer (no tunnel).
    void setTunnelHost(const QString &host);
    /// The tunnel is open: the master UI is at `url` (http://127.0.0.1:P/). `remoteUrl` is the
    /// same UI as the cluster knows it (http://10.0.0.11:8080/), so that links to it are
    /// rewritten. Tabs opened earlier load now; tabs of an earlier tunnel reload.
    void setMasterUiUrl(const QUrl &url, const QUrl &remoteUrl = QUrl());
    QUrl masterUiUrl() const { return m_routes.masterLocalBase(); }
    /// The tunnel is down: show why, with [Reconnect], in place of the pages (which stay).
    void setUnavailable(const QString &reason);
    /// Another forwarded origin the pages may load (`remoteUrl` optional: links to it rewritten).
    void addForward(const QUrl &localUrl, const QUrl &remoteUrl = QUrl());

    /// Opens a tab (or, for the master UI, switches to an existing one when `newTab` is false).
    void openMasterUi(bool newTab = false);
    void openWorkerUi(const QString &workerId);
    void openApplicationUi(const QString &appId);
    /// A page of our own forwards (e.g. Jupyter at http://127.0.0.1:P/); its origin is allowed.
    void openUrlTab(const QUrl &url, const QString &title = QString());

    /// Where "open in system browser" and clicked public links go (default:
    /// QDesktopServices::openUrl). Tests replace it.
    void setExternalUrlHandler(std::function<bool(const QUrl &)> handler);

    // For the window and the tests.
    int tabCount() const;
    int currentIndex() const;
    void setCurrentIndex(int index);
    QWebEngineView *viewAt(int index) const;
    QWebEngineView *currentView() const;
    QTabWidget *tabWidget() const { return m_tabs; }
    /// True while the "tunnel is down" page (or the "opening" page) is shown instead of tabs.
    bool isShowingUnavailablePage() const;
    /// True when tab `index` shows its "did not load"/"not opened" page instead of the web page.
    bool isShowingTabNotice(int index) const;
    QString unavailableText() const;
    QString tabNoticeText(int index) const;
    QPushButton *reconnectButton() const;
    QAction *backAction() const { return m_back; }
    QAction *forwardAction() const { return m_forward; }
    QAction *reloadAction() const { return m_reload; }
    QAction *openExternallyAction() const { return m_openExternally; }
    QLineEdit *addressField() const { return m_address; }
    /// nullptr until the first tab exists.
    QWebEngineProfile *profile() const { return m_profile; }
    const WebRoutes &routes() const { return m_routes; }

Q_SIGNALS:
    /// The user asked to reconnect the tunnel (the [Reconnect] button of the "down" page).
    void reconnectRequested();
    /// The current tab's title or address changed (for the window's title or status bar).
    void currentPageChanged(const QString &title, const QUrl &url);

private:
    Internal::BrowserTab *createTab(const QString &title);
    Internal::BrowserTab *tabAt(int index) const;
    Internal::BrowserTab *currentTab() const;
    void ensureProfile();
    void openTarget(const QString &target, const QString &title, bool newTab);
    QUrl resolve(const QString &target) const;
    void showPages();
    void showWaiting();
    void updateActions();
    void updateAddress();
    void closeTab(int index);
    void openExternally();
    void handleBlockedNavigation(Internal::BrowserTab *tab, const QUrl &url);
    void refreshWorkerRoutes();
    void handleMasterStatus(const MasterStatus &status);

    WebRoutes m_routes;
    QString m_tunnelHost;
    QString m_unavailableReason;
    bool m_down = true;
    std::function<bool(const QUrl &)> m_externalHandler;

    QToolBar *m_toolBar;
    QLineEdit *m_address;
    QStackedWidget *m_pages;
    QTabWidget *m_tabs;
    Internal::NoticePanel *m_downPanel;
    Internal::NoticePanel *m_emptyPanel;
    QAction *m_back;
    QAction *m_forward;
    QAction *m_reload;
    QAction *m_openExternally;
    QAction *m_newTab;
    QAction *m_closeTab;
    QAction *m_focusAddress;

    QWebEngineProfile *m_profile = nullptr;
    Internal::WebRequestGuard *m_guard = nullptr;
    SparkMasterClient *m_masterClient = nullptr;
    QList<QPair<QPointer<Internal::BrowserTab>, QUrl>> m_waitingForRoutes;
};

} // namespace SparkDeck
