#pragma once

#include "monitor/webroutes.h"

#include <QWebEnginePage>

namespace SparkDeck::Internal {

/// A page of the embedded browser: decides every main-frame navigation with WebRoutes before it
/// starts. A private address the tunnel or the master's proxy reaches is loaded that way
/// instead; a public address the user clicked goes to the system browser; anything else is
/// refused, and the pane says why (no Chromium error page).
class BrowserPage : public QWebEnginePage
{
    Q_OBJECT
public:
    BrowserPage(const WebRoutes *routes, QWebEngineProfile *profile, QObject *parent = nullptr);

Q_SIGNALS:
    /// Load `url` instead of what was asked (emitted from the event loop, after the refusal).
    void rewriteRequested(const QUrl &url);
    /// The user clicked a link to a public web address.
    void externalLinkClicked(const QUrl &url);
    /// A navigation was refused; `reason` is for the user.
    void navigationBlocked(const QUrl &url, const QString &reason);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;

private:
    const WebRoutes *m_routes;
};

} // namespace SparkDeck::Internal
