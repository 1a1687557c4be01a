#pragma once

#include "httptestserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QUrlQuery>

namespace SparkDeck::Test {

/// A local stand-in for Compute Engine's REST API v1 and Google's OAuth token endpoint on an
/// HttpTestServer. The token endpoint checks the service account's JWT as Google does: RS256,
/// issuer, audience, scope, lifetime, and the signature against the account's public key with
/// the `openssl` program; every API call must carry a token it issued. It keeps instances and
/// firewalls, honours requestId (a repeated create makes nothing new), and misbehaves on
/// request: throttling (429), a quota, answers that never come, instances not found or still
/// provisioning for a while. Static listings come from tests/data/providers/gce.
class FakeGce
{
public:
    int throttle = 0;         ///< the next n API calls answer 429
    int quota = 1000;         ///< instances that may exist
    bool holdInserts = false; ///< create, then never answer
    int dropInserts = 0;      ///< the next n inserts create, then close the connection unanswered
    int notFoundGets = 0;     ///< GETs of a new instance that answer 404
    int provisioningGets = 1; ///< GETs a new instance stays PROVISIONING
    int pageSize = 500;

    QMap<QString, QJsonObject> instances;
    QMap<QString, QJsonObject> firewalls;
    QStringList badAssertions; ///< why each rejected JWT was rejected
    int unauthorized = 0;      ///< API calls without a valid token

    FakeGce(const QString &publicKeyPem, const QString &clientEmail, const QString &project)
        : m_publicKey(publicKeyPem)
        , m_clientEmail(clientEmail)
        , m_project(project)
    {
        m_server.setHandler([this](const HttpTestRequest &request) { return handle(request); });
    }

