#pragma once

#include "providers/gce/gceserviceaccount.h"
#include "providers/restclient.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

namespace SparkDeck {

/// Compute Engine's REST API (v1) over the shared RestClient, logged in as a service account:
/// an access token is fetched with a signed JWT before the first call and again before it
/// expires, and every call carries it. Lists are followed through nextPageToken.
class GceClient : public QObject
{
    Q_OBJECT
public:
    using PagesCallback = std::function<void(const Result<QList<QJsonObject>> &)>;

    GceClient(const QUrl &apiBase, const GceServiceAccount &account, QObject *parent = nullptr);

    RestClient *rest() const { return m_api; }
    QString project() const { return m_account.projectId(); }

    /// `request` with a valid token; a failed login answers as the token endpoint did.
    void send(const HttpRequest &request, QObject *context, RestClient::ResponseCallback done);
    /// GET `path` (relative to the API base, with its query) and every next page; `items` of each.
    void list(const QString &path, QObject *context, PagesCallback done);

    /// "Google Compute Engine answered 403 to ...: <the API's message>", with what to do.
    static QString describe(const HttpResponse &response);

private:
    void withToken(QObject *context, std::function<void(const HttpResponse *failure)> next);
    void fetchPage(const QString &path, const QString &pageToken,
                   const std::shared_ptr<QList<QJsonObject>> &items, QObject *context,
                   PagesCallback done);

    GceServiceAccount m_account;
    RestClient *m_api;
    RestClient *m_auth;
    Secret m_token;
    QDateTime m_tokenExpires;
};

} // namespace SparkDeck
