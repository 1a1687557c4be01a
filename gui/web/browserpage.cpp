#include "browserpage.h"

#include <QTimer>

namespace SparkDeck::Internal {

BrowserPage::BrowserPage(const WebRoutes *routes, QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent), m_routes(routes)
{}

bool BrowserPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    const WebRoutes::Decision decision = m_routes->route(url);
    if (decision.kind == WebRoutes::Kind::Allowed)
        return true;
    if (!isMainFrame) {
        // Frames: the request guard redirects or blocks them; nothing to tell the user.
        return decision.kind == WebRoutes::Kind::Rewritten;
    }
    // Never start another load from inside this call.
    QTimer::singleShot(0, this, [this, decision, type] {
        switch (decision.kind) {
        case WebRoutes::Kind::Rewritten:
            Q_EMIT rewriteRequested(decision.url);
            break;
        case WebRoutes::Kind::External:
            if (type == NavigationTypeLinkClicked)
                Q_EMIT externalLinkClicked(decision.url);
            else
                Q_EMIT navigationBlocked(decision.url,
                                         tr("%1 is outside the cluster; SparkDeck opens such "
                                            "pages in your web browser only when you click a link "
                                            "to them.").arg(decision.url.toDisplayString()));
            break;
        default:
            Q_EMIT navigationBlocked(decision.url, decision.reason);
            break;
        }
    });
    return false;
}

} // namespace SparkDeck::Internal
