#include "webrequestguard.h"

#include "monitor/webroutes.h"

#include <QLoggingCategory>

namespace SparkDeck::Internal {

namespace {
Q_LOGGING_CATEGORY(lcGuard, "sparkdeck.web", QtWarningMsg)
}

WebRequestGuard::WebRequestGuard(const WebRoutes *routes, QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent), m_routes(routes)
{}

void WebRequestGuard::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const WebRoutes::Decision decision = m_routes->route(info.requestUrl());
    switch (decision.kind) {
    case WebRoutes::Kind::Allowed:
        return;
    case WebRoutes::Kind::Rewritten:
        qCDebug(lcGuard) << "redirect" << info.requestUrl() << "->" << decision.url;
        info.redirect(decision.url);
        return;
    case WebRoutes::Kind::External:
    case WebRoutes::Kind::Blocked:
        ++m_blocked;
        qCInfo(lcGuard) << "blocked" << info.requestUrl() << decision.reason;
        info.block(true);
        return;
    }
}

} // namespace SparkDeck::Internal
