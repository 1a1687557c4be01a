#include "restclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::RestClient)
};

/// Retry-After as seconds or as an HTTP date; nullopt when absent or unreadable.
std::optional<qint64> retryAfterMs(const HttpResponse &response)
{
    const QByteArray value = response.header("retry-after").trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = value.toLongLong(&isNumber);
    if (isNumber)
        return qMax<qint64>(0, seconds) * 1000;
    const QDateTime date = QLocale::c().toDateTime(
        QString::fromLatin1(value).replace(QLatin1String(" GMT"), QString()),
        QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!date.isValid())
        return std::nullopt;
    QDateTime utc = date;
    utc.setTimeSpec(Qt::UTC);
    return qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(utc));
}
} // namespace

HttpRequest HttpRequest::json(const QByteArray &method, const QUrl &url, const QJsonDocument &body)
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.body = body.toJson(QJsonDocument::Compact);
    request.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
    return request;
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

QJsonDocument HttpResponse::json() const
{
    return QJsonDocument::fromJson(body);
}

/// One request through its attempts: sends, classifies the answer, waits and sends again, and
/// calls back once. Dies with its context.
class RestCall : public QObject
{
public:
    RestCall(RestClient *client, const HttpRequest &request, QObject *context,
             RestClient::ResponseCallback done)
        : QObject(client)
        , m_client(client)
        , m_request(request)
        , m_context(context)
        , m_done(std::move(done))
    {
        m_request.url = client->resolve(request.url);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &RestCall::attempt);
        connect(context, &QObject::destroyed, this, [this] { abandon(); });
    }

    void attempt()
    {
        ++m_attempts;
        HttpRequest signedRequest = m_request;
        if (m_client->m_signer)
            m_client->m_signer(signedRequest);
        QNetworkRequest request(signedRequest.url);
        for (const auto &[name, value] : std::as_const(signedRequest.headers))
            request.setRawHeader(name, value);
        request.setTransferTimeout(m_client->m_policy.transferTimeoutMs);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        m_reply = m_client->m_network->sendCustomRequest(request, signedRequest.method,
                                                         signedRequest.body);
        connect(m_reply, &QNetworkReply::finished, this, [this] { handleReply(); });
    }

private:
    void handleReply()
    {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        HttpResponse response;
        response.url = m_request.url;
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        response.headers = reply->rawHeaderPairs();
        if (response.status == 0)
            response.networkError = reply->errorString();

        const RestClient::RetryPolicy &policy = m_client->m_policy;
        const bool throttled
            = response.status == 429 || (m_client->m_throttled && m_client->m_throttled(response));
        const bool serverFailed = response.status == 0 || response.status >= 500;
        if (m_attempts < policy.attempts && (throttled || (serverFailed && m_request.idempotent))) {
            const qint64 backoff = qint64(policy.firstDelayMs) << qMin(m_attempts - 1, 20);
            const qint64 wait = throttled ? retryAfterMs(response).value_or(backoff) : backoff;
            m_timer.start(int(qMin<qint64>(wait, policy.maxDelayMs)));
            return;
        }
        if (response.status == 404 && m_notFoundAsks < m_request.notFoundRetries) {
            ++m_notFoundAsks;
            m_timer.start(policy.notFoundDelayMs);
            return;
        }
        auto done = std::move(m_done);
        deleteLater();
        done(response);
    }

    void abandon()
    {
        m_timer.stop();
        if (m_reply) {
            m_reply->disconnect(this);
            m_reply->abort();
            m_reply->deleteLater();
            m_reply = nullptr;
        }
        deleteLater();
    }

    RestClient *m_client;
    HttpRequest m_request;
    QPointer<QObject> m_context;
    RestClient::ResponseCallback m_done;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    int m_attempts = 0;
    int m_notFoundAsks = 0;
};

RestClient::RestClient(const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_baseUrl(baseUrl)
{
    // Relative URLs resolve under the base's last path segment only with a trailing slash.
    if (!m_baseUrl.path().endsWith(QLatin1Char('/')))
        m_baseUrl.setPath(m_baseUrl.path() + QLatin1Char('/'));
}

RestClient::~RestClient() = default;

QUrl RestClient::resolve(const QUrl &url) const
{
    return url.isRelative() ? m_baseUrl.resolved(url) : url;
}

void RestClient::send(const HttpRequest &request, QObject *context, ResponseCallback done)
{
    auto *call = new RestCall(this, request, context, std::move(done));
    // Never call back inside send(): the first attempt starts from the event loop.
    QTimer::singleShot(0, call, [call] { call->attempt(); });
}

void RestClient::getPages(const HttpRequest &first, const NextPage &next, QObject *context,
                          PagesCallback done)
{
    fetchPage(first, next, context, std::make_shared<QList<HttpResponse>>(), std::move(done));
}

void RestClient::fetchPage(const HttpRequest &request, const NextPage &next, QObject *context,
                           const std::shared_ptr<QList<HttpResponse>> &pages, PagesCallback done)
{
    send(request, context, [=](const HttpResponse &response) {
        if (!response.isSuccess()) {
            done(Error{describe(response, m_baseUrl.host())});
            return;
        }
        *pages << response;
        const std::optional<QUrl> url = next(response);
        if (!url || url->isEmpty() || pages->size() >= kMaxPages) {
            done(*pages);
            return;
        }
        HttpRequest nextRequest = request;
        nextRequest.url = *url;
        fetchPage(nextRequest, next, context, pages, done);
    });
}

QString RestClient::describe(const HttpResponse &response, const QString &apiName,
                             const QString &apiMessage)
{
    const QString where = response.url.path();
    if (response.status == 0) {
        return Tr::tr("%1 did not answer at %2 (%3). Check the network connection and try again.")
            .arg(apiName, response.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery),
                 response.networkError);
    }
    QString message = Tr::tr("%1 answered %2 to %3").arg(apiName).arg(response.status).arg(where);
    if (!apiMessage.isEmpty())
        message += QStringLiteral(": ") + apiMessage;
    if (response.status == 401 || response.status == 403)
        message
            += Tr::tr(". Check the credentials (they may be wrong, expired or lack a permission).");
    else if (response.status == 429)
        message += Tr::tr(". The rate limit stayed exceeded; wait a few minutes and run again.");
    return message;
}

} // namespace SparkDeck
