#pragma once

#include <QWebEngineUrlRequestInterceptor>

namespace SparkDeck {
class WebRoutes;
}

namespace SparkDeck::Internal {

/// Every request of the embedded browser's profile (pages, frames, images, scripts, XHR)
/// passes here, on the GUI thread: an address of the cluster's private network is redirected
/// through the tunnel or the master's reverse proxy, anything else that is not one of our own
/// local origins is blocked. Main-frame navigations were already decided by BrowserPage; this
/// is the guarantee underneath that nothing connects to a private address directly.
class WebRequestGuard : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    WebRequestGuard(const WebRoutes *routes, QObject *parent = nullptr);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    int blockedCount() const { return m_blocked; }

private:
    const WebRoutes *m_routes;
    int m_blocked = 0;
};

} // namespace SparkDeck::Internal
