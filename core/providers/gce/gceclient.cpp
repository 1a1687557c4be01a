#include "gceclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::GceClient)
};

const QString Scope = QStringLiteral("https://www.googleapis.com/auth/compute");
} // namespace

GceClient::GceClient(const QUrl &apiBase, const GceServiceAccount &account, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_api(new RestClient(apiBase, this))
    , m_auth(new RestClient(QUrl(account.tokenUri()), this))
{
    m_api->setSigner([this](HttpRequest &request) {
        request.headers.append(
            qMakePair(QByteArray("Authorization"), "Bearer " + m_token.reveal().toUtf8()));
    });
}

QString GceClient::describe(const HttpResponse &response)
{
    const QJsonObject body = response.json().object();
    const QJsonValue error = body.value(QLatin1String("error"));
    const QString message
        = error.isObject()
              ? error.toObject().value(QLatin1String("message")).toString()
              : body.value(QLatin1String("error_description")).toString(error.toString());
    return RestClient::describe(response, QStringLiteral("Google Compute Engine"), message);
}

void GceClient::withToken(QObject *context, std::function<void(const HttpResponse *failure)> next)
{
    if (!m_token.isEmpty() && QDateTime::currentDateTimeUtc().secsTo(m_tokenExpires) > 60) {
        next(nullptr);
        return;
    }
    const Result<QByteArray> assertion
        = m_account.assertion(Scope, QDateTime::currentDateTimeUtc());
    HttpRequest request;
    request.method = "POST";
    request.url = QUrl(m_account.tokenUri());
    request.headers.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"),
                      QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"));
    form.addQueryItem(QStringLiteral("assertion"),
                      QString::fromLatin1(assertion.ok() ? *assertion : QByteArray()));
    request.body = form.toString(QUrl::FullyEncoded).toLatin1();
    if (!assertion) {
        HttpResponse failure;
        failure.url = request.url;
        failure.networkError = assertion.errorMessage();
        next(&failure);
        return;
    }
    m_auth->send(request, context, [this, next](const HttpResponse &response) {
        const QJsonObject token = response.json().object();
        if (!response.isSuccess()
            || token.value(QLatin1String("access_token")).toString().isEmpty()) {
            next(&response);
            return;
        }
        m_token = Secret(token.value(QLatin1String("access_token")).toString());
        m_tokenExpires = QDateTime::currentDateTimeUtc().addSecs(
            token.value(QLatin1String("expires_in")).toInt(3600));
        next(nullptr);
    });
}

void GceClient::send(const HttpRequest &request, QObject *context,
                     RestClient::ResponseCallback done)
{
    withToken(context, [this, request, context, done](const HttpResponse *failure) {
        if (failure)
            done(*failure);
        else
            m_api->send(request, context, done);
    });
}

void GceClient::list(const QString &path, QObject *context, PagesCallback done)
{
    fetchPage(path, QString(), std::make_shared<QList<QJsonObject>>(), context, std::move(done));
}

void GceClient::fetchPage(const QString &path, const QString &pageToken,
                          const std::shared_ptr<QList<QJsonObject>> &items, QObject *context,
                          PagesCallback done)
{
    QUrl url(path);
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("maxResults"), QStringLiteral("500"));
    if (!pageToken.isEmpty())
        query.addQueryItem(QStringLiteral("pageToken"), pageToken);
    url.setQuery(query);
    HttpRequest request;
    request.url = url;
    send(request, context, [=](const HttpResponse &response) {
        if (!response.isSuccess()) {
            done(Error{describe(response)});
            return;
        }
        const QJsonObject page = response.json().object();
        for (const QJsonValue &item : page.value(QLatin1String("items")).toArray())
            items->append(item.toObject());
        const QString next = page.value(QLatin1String("nextPageToken")).toString();
        if (next.isEmpty())
            done(*items);
        else
            fetchPage(path, next, items, context, done);
    });
}

} // namespace SparkDeck
