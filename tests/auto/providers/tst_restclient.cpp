// The REST layer every cloud provider shares: slows down when told to, retries only what is
// safe to send twice, waits out a "not found" right after a create, and follows pages.
#include "providers/restclient.h"

#include "httptestserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using namespace SparkDeck;
using namespace SparkDeck::Test;

namespace {
RestClient::RetryPolicy quickPolicy()
{
    RestClient::RetryPolicy policy;
    policy.attempts = 4;
    policy.firstDelayMs = 1;
    policy.maxDelayMs = 20; // caps Retry-After too: the test does not wait a real minute
    policy.notFoundDelayMs = 1;
    return policy;
}

/// Answers with `answers` in turn, then 200 {"ok":true} for ever.
HttpTestServer::Handler inTurn(QList<HttpTestResponse> answers)
{
    auto queue = std::make_shared<QList<HttpTestResponse>>(std::move(answers));
    return [queue](const HttpTestRequest &) {
        if (!queue->isEmpty())
            return queue->takeFirst();
        return HttpTestResponse::json(200, QJsonDocument(QJsonObject{{"ok", true}}));
    };
}

HttpTestResponse withHeader(HttpTestResponse response, const QByteArray &name,
                            const QByteArray &value)
{
    response.headers << qMakePair(name, value);
    return response;
}

/// Sends `request` and waits for the answer.
HttpResponse sendAndWait(RestClient &client, const HttpRequest &request)
{
    QObject context;
    std::optional<HttpResponse> answer;
    client.send(request, &context, [&answer](const HttpResponse &response) { answer = response; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 20000))
        return HttpResponse{};
    return *answer;
}

HttpRequest post(const QString &path, bool idempotent)
{
    HttpRequest request
        = HttpRequest::json("POST", QUrl(path), QJsonDocument(QJsonObject{{"name", "demo-1"}}));
    request.idempotent = idempotent;
    return request;
}
} // namespace

class tst_RestClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void slowsDownWhenThrottled_data();
    void slowsDownWhenThrottled();
    void givesUpAfterTheLastAttempt();
    void retriesAServerFailureOnlyWhenSafe_data();
    void retriesAServerFailureOnlyWhenSafe();
    void aLostAnswerToACreateIsNotSentAgain();
    void asksAgainAfterNotFoundWhenAllowed();
    void theSignerSignsEveryAttempt();
    void aProviderThrottleAnswerIsRetriedToo();
    void followsPagesToTheLast();
    void aFailedPageFailsTheList();
    void noCallbackAfterTheContextIsGone();
    void describesAnErrorWithWhatToDo();

private:
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<RestClient> m_client;
};

void tst_RestClient::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_client = std::make_unique<RestClient>(m_server->url(QStringLiteral("/v2")));
    m_client->setRetryPolicy(quickPolicy());
}

void tst_RestClient::slowsDownWhenThrottled_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::newRow("seconds") << QByteArray("1");
    QTest::newRow("an HTTP date in the past") << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT");
    QTest::newRow("none: backoff") << QByteArray();
    QTest::newRow("garbage: backoff") << QByteArray("soon");
}

void tst_RestClient::slowsDownWhenThrottled()
{
    QFETCH(QByteArray, retryAfter);
    HttpTestResponse tooMany = HttpTestResponse::json(
        429, QJsonDocument(QJsonObject{{"id", "too_many_requests"},
                                       {"message", "API rate limit exceeded."}}));
    if (!retryAfter.isEmpty())
        tooMany = withHeader(tooMany, "Retry-After", retryAfter);
    m_server->setHandler(inTurn({tooMany, tooMany}));
    // Even a create without idempotency key: a 429 means it was not done.
    const HttpResponse response = sendAndWait(*m_client, post(QStringLiteral("droplets"), false));
    QCOMPARE(response.status, 200);
    QCOMPARE(m_server->requests("POST", "/v2/droplets").size(), 3);
}

