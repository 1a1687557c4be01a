// Keystone v3 without I/O: where the token is asked for, what the request says for each kind of
// OpenStack credentials users have (openrc, clouds.yaml with names or ids, application
// credentials), and which endpoint the catalog gives for a service and region.
#include "providers/openstack/keystonetoken.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace SparkDeck;

using Values = QHash<QString, QString>;

namespace {
ProviderCredentials credentials(const Values &values)
{
    ProviderCredentials made{QStringLiteral("test"), {}};
    for (auto it = values.begin(); it != values.end(); ++it)
        made.values.insert(it.key(), Secret(it.value()));
    return made;
}

QJsonObject endpoint(const QString &interface, const QString &region, const QString &url)
{
    return {{QStringLiteral("interface"), interface},
            {QStringLiteral("region_id"), region},
            {QStringLiteral("url"), url}};
}
} // namespace

class tst_KeystoneToken : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokenUrlAddsTheVersionOnlyWhenMissing_data();
    void tokenUrlAddsTheVersionOnlyWhenMissing();
    void passwordRequestsNameTheUserAndProjectByIdOrInTheirDomain_data();
    void passwordRequestsNameTheUserAndProjectByIdOrInTheirDomain();
    void anApplicationCredentialNeedsNoScope();
    void incompleteCredentialsSayWhatIsMissingWithoutTheirValues();
    void theCatalogGivesThePublicEndpointOfTheRegion();
    void aBodyWithoutCatalogIsAnUnscopedToken();
};

void tst_KeystoneToken::tokenUrlAddsTheVersionOnlyWhenMissing_data()
{
    QTest::addColumn<QString>("authUrl");
    QTest::addColumn<QString>("tokenUrl");
    QTest::newRow("DevStack path") << "http://cloud.example/identity"
                                   << "http://cloud.example/identity/v3/auth/tokens";
    QTest::newRow("port, no path") << "https://keystone.example:5000"
                                   << "https://keystone.example:5000/v3/auth/tokens";
    QTest::newRow("with v3") << "https://keystone.example:5000/v3"
                             << "https://keystone.example:5000/v3/auth/tokens";
    QTest::newRow("with v3/") << "https://keystone.example:5000/v3/"
                              << "https://keystone.example:5000/v3/auth/tokens";
    QTest::newRow("trailing slash") << "https://cloud.example/identity/"
                                    << "https://cloud.example/identity/v3/auth/tokens";
}

void tst_KeystoneToken::tokenUrlAddsTheVersionOnlyWhenMissing()
{
    QFETCH(QString, authUrl);
    QFETCH(QString, tokenUrl);
    QCOMPARE(KeystoneToken::tokenUrl(QUrl(authUrl)).toString(), tokenUrl);
}

void tst_KeystoneToken::passwordRequestsNameTheUserAndProjectByIdOrInTheirDomain_data()
{
    QTest::addColumn<Values>("values");
    QTest::addColumn<QJsonObject>("user");
    QTest::addColumn<QJsonObject>("project");
    const QJsonObject defaultDomain{{QStringLiteral("id"), QStringLiteral("default")}};
    QTest::newRow("openrc: names in named domains")
        << Values{{"username", "ada"},
                  {"password", "pw"},
                  {"project_name", "course"},
                  {"user_domain_name", "Users"},
                  {"project_domain_name", "Projects"}}
        << QJsonObject{{"name", "ada"},
                       {"domain", QJsonObject{{"name", "Users"}}},
                       {"password", "pw"}}
        << QJsonObject{{"name", "course"}, {"domain", QJsonObject{{"name", "Projects"}}}};
    QTest::newRow("no domain: Keystone's default")
        << Values{{"username", "ada"}, {"password", "pw"}, {"project_name", "course"}}
        << QJsonObject{{"name", "ada"}, {"domain", defaultDomain}, {"password", "pw"}}
        << QJsonObject{{"name", "course"}, {"domain", defaultDomain}};
    QTest::newRow("clouds.yaml: ids")
        << Values{{"user_id", "u-1"},
                  {"username", "ada"},
                  {"password", "pw"},
                  {"project_id", "p-1"}}
        << QJsonObject{{"id", "u-1"}, {"password", "pw"}} << QJsonObject{{"id", "p-1"}};
    QTest::newRow("clouds.yaml: one domain_id for both")
        << Values{{"username", "ada"},
                  {"password", "pw"},
                  {"project_name", "course"},
                  {"domain_id", "d-7"}}
        << QJsonObject{{"name", "ada"}, {"domain", QJsonObject{{"id", "d-7"}}}, {"password", "pw"}}
        << QJsonObject{{"name", "course"}, {"domain", QJsonObject{{"id", "d-7"}}}};
}

