#include "openstackclient.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <utility>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::OpenStackClient)
};

const QByteArray kMicroversion = "2.52";

QString apiName(OpenStackService service)
{
    switch (service) {
    case OpenStackService::Compute:
        return QStringLiteral("OpenStack Nova");
    case OpenStackService::Network:
        return QStringLiteral("OpenStack Neutron");
    case OpenStackService::Image:
        return QStringLiteral("OpenStack Glance");
    }
    return QStringLiteral("OpenStack");
}

QString catalogType(OpenStackService service)
{
    switch (service) {
    case OpenStackService::Compute:
        return QStringLiteral("compute");
    case OpenStackService::Network:
        return QStringLiteral("network");
    case OpenStackService::Image:
        return QStringLiteral("image");
    }
    return QString();
}

/// The API's own words: `{"itemNotFound": {"message": ...}}` (Nova), `{"NeutronError":
/// {"message": ...}}`, `{"error": {"message": ...}}` (Keystone), or Glance's plain text.
QString apiMessage(const HttpResponse &response)
{
    const QJsonObject body = response.json().object();
    QString message
        = body.isEmpty() ? QString::fromUtf8(response.body.left(200)).simplified() : QString();
    for (auto it = body.begin(); it != body.end() && message.isEmpty(); ++it)
        message = it.value().toObject().value(QLatin1String("message")).toString();
    while (message.endsWith(QLatin1Char('.'))) // the description goes on after it
        message.chop(1);
    return message;
}

/// A catalog URL with the version path the service's API lives under.
QUrl versioned(QUrl url, const QString &version)
{
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    if (!version.isEmpty() && !path.endsWith(QLatin1Char('/') + version + QLatin1Char('/')))
        path += version + QLatin1Char('/');
    url.setPath(path);
    return url;
}
} // namespace

OpenStackClient::OpenStackClient(const QUrl &authUrl, const ProviderCredentials &credentials,
                                 const QString &region, QObject *parent)
    : QObject(parent)
    , m_tokenUrl(KeystoneToken::tokenUrl(authUrl))
    , m_credentials(credentials)
    , m_region(region)
    , m_rest(new RestClient(m_tokenUrl, this))
{
    m_rest->setSigner([this](HttpRequest &request) {
        if (request.url != m_tokenUrl)
            request.headers << qMakePair(QByteArray("X-Auth-Token"), m_token.reveal().toUtf8());
    });
    m_rest->setThrottleDetector([](const HttpResponse &response) {
        return response.status == 413 && !response.header("retry-after").isEmpty();
    });
}

QString OpenStackClient::describe(const HttpResponse &response, OpenStackService service)
{
    if (response.status == 0 && response.url.isEmpty())
        return response.networkError; // never sent: why is all there is to say
    return RestClient::describe(response, apiName(service), apiMessage(response));
}

QString OpenStackClient::describeSignIn(const HttpResponse &response)
{
    return RestClient::describe(response, QStringLiteral("OpenStack Keystone"),
                                apiMessage(response));
}

void OpenStackClient::signIn(QObject *context, TokenCallback done)
{
    if (m_catalog && !m_token.isEmpty()
        && QDateTime::currentDateTimeUtc().secsTo(m_catalog->expires()) > 60) {
        QMetaObject::invokeMethod(
            context, [catalog = *m_catalog, done] { done(catalog); }, Qt::QueuedConnection);
        return;
    }
    m_waiting.append({QPointer<QObject>(context), std::move(done)});
    if (m_waiting.size() > 1)
        return; // signing in already: one token for all
    const Result<QJsonDocument> body = KeystoneToken::requestBody(m_credentials);
    if (!body) {
        QMetaObject::invokeMethod(
            this, [this, message = body.errorMessage()] { signedIn(Error{message}); },
            Qt::QueuedConnection);
        return;
    }
    m_rest->send(
        HttpRequest::json("POST", m_tokenUrl, *body), this, [this](const HttpResponse &response) {
            const QByteArray token = response.header("x-subject-token");
            if (!response.isSuccess() || token.isEmpty())
                return signedIn(Error{describeSignIn(response)});
            const Result<KeystoneToken> catalog = KeystoneToken::fromResponse(response.json());
            if (!catalog)
                return signedIn(catalog);
            if (m_region.isEmpty())
                m_region = catalog->regions(QStringLiteral("compute")).value(0);
            if (catalog->endpoint(QStringLiteral("compute"), m_region).isEmpty()) {
                return signedIn(Error{Tr::tr("OpenStack has no public compute endpoint in region "
                                             "'%1' (regions with one: %2). "
                                             "Set machines.region or OS_REGION_NAME.")
                                          .arg(m_region, catalog->regions(QStringLiteral("compute"))
                                                             .join(QStringLiteral(", ")))});
            }
            m_token = Secret(QString::fromLatin1(token));
            m_catalog = *catalog;
            signedIn(catalog);
        });
}