void tst_RestClient::givesUpAfterTheLastAttempt()
{
    const HttpTestResponse tooMany
        = HttpTestResponse::json(429, QJsonDocument(QJsonObject{{"id", "too_many_requests"}}));
    m_server->setHandler(inTurn({tooMany, tooMany, tooMany, tooMany, tooMany}));
    const HttpResponse response = sendAndWait(*m_client, HttpRequest{});
    QCOMPARE(response.status, 429);
    QCOMPARE(m_server->requests().size(), quickPolicy().attempts);
}

void tst_RestClient::retriesAServerFailureOnlyWhenSafe_data()
{
    QTest::addColumn<bool>("idempotent");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("requests");
    QTest::newRow("idempotent: retried") << true << 200 << 2;
    QTest::newRow("not idempotent: once") << false << 503 << 1;
}

void tst_RestClient::retriesAServerFailureOnlyWhenSafe()
{
    QFETCH(bool, idempotent);
    QFETCH(int, status);
    QFETCH(int, requests);
    m_server->setHandler(inTurn({HttpTestResponse::empty(503)}));
    const HttpResponse response
        = sendAndWait(*m_client, post(QStringLiteral("droplets"), idempotent));
    QCOMPARE(response.status, status);
    QCOMPARE(m_server->requests().size(), requests);
}

void tst_RestClient::aLostAnswerToACreateIsNotSentAgain()
{
    // The create reached the API, whose answer never comes back.
    HttpTestResponse lost;
    lost.hold = true;
    m_server->setHandler(inTurn({lost}));
    RestClient::RetryPolicy policy = quickPolicy();
    policy.transferTimeoutMs = 200;
    m_client->setRetryPolicy(policy);
    const HttpResponse response = sendAndWait(*m_client, post(QStringLiteral("droplets"), false));
    QCOMPARE(response.status, 0);
    QVERIFY(!response.networkError.isEmpty());
    QCOMPARE(m_server->requests().size(), 1);
}

void tst_RestClient::asksAgainAfterNotFoundWhenAllowed()
{
    const HttpTestResponse notFound
        = HttpTestResponse::json(404, QJsonDocument(QJsonObject{{"id", "not_found"}}));
    m_server->setHandler(inTurn({notFound, notFound}));
    HttpRequest request;
    request.url = QUrl(QStringLiteral("droplets/3164444"));
    request.notFoundRetries = 3;
    QCOMPARE(sendAndWait(*m_client, request).status, 200);
    QCOMPARE(m_server->requests().size(), 3);

    m_server->setHandler(inTurn({notFound}));
    request.notFoundRetries = 0;
    QCOMPARE(sendAndWait(*m_client, request).status, 404);
}

void tst_RestClient::theSignerSignsEveryAttempt()
{
    int signatures = 0;
    m_client->setSigner([&signatures](HttpRequest &request) {
        request.headers << qMakePair(QByteArray("Authorization"),
                                     "Bearer attempt-" + QByteArray::number(++signatures));
    });
    m_server->setHandler(inTurn({HttpTestResponse::empty(429)}));
    QCOMPARE(sendAndWait(*m_client, HttpRequest{}).status, 200);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(0).headers.value("authorization"),
             QByteArray("Bearer attempt-1"));
    QCOMPARE(m_server->requests().at(1).headers.value("authorization"),
             QByteArray("Bearer attempt-2"));
}

void tst_RestClient::aProviderThrottleAnswerIsRetriedToo()
{
    m_client->setThrottleDetector([](const HttpResponse &response) {
        return response.body.contains("<Code>RequestLimitExceeded</Code>");
    });
    HttpTestResponse limited{
        503,
        "<Response><Errors><Error><Code>RequestLimitExceeded</Code></Error></Errors></Response>",
        {},
        false,
        false};
    m_server->setHandler(inTurn({limited}));
    QCOMPARE(sendAndWait(*m_client, post(QStringLiteral("?Action=RunInstances"), false)).status,
             200);
    QCOMPARE(m_server->requests().size(), 2);
}