    bool listen() { return m_server.listen(); }
    QUrl apiBase() const { return m_server.url(QStringLiteral("/compute/v1/")); }
    QString tokenUri() const { return m_server.url(QStringLiteral("/token")).toString(); }
    HttpTestServer &server() { return m_server; }
    QStringList requestIds() const { return m_requestIds; }

private:
    static HttpTestResponse error(int status, const QString &message,
                                  const QString &reason = QString())
    {
        QJsonObject error{{QStringLiteral("code"), status}, {QStringLiteral("message"), message}};
        if (!reason.isEmpty())
            error.insert(QStringLiteral("errors"),
                         QJsonArray{QJsonObject{{QStringLiteral("reason"), reason},
                                                {QStringLiteral("message"), message}}});
        return HttpTestResponse::json(status,
                                      QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}));
    }
    static HttpTestResponse fixture(const QString &name)
    {
        QFile file(QStringLiteral(SPARKDECK_TEST_DATA "/providers/gce/") + name);
        return file.open(QIODevice::ReadOnly)
                   ? HttpTestResponse::json(200, QJsonDocument::fromJson(file.readAll()))
                   : error(500, QStringLiteral("missing fixture ") + name);
    }
    HttpTestResponse operation(const QString &type, const QString &target)
    {
        return HttpTestResponse::json(
            200, QJsonDocument(QJsonObject{
                     {QStringLiteral("kind"), QStringLiteral("compute#operation")},
                     {QStringLiteral("name"), QStringLiteral("operation-%1").arg(++m_operations)},
                     {QStringLiteral("operationType"), type},
                     {QStringLiteral("status"), QStringLiteral("RUNNING")},
                     {QStringLiteral("targetLink"), target}}));
    }

    /// The JWT bearer grant, checked as Google's token endpoint checks it.
    HttpTestResponse token(const HttpTestRequest &request)
    {
        const QUrlQuery form(QString::fromLatin1(request.body));
        const QList<QByteArray> parts
            = form.queryItemValue(QStringLiteral("assertion"), QUrl::FullyDecoded)
                  .toLatin1()
                  .split('.');
        const auto reject = [this](const QString &why) {
            badAssertions << why;
            return HttpTestResponse::json(
                400, QJsonDocument(
                         QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_grant")},
                                     {QStringLiteral("error_description"), why}}));
        };
        if (form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded)
            != QLatin1String("urn:ietf:params:oauth:grant-type:jwt-bearer"))
            return reject(QStringLiteral("unsupported grant type"));
        if (parts.size() != 3)
            return reject(QStringLiteral("not a JWT"));
        const auto decode = [](const QByteArray &part) {
            return QJsonDocument::fromJson(
                       QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding))
                .object();
        };
        const QJsonObject header = decode(parts.at(0));
        const QJsonObject claims = decode(parts.at(1));
        if (header.value(QLatin1String("alg")).toString() != QLatin1String("RS256"))
            return reject(QStringLiteral("alg is not RS256"));
        if (claims.value(QLatin1String("iss")).toString() != m_clientEmail
            || claims.value(QLatin1String("aud")).toString() != tokenUri()
            || !claims.value(QLatin1String("scope"))
                    .toString()
                    .contains(QLatin1String("auth/compute"))
            || claims.value(QLatin1String("exp")).toInteger()
                       - claims.value(QLatin1String("iat")).toInteger()
                   > 3600)
            return reject(QStringLiteral("Invalid JWT: claims"));
        QTemporaryDir dir;
        QFile data(dir.filePath(QStringLiteral("data"))),
            signature(dir.filePath(QStringLiteral("signature")));
        if (!data.open(QIODevice::WriteOnly) || !signature.open(QIODevice::WriteOnly))
            return reject(QStringLiteral("cannot check"));
        data.write(parts.at(0) + '.' + parts.at(1));
        signature.write(QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding));
        data.close();
        signature.close();
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-verify"),
                       m_publicKey, QStringLiteral("-signature"), signature.fileName(),
                       data.fileName()});
        if (!openssl.waitForFinished(10000) || openssl.exitCode() != 0)
            return reject(QStringLiteral("Invalid JWT Signature."));
        m_token = QStringLiteral("ya29.fake-token-%1").arg(++m_tokens).toLatin1();
        return HttpTestResponse::json(
            200, QJsonDocument(
                     QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(m_token)},
                                 {QStringLiteral("expires_in"), 3599},
                                 {QStringLiteral("token_type"), QStringLiteral("Bearer")}}));
    }

    /// `labels.k = "v"` or `description = "v"`: the two filters SparkDeck uses.
    static bool matches(const QJsonObject &item, const QString &filter)
    {
        if (filter.isEmpty())
            return true;
        const QString key = filter.section(QLatin1Char('='), 0, 0).trimmed();
        const QString value
            = filter.section(QLatin1Char('='), 1).trimmed().remove(QLatin1Char('"'));
        if (key.startsWith(QLatin1String("labels.")))
            return item.value(QLatin1String("labels")).toObject().value(key.mid(7)).toString()
                   == value;
        return item.value(key).toString() == value;
    }
    HttpTestResponse list(const QList<QJsonObject> &all, const HttpTestRequest &request) const
    {
        const QString filter
            = request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded);
        QList<QJsonObject> matching;
        for (const QJsonObject &item : all) {
            if (matches(item, filter))
                matching << item;
        }
        const int offset = request.query.queryItemValue(QStringLiteral("pageToken")).toInt();
        QJsonArray items;
        for (const QJsonObject &item : matching.mid(offset, pageSize))
            items.append(item);
        QJsonObject page{{QStringLiteral("items"), items}};
        if (offset + pageSize < matching.size())
            page.insert(QStringLiteral("nextPageToken"), QString::number(offset + pageSize));
        return HttpTestResponse::json(200, QJsonDocument(page));
    }

    HttpTestResponse handle(const HttpTestRequest &request)
    {
        if (request.path == QLatin1String("/token"))
            return token(request);
        if (m_token.isEmpty() || request.headers.value("authorization") != "Bearer " + m_token) {
            ++unauthorized;
            return error(401, QStringLiteral("Request had invalid authentication credentials."));
        }
        if (throttle > 0) {
            --throttle;
            HttpTestResponse slowDown = error(429, QStringLiteral("Rate Limit Exceeded"),
                                              QStringLiteral("rateLimitExceeded"));
            slowDown.headers << qMakePair(QByteArray("Retry-After"), QByteArray("0"));
            return slowDown;
        }
        const QString project = QStringLiteral("/compute/v1/projects/") + m_project;
        const QString path = request.path;
        const QString requestId = request.query.queryItemValue(QStringLiteral("requestId"));
        if (!requestId.isEmpty())
            m_requestIds << requestId;
        if (path
            == QLatin1String("/compute/v1/projects/debian-cloud/global/images/family/debian-12"))
            return fixture(QStringLiteral("image-debian-12.json"));
        if (path == project + QLatin1String("/zones"))
            return fixture(QStringLiteral("zones.json"));
        if (path.endsWith(QLatin1String("/machineTypes")))
            return fixture(request.query.queryItemValue(QStringLiteral("pageToken")).isEmpty()
                               ? QStringLiteral("machine-types-1.json")
                               : QStringLiteral("machine-types-2.json"));
        if (path == project + QLatin1String("/global/firewalls"))
            return request.method == "POST" ? insert(firewalls, request, requestId, false)
                                            : list(firewalls.values(), request);
        if (path.startsWith(project + QLatin1String("/global/firewalls/")))
            return remove(firewalls, path.section(QLatin1Char('/'), -1));
        if (path.endsWith(QLatin1String("/instances")))
            return request.method == "POST" ? insert(instances, request, requestId, true)
                                            : list(instances.values(), request);
        if (path.contains(QLatin1String("/instances/"))) {
            const QString name = path.section(QLatin1Char('/'), -1);
            if (request.method == "DELETE")
                return remove(instances, name);
            return get(name);
        }
        return error(404, QStringLiteral("The requested URL %1 was not found.").arg(path));
    }

    HttpTestResponse insert(QMap<QString, QJsonObject> &into, const HttpTestRequest &request,
                            const QString &requestId, bool instance)
    {
        QJsonObject resource = request.json().object();
        const QString name = resource.value(QLatin1String("name")).toString();
        if (!requestId.isEmpty() && m_done.contains(requestId))
            return operation(QStringLiteral("insert"), name); // the same request again: nothing new
        if (into.contains(name))
            return error(409, QStringLiteral("The resource '%1' already exists").arg(name),
                         QStringLiteral("alreadyExists"));
        if (instance && instances.size() >= quota)
            return error(
                403,
                QStringLiteral("Quota 'CPUS' exceeded.  Limit: %1.0 in region us-central1.")
                    .arg(quota * 2),
                QStringLiteral("quotaExceeded"));
        if (instance) {
            const int number = into.size() + 1;
            resource.insert(QStringLiteral("status"), QStringLiteral("PROVISIONING"));
            resource.insert(
                QStringLiteral("networkInterfaces"),
                QJsonArray{QJsonObject{
                    {QStringLiteral("networkIP"), QStringLiteral("10.128.0.%1").arg(number + 1)},
                    {QStringLiteral("accessConfigs"),
                     QJsonArray{QJsonObject{{QStringLiteral("natIP"),
                                             QStringLiteral("198.51.100.%1").arg(number + 1)}}}}}});
            m_getsLeft[name] = qMakePair(notFoundGets, provisioningGets);
        }
        into.insert(name, resource);
        m_done << requestId;
        HttpTestResponse response = operation(QStringLiteral("insert"), name);
        response.hold = instance && holdInserts;
        if (instance && dropInserts > 0) {
            --dropInserts;
            response.drop = true;
        }
        return response;
    }

    HttpTestResponse get(const QString &name)
    {
        if (!instances.contains(name))
            return error(
                404,
                QStringLiteral(
                    "The resource 'projects/%1/zones/us-central1-a/instances/%2' was not found")
                    .arg(m_project, name));
        auto &[notFound, provisioning] = m_getsLeft[name];
        if (notFound > 0) {
            --notFound;
            return error(404, QStringLiteral("The resource '%1' was not found").arg(name));
        }
        if (provisioning-- <= 0)
            instances[name].insert(QStringLiteral("status"), QStringLiteral("RUNNING"));
        return HttpTestResponse::json(200, QJsonDocument(instances.value(name)));
    }

    HttpTestResponse remove(QMap<QString, QJsonObject> &from, const QString &name)
    {
        if (!from.remove(name))
            return error(404, QStringLiteral("The resource '%1' was not found").arg(name),
                         QStringLiteral("notFound"));
        return operation(QStringLiteral("delete"), name);
    }

    HttpTestServer m_server;
    QString m_publicKey;
    QString m_clientEmail;
    QString m_project;
    QByteArray m_token;
    int m_tokens = 0;
    int m_operations = 0;
    QStringList m_requestIds;
    QSet<QString> m_done;
    QMap<QString, QPair<int, int>> m_getsLeft;
};

} // namespace SparkDeck::Test
