#pragma once

#include <QUrl>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QStackedLayout;
class QWebEngineLoadingInfo;
class QWebEngineProfile;
class QWebEngineView;
QT_END_NAMESPACE

namespace SparkDeck {
class WebRoutes;
}

namespace SparkDeck::Internal {

class BrowserPage;
class NoticePanel;

/// One tab of the embedded browser: a web view, and in its place, when a page cannot be shown,
/// a NoticePanel saying why (with "Try again" / "Reconnect"). Remembers a page asked for before
/// the tunnel was open, to load it once it is.
class BrowserTab : public QWidget
{
    Q_OBJECT
public:
    BrowserTab(const WebRoutes *routes, QWebEngineProfile *profile, QWidget *parent = nullptr);
    ~BrowserTab() override;

    QWebEngineView *view() const { return m_view; }
    BrowserPage *page() const { return m_page; }
    NoticePanel *notice() const { return m_notice; }
    bool isShowingNotice() const;

    /// Loads `url` now, or remembers it (`url` empty: nothing to load until setPending()).
    void load(const QUrl &url);
    /// What to load when the tunnel opens; resolved by the pane.
    void setPending(const QString &target) { m_pending = target; }
    QString pending() const { return m_pending; }
    void clearPending() { m_pending.clear(); }

    /// The last load failed to connect (not an HTTP error page): reload it when the way is back.
    bool lastLoadFailed() const { return m_failed; }
    /// The page this tab shows or tried to show last.
    QUrl currentUrl() const;

    void showNotice(const QString &heading, const QString &text, const QString &primary,
                    const QString &secondary);
    void showView();

    /// Host name for the messages ("10.0.0.11").
    void setTunnelHost(const QString &host) { m_tunnelHost = host; }

Q_SIGNALS:
    void titleChanged(const QString &title);
    void urlChanged(const QUrl &url);
    void reconnectRequested();
    void loadFinished(bool ok);

private:
    void handleLoadingChanged(const QWebEngineLoadingInfo &info);

    QWebEngineView *m_view;
    BrowserPage *m_page;
    NoticePanel *m_notice;
    QStackedLayout *m_stack;
    QString m_pending;
    QUrl m_lastUrl;
    QString m_tunnelHost;
    bool m_failed = false;
    bool m_noticeIsFailure = false;
    bool m_refusalShown = false; ///< the notice answers a refused navigation, shown since the last load started
};

} // namespace SparkDeck::Internal