void tst_RestClient::followsPagesToTheLast()
{
    m_server->setHandler([this](const HttpTestRequest &request) {
        const int page = request.query.queryItemValue(QStringLiteral("page")).toInt();
        QJsonObject body{{"droplets", QJsonArray{QJsonObject{{"id", page}}}}};
        if (page < 3) {
            const QString next
                = m_server->url(QStringLiteral("/v2/droplets?page=%1&per_page=1").arg(page + 1))
                      .toString();
            body.insert("links", QJsonObject{{"pages", QJsonObject{{"next", next}}}});
        }
        return HttpTestResponse::json(200, QJsonDocument(body));
    });
    HttpRequest first;
    first.url = QUrl(QStringLiteral("droplets?page=1&per_page=1"));
    std::optional<Result<QList<HttpResponse>>> pages;
    QObject context;
    m_client->getPages(
        first,
        [](const HttpResponse &response) -> std::optional<QUrl> {
            const QString next = response.json()["links"]["pages"]["next"].toString();
            return next.isEmpty() ? std::nullopt : std::optional<QUrl>(QUrl(next));
        },
        &context, [&pages](const Result<QList<HttpResponse>> &result) { pages = result; });
    QTRY_VERIFY(pages.has_value());
    QVERIFY(pages->ok());
    QCOMPARE(pages->value().size(), 3);
    QCOMPARE(pages->value().at(2).json()["droplets"][0]["id"].toInt(), 3);
}

void tst_RestClient::aFailedPageFailsTheList()
{
    m_server->setHandler([this](const HttpTestRequest &request) {
        if (request.query.hasQueryItem(QStringLiteral("page")))
            return HttpTestResponse::json(403, QJsonDocument(QJsonObject{{"id", "forbidden"}}));
        const QString next = m_server->url(QStringLiteral("/v2/droplets?page=2")).toString();
        return HttpTestResponse::json(
            200, QJsonDocument(
                     QJsonObject{{"links", QJsonObject{{"pages", QJsonObject{{"next", next}}}}}}));
    });
    std::optional<Result<QList<HttpResponse>>> pages;
    QObject context;
    HttpRequest first;
    first.url = QUrl(QStringLiteral("droplets"));
    m_client->getPages(
        first,
        [](const HttpResponse &response) {
            return std::optional<QUrl>(QUrl(response.json()["links"]["pages"]["next"].toString()));
        },
        &context, [&pages](const Result<QList<HttpResponse>> &result) { pages = result; });
    QTRY_VERIFY(pages.has_value());
    QVERIFY(!pages->ok());
    QVERIFY2(pages->errorMessage().contains(QLatin1String("403")),
             qPrintable(pages->errorMessage()));
}

void tst_RestClient::noCallbackAfterTheContextIsGone()
{
    HttpTestResponse never;
    never.hold = true;
    m_server->setHandler(inTurn({never}));
    bool called = false;
    auto context = std::make_unique<QObject>();
    m_client->send(HttpRequest{}, context.get(),
                   [&called](const HttpResponse &) { called = true; });
    QTRY_COMPARE(m_server->requests().size(), 1);
    context.reset();
    m_server->dropHeld();
    QTest::qWait(50); // let any stray reply arrive: none may reach the callback
    QVERIFY(!called);
}

void tst_RestClient::describesAnErrorWithWhatToDo()
{
    HttpResponse response;
    response.status = 401;
    response.url = QUrl(QStringLiteral("https://api.digitalocean.com/v2/droplets"));
    const QString message = RestClient::describe(response, QStringLiteral("DigitalOcean"),
                                                 QStringLiteral("Unable to authenticate you"));
    QCOMPARE(
        message,
        QStringLiteral("DigitalOcean answered 401 to /v2/droplets: Unable to authenticate you. "
                       "Check the credentials (they may be wrong, expired or lack a permission)."));
}

QTEST_GUILESS_MAIN(tst_RestClient)
#include "tst_restclient.moc"
