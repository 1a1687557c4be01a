#include "browsertab.h"

#include "browserpage.h"
#include "noticepanel.h"

#include <QStackedLayout>
#include <QWebEngineLoadingInfo>
#include <QWebEngineView>

namespace SparkDeck::Internal {

namespace {
// Chromium's net error codes that are not failures the user needs to hear about here.
constexpr int kErrAborted = -3;          // a navigation we refused, or a newer one replaced it
constexpr int kErrBlockedByClient = -20; // the request guard blocked it
} // namespace

BrowserTab::BrowserTab(const WebRoutes *routes, QWebEngineProfile *profile, QWidget *parent)
    : QWidget(parent)
    , m_view(new QWebEngineView(this))
    , m_page(new BrowserPage(routes, profile, m_view))
    , m_notice(new NoticePanel(this))
    , m_stack(new QStackedLayout(this))
{
    m_view->setPage(m_page);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_notice);
    setFocusProxy(m_view);

    connect(m_page, &QWebEnginePage::loadingChanged, this, &BrowserTab::handleLoadingChanged);
    connect(m_page, &QWebEnginePage::loadFinished, this, &BrowserTab::loadFinished);
    connect(m_view, &QWebEngineView::titleChanged, this, &BrowserTab::titleChanged);
    connect(m_view, &QWebEngineView::urlChanged, this, [this](const QUrl &url) {
        if (!url.isEmpty())
            m_lastUrl = url;
        Q_EMIT urlChanged(url);
    });
    connect(m_page, &BrowserPage::rewriteRequested, this, &BrowserTab::load);
    connect(m_page, &BrowserPage::navigationBlocked, this, [this](const QUrl &, const QString &reason) {
        m_noticeIsFailure = false;
        m_refusalShown = true;
        showNotice(tr("SparkDeck did not open this page"), reason, tr("Back to the Page"), QString());
    });
    connect(m_notice, &NoticePanel::primaryClicked, this, [this] {
        if (!m_noticeIsFailure) {
            m_refusalShown = false;
            showView();
            return;
        }
        const QUrl url = currentUrl();
        if (!url.isEmpty())
            m_view->load(url);
    });
    connect(m_notice, &NoticePanel::secondaryClicked, this, &BrowserTab::reconnectRequested);
}

BrowserTab::~BrowserTab() = default;

bool BrowserTab::isShowingNotice() const
{
    return m_stack->currentWidget() == m_notice;
}

void BrowserTab::load(const QUrl &url)
{
    m_pending.clear();
    if (url.isEmpty())
        return;
    m_lastUrl = url;
    m_view->load(url);
}

QUrl BrowserTab::currentUrl() const
{
    const QUrl url = m_view->url();
    return url.isEmpty() || url.scheme() == QLatin1String("about") ? m_lastUrl : url;
}

void BrowserTab::showNotice(const QString &heading, const QString &text, const QString &primary,
                            const QString &secondary)
{
    m_notice->setNotice(heading, text, primary, secondary);
    m_stack->setCurrentWidget(m_notice);
}

void BrowserTab::showView()
{
    m_stack->setCurrentWidget(m_view);
}

void BrowserTab::handleLoadingChanged(const QWebEngineLoadingInfo &info)
{
    switch (info.status()) {
    case QWebEngineLoadingInfo::LoadStartedStatus:
        m_failed = false;
        m_refusalShown = false;
        if (!info.url().isEmpty())
            m_lastUrl = info.url();
        break;
    case QWebEngineLoadingInfo::LoadSucceededStatus:
        m_failed = false;
        // A page that finishes loading after a link on it was refused leaves the refusal shown:
        // it answers the person's last click.
        if (!m_refusalShown)
            showView();
        break;
    case QWebEngineLoadingInfo::LoadFailedStatus:
        if (info.errorDomain() == QWebEngineLoadingInfo::HttpStatusCodeDomain) {
            if (!m_refusalShown)
                showView(); // the server's own error page (Spark's 403 for an unknown id, say)
            break;
        }
        if (info.errorCode() == kErrAborted)
            break;
        if (info.errorCode() == kErrBlockedByClient) {
            m_noticeIsFailure = false;
            m_refusalShown = true;
            showNotice(tr("SparkDeck did not open this page"),
                       tr("%1 is not a page of this cluster that SparkDeck can reach through "
                          "its tunnel.").arg(info.url().toDisplayString()),
                       tr("Back to the Page"), QString());
            break;
        }
        m_failed = true;
        m_noticeIsFailure = true;
        {
            const QString what = tr("SparkDeck could not load %1 (%2).")
                                     .arg(info.url().toDisplayString(), info.errorString());
            const QString why
                = m_tunnelHost.isEmpty()
                      ? tr("The Spark master's web UI on this computer did not answer. If the "
                           "cluster is stopped, start it, then try again.")
                      : tr("This page is reached through an SSH tunnel to %1, which is open: the "
                           "program serving it may not be running. For the Spark pages, start the "
                           "cluster, then try again; or reconnect the tunnel.")
                            .arg(m_tunnelHost);
            showNotice(tr("This page did not load"), what + QStringLiteral("\n\n") + why,
                       tr("Try Again"), m_tunnelHost.isEmpty() ? QString() : tr("Reconnect"));
        }
        break;
    case QWebEngineLoadingInfo::LoadStoppedStatus:
        break;
    }
}

} // namespace SparkDeck::Internal