void OpenStackClient::signedIn(const Result<KeystoneToken> &result)
{
    const QList<Waiting> waiting = std::exchange(m_waiting, {});
    for (const Waiting &waiter : waiting) {
        if (waiter.context)
            waiter.done(result);
    }
}

QUrl OpenStackClient::endpoint(OpenStackService service) const
{
    const QUrl url = m_catalog ? m_catalog->endpoint(catalogType(service), m_region) : QUrl();
    if (url.isEmpty())
        return url;
    switch (service) {
    case OpenStackService::Compute:
        return versioned(url, QString()); // the catalog names the version (and often the project)
    case OpenStackService::Network:
        return versioned(url, QStringLiteral("v2.0"));
    case OpenStackService::Image:
        return versioned(url, QStringLiteral("v2"));
    }
    return url;
}

void OpenStackClient::send(OpenStackService service, const HttpRequest &request, QObject *context,
                           RestClient::ResponseCallback done)
{
    sendSignedIn(service, request, context, std::move(done), false);
}

void OpenStackClient::sendSignedIn(OpenStackService service, const HttpRequest &request,
                                   QObject *context, RestClient::ResponseCallback done,
                                   bool secondToken)
{
    signIn(context, [=](const Result<KeystoneToken> &signedIn) {
        HttpResponse failure;
        if (!signedIn) {
            failure.networkError = signedIn.errorMessage();
            return done(failure);
        }
        const QUrl base = endpoint(service);
        if (base.isEmpty()) {
            failure.networkError = Tr::tr("OpenStack's catalog has no public %1 endpoint in region "
                                          "%2.")
                                       .arg(catalogType(service), m_region);
            return done(failure);
        }
        HttpRequest call = request;
        call.url = base.resolved(request.url);
        if (service == OpenStackService::Compute) {
            call.headers << qMakePair(QByteArray("X-OpenStack-Nova-API-Version"), kMicroversion)
                         << qMakePair(QByteArray("OpenStack-API-Version"),
                                      "compute " + kMicroversion);
        }
        m_rest->send(call, context, [=](const HttpResponse &response) {
            if (response.status != 401 || secondToken)
                return done(response);
            // The token was revoked or expired early: one new token, one more try.
            m_token = Secret();
            m_catalog.reset();
            sendSignedIn(service, request, context, done, true);
        });
    });
}

void OpenStackClient::list(OpenStackService service, const QString &path, const QString &key,
                           QObject *context, ListCallback done)
{
    fetchPage(service, QUrl(path), key, 1, std::make_shared<QList<QJsonObject>>(), context,
              std::move(done));
}

void OpenStackClient::fetchPage(OpenStackService service, const QUrl &url, const QString &key,
                                int pageNumber, const std::shared_ptr<QList<QJsonObject>> &items,
                                QObject *context, ListCallback done)
{
    HttpRequest request;
    request.url = url;
    send(service, request, context, [=](const HttpResponse &response) {
        if (!response.isSuccess())
            return done(Error{describe(response, service)});
        const QJsonObject page = response.json().object();
        for (const QJsonValue &item : page.value(key).toArray())
            items->append(item.toObject());
        QString next;
        for (const QJsonValue &link : page.value(key + QStringLiteral("_links")).toArray()) {
            if (link.toObject().value(QLatin1String("rel")).toString() == QLatin1String("next"))
                next = link.toObject().value(QLatin1String("href")).toString();
        }
        QUrl nextUrl(next);
        if (service == OpenStackService::Image && page.contains(QLatin1String("next"))) {
            // Glance: "/v2/images?marker=...", under the endpoint's own path.
            const QUrl base = endpoint(service);
            nextUrl = base.resolved(QUrl(
                page.value(QLatin1String("next")).toString().section(QStringLiteral("/v2/"), 1)));
        }
        if (nextUrl.isEmpty() || pageNumber >= kMaxPages)
            return done(*items);
        fetchPage(service, nextUrl, key, pageNumber + 1, items, context, done);
    });
}

} // namespace SparkDeck