void tst_KeystoneToken::passwordRequestsNameTheUserAndProjectByIdOrInTheirDomain()
{
    QFETCH(Values, values);
    QFETCH(QJsonObject, user);
    QFETCH(QJsonObject, project);
    const Result<QJsonDocument> body = KeystoneToken::requestBody(credentials(values));
    QVERIFY2(body, qPrintable(body.ok() ? QString() : body.errorMessage()));
    const QJsonObject auth = body->object().value(QLatin1String("auth")).toObject();
    QCOMPARE(auth[QLatin1String("identity")][QLatin1String("methods")].toArray(),
             QJsonArray{QStringLiteral("password")});
    QCOMPARE(auth[QLatin1String("identity")][QLatin1String("password")][QLatin1String("user")]
                 .toObject(),
             user);
    QCOMPARE(auth[QLatin1String("scope")][QLatin1String("project")].toObject(), project);
}

void tst_KeystoneToken::anApplicationCredentialNeedsNoScope()
{
    const Result<QJsonDocument> body
        = KeystoneToken::requestBody(credentials({{"application_credential_id", "ac-1"},
                                                  {"application_credential_secret", "s"},
                                                  {"project_name", "course"}}));
    QVERIFY(body);
    const QJsonObject auth = body->object().value(QLatin1String("auth")).toObject();
    QVERIFY(!auth.contains(QLatin1String("scope")));
    QCOMPARE(auth[QLatin1String("identity")][QLatin1String("application_credential")].toObject(),
             (QJsonObject{{"id", "ac-1"}, {"secret", "s"}}));
}

void tst_KeystoneToken::incompleteCredentialsSayWhatIsMissingWithoutTheirValues()
{
    const Result<QJsonDocument> body = KeystoneToken::requestBody(
        credentials({{"username", "ada"}, {"password", "hunter2-secret"}}));
    QVERIFY(!body);
    QVERIFY2(body.errorMessage().contains(QLatin1String("OS_PROJECT_NAME")),
             qPrintable(body.errorMessage()));
    QVERIFY(!body.errorMessage().contains(QLatin1String("hunter2-secret")));
}

void tst_KeystoneToken::theCatalogGivesThePublicEndpointOfTheRegion()
{
    const QJsonArray compute{
        endpoint("internal", "RegionOne", "http://10.0.0.5:8774/v2.1"),
        endpoint("public", "RegionOne", "https://compute.one.example/v2.1/p1"),
        endpoint("admin", "RegionTwo", "http://10.1.0.5:8774/v2.1"),
        endpoint("public", "RegionTwo", "https://compute.two.example/v2.1/p1")};
    const QJsonObject body{
        {"token",
         QJsonObject{{"expires_at", "2026-11-21T03:58:43.578887Z"},
                     {"catalog",
                      QJsonArray{QJsonObject{{"type", "compute"}, {"endpoints", compute}},
                                 QJsonObject{{"type", "network"},
                                             {"endpoints", QJsonArray{endpoint(
                                                               "public", "RegionTwo",
                                                               "https://net.two.example")}}}}}}}};
    const Result<KeystoneToken> token = KeystoneToken::fromResponse(QJsonDocument(body));
    QVERIFY(token);
    QCOMPARE(token->expires().toSecsSinceEpoch(),
             QDateTime(QDate(2026, 11, 21), QTime(3, 58, 43), Qt::UTC).toSecsSinceEpoch());
    QCOMPARE(token->regions(QStringLiteral("compute")),
             QStringList({QStringLiteral("RegionOne"), QStringLiteral("RegionTwo")}));
    QCOMPARE(token->endpoint(QStringLiteral("compute"), QStringLiteral("RegionTwo")),
             QUrl(QStringLiteral("https://compute.two.example/v2.1/p1")));
    QCOMPARE(token->endpoint(QStringLiteral("compute"), QString()),
             QUrl(QStringLiteral("https://compute.one.example/v2.1/p1")));
    QVERIFY(token->endpoint(QStringLiteral("network"), QStringLiteral("RegionOne")).isEmpty());
    QVERIFY(token->endpoint(QStringLiteral("image"), QStringLiteral("RegionOne")).isEmpty());
}

void tst_KeystoneToken::aBodyWithoutCatalogIsAnUnscopedToken()
{
    const Result<KeystoneToken> token = KeystoneToken::fromResponse(
        QJsonDocument(QJsonObject{{"token", QJsonObject{{"methods", QJsonArray{"password"}}}}}));
    QVERIFY(!token);
    QVERIFY(token.errorMessage().contains(QLatin1String("scoped to a project")));
}

QTEST_GUILESS_MAIN(tst_KeystoneToken)
#include "tst_keystonetoken.moc"
