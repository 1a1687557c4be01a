#include "keystonetoken.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::KeystoneToken)
};

/// `{"id": ...}` when the credentials hold `<prefix>_id`, else `{"name": ...}` (or nothing).
QJsonObject idOrName(const ProviderCredentials &credentials, const QString &prefix)
{
    if (const QString id = credentials.value(prefix + QStringLiteral("_id")).reveal();
        !id.isEmpty())
        return {{QStringLiteral("id"), id}};
    if (const QString name = credentials.value(prefix + QStringLiteral("_name")).reveal();
        !name.isEmpty())
        return {{QStringLiteral("name"), name}};
    return {};
}

/// A user or project by id, or by name within its domain (Keystone's default domain when the
/// credentials name none).
QJsonObject identify(const ProviderCredentials &credentials, const QString &idKey,
                     const QString &nameKey, const QString &domainPrefix)
{
    if (const QString id = credentials.value(idKey).reveal(); !id.isEmpty())
        return {{QStringLiteral("id"), id}};
    const QString name = credentials.value(nameKey).reveal();
    if (name.isEmpty())
        return {};
    QJsonObject domain = idOrName(credentials, domainPrefix);
    if (domain.isEmpty())
        domain = idOrName(credentials, QStringLiteral("domain"));
    if (domain.isEmpty())
        domain = {{QStringLiteral("id"), QStringLiteral("default")}};
    return {{QStringLiteral("name"), name}, {QStringLiteral("domain"), domain}};
}
} // namespace

QUrl KeystoneToken::tokenUrl(const QUrl &authUrl)
{
    QUrl url = authUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/v3")))
        path += QStringLiteral("/v3");
    url.setPath(path + QStringLiteral("/auth/tokens"));
    return url;
}

Result<QJsonDocument> KeystoneToken::requestBody(const ProviderCredentials &credentials)
{
    QJsonObject auth;
    const QString applicationCredential
        = credentials.value(QStringLiteral("application_credential_id")).reveal();
    if (!applicationCredential.isEmpty()) {
        // An application credential is scoped to its project already.
        auth.insert(
            QStringLiteral("identity"),
            QJsonObject{
                {QStringLiteral("methods"), QJsonArray{QStringLiteral("application_credential")}},
                {QStringLiteral("application_credential"),
                 QJsonObject{{QStringLiteral("id"), applicationCredential},
                             {QStringLiteral("secret"),
                              credentials.value(QStringLiteral("application_credential_secret"))
                                  .reveal()}}}});
        return QJsonDocument(QJsonObject{{QStringLiteral("auth"), auth}});
    }
    QJsonObject user = identify(credentials, QStringLiteral("user_id"), QStringLiteral("username"),
                                QStringLiteral("user_domain"));
    const QJsonObject project
        = identify(credentials, QStringLiteral("project_id"), QStringLiteral("project_name"),
                   QStringLiteral("project_domain"));
    if (user.isEmpty() || project.isEmpty() || !credentials.has(QStringLiteral("password"))) {
        return Error{Tr::tr("The OpenStack credentials (%1) need a user name, a password and a "
                            "project (OS_USERNAME, "
                            "OS_PASSWORD, OS_PROJECT_NAME), or an application credential "
                            "(OS_APPLICATION_CREDENTIAL_ID "
                            "and _SECRET).")
                         .arg(credentials.source)};
    }
    user.insert(QStringLiteral("password"), credentials.value(QStringLiteral("password")).reveal());
    auth.insert(
        QStringLiteral("identity"),
        QJsonObject{{QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
                    {QStringLiteral("password"), QJsonObject{{QStringLiteral("user"), user}}}});
    auth.insert(QStringLiteral("scope"), QJsonObject{{QStringLiteral("project"), project}});
    return QJsonDocument(QJsonObject{{QStringLiteral("auth"), auth}});
}

Result<KeystoneToken> KeystoneToken::fromResponse(const QJsonDocument &body)
{
    const QJsonObject token = body.object().value(QLatin1String("token")).toObject();
    if (!token.contains(QLatin1String("catalog"))) {
        return Error{Tr::tr(
            "Keystone's token has no service catalog: the credentials must be scoped to a project "
            "(OS_PROJECT_NAME).")};
    }
    KeystoneToken parsed;
    parsed.m_expires = QDateTime::fromString(token.value(QLatin1String("expires_at")).toString(),
                                             Qt::ISODateWithMs);
    for (const QJsonValue &service : token.value(QLatin1String("catalog")).toArray()) {
        const QString type = service.toObject().value(QLatin1String("type")).toString();
        for (const QJsonValue &value :
             service.toObject().value(QLatin1String("endpoints")).toArray()) {
            const QJsonObject endpoint = value.toObject();
            const QString region
                = endpoint.value(QLatin1String("region_id"))
                      .toString(endpoint.value(QLatin1String("region")).toString());
            parsed.m_endpoints << CatalogEndpoint{
                type, endpoint.value(QLatin1String("interface")).toString(), region,
                QUrl(endpoint.value(QLatin1String("url")).toString())};
        }
    }
    return parsed;
}

QUrl KeystoneToken::endpoint(const QString &type, const QString &region) const
{
    for (const CatalogEndpoint &endpoint : m_endpoints) {
        if (endpoint.type == type && endpoint.interface == QLatin1String("public")
            && (region.isEmpty() || endpoint.region == region))
            return endpoint.url;
    }
    return QUrl();
}

QStringList KeystoneToken::regions(const QString &type) const
{
    QStringList found;
    for (const CatalogEndpoint &endpoint : m_endpoints) {
        if (endpoint.type == type && endpoint.interface == QLatin1String("public")
            && !found.contains(endpoint.region))
            found << endpoint.region;
    }
    return found;
}

} // namespace SparkDeck
