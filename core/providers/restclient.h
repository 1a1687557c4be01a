#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace SparkDeck {

/// One HTTP call to a provider's API.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url; ///< absolute, or relative to the client's base URL ("droplets?page=2")
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    /// Safe to send again when no answer came or the server failed (GET, DELETE, a create with
    /// an idempotency key). A non-idempotent call is sent once: when its answer is lost the
    /// resource may exist, and only the journal's intent and the tag sweep can find it.
    bool idempotent = true;
    /// Eventual consistency: a 404 right after a create is asked again this many times.
    int notFoundRetries = 0;

    /// A request with a JSON body and `Content-Type: application/json`.
    static HttpRequest json(const QByteArray &method, const QUrl &url, const QJsonDocument &body);
};

/// An HTTP answer, or why none came (status 0).
struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError; ///< set when status is 0
    QUrl url;             ///< the URL that was asked, for messages

    bool isSuccess() const { return status >= 200 && status < 300; }
    /// Case-insensitive; empty when absent.
    QByteArray header(const QByteArray &name) const;
    QJsonDocument json() const;
};

/// The HTTP layer shared by the REST providers (DigitalOcean, EC2, GCE, OpenStack): one
/// QNetworkAccessManager, a base URL, a signer for credentials, and the rules every cloud API
/// needs: 429 and the provider's own throttling answers wait as `Retry-After` says (or back off
/// exponentially) and try again; 5xx and lost answers are retried for idempotent calls only;
/// a 404 is asked again for calls that allow it (a machine "not found" right after creation);
/// paged lists are followed to the end.
///
/// Asynchronous: the callback runs once, later, unless `context` was destroyed first (then the
/// call is aborted). Credentials reach only the wire: the signer adds them to each attempt, and
/// nothing here logs a header.
class RestClient : public QObject
{
    Q_OBJECT
public:
    struct RetryPolicy
    {
        int attempts = 6;           ///< tries in all for a retryable answer
        int firstDelayMs = 1000;    ///< doubles each time
        int maxDelayMs = 60000;     ///< caps the backoff and a Retry-After
        int notFoundDelayMs = 2000; ///< between the asks of a 404 that may be eventual consistency
        int transferTimeoutMs = 60000;
    };
    using ResponseCallback = std::function<void(const HttpResponse &)>;
    using PagesCallback = std::function<void(const Result<QList<HttpResponse>> &)>;
    /// The next page's URL from a page, or nullopt on the last one.
    using NextPage = std::function<std::optional<QUrl>(const HttpResponse &)>;

    explicit RestClient(const QUrl &baseUrl, QObject *parent = nullptr);
    ~RestClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &retryPolicy() const { return m_policy; }
    /// Called on every attempt just before it is sent (a fresh SigV4 date each time).
    void setSigner(std::function<void(HttpRequest &)> signer) { m_signer = std::move(signer); }
    /// Says whether an answer other than 429 means "slow down" (EC2 RequestLimitExceeded).
    void setThrottleDetector(std::function<bool(const HttpResponse &)> detector)
    {
        m_throttled = std::move(detector);
    }

    void send(const HttpRequest &request, QObject *context, ResponseCallback done);
    /// GETs `first` and every page `next` names; fails at the first page that is not a success.
    void getPages(const HttpRequest &first, const NextPage &next, QObject *context,
                  PagesCallback done);

    /// "DigitalOcean answered 422 to POST /v2/droplets: <the API's message>", for errors.
    static QString describe(const HttpResponse &response, const QString &apiName,
                            const QString &apiMessage = QString());
    /// The URL a request goes to: `url` resolved against the base URL.
    QUrl resolve(const QUrl &url) const;

private:
    friend class RestCall;
    static constexpr int kMaxPages = 1000; ///< a server that always names a next page ends here
    void fetchPage(const HttpRequest &request, const NextPage &next, QObject *context,
                   const std::shared_ptr<QList<HttpResponse>> &pages, PagesCallback done);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    RetryPolicy m_policy;
    std::function<void(HttpRequest &)> m_signer;
    std::function<bool(const HttpResponse &)> m_throttled;
};

} // namespace SparkDeck
