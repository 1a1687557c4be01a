// Cloud credentials come from where users already keep them (the keychain, the providers'
// own variables and files), never from the cluster file or a file of ours; where there is no
// keychain, SparkDeck says so once and uses the conventions.
#include "providers/credentialresolver.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;

namespace {
bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QProcessEnvironment environment(const QList<QPair<QString, QString>> &variables)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : variables)
        env.insert(name, value);
    return env;
}
} // namespace

class tst_CredentialResolver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void digitalOceanTokenFromItsVariables_data();
    void digitalOceanTokenFromItsVariables();
    void awsKeysFromTheEnvironmentFirst();
    void awsKeysFromTheProfileFileWithItsRegion();
    void gceNeedsAnExistingServiceAccountFile();
    void openStackFromOsVariablesOrCloudsYaml();
    void sayWhatToDoWhenNothingIsFound_data();
    void sayWhatToDoWhenNothingIsFound();
    void withoutAKeychainSaysSoOnceAndUsesTheConventions();

private:
    QTemporaryDir m_home;
};

void tst_CredentialResolver::digitalOceanTokenFromItsVariables_data()
{
    QTest::addColumn<QString>("variable");
    QTest::newRow("doctl's") << "DIGITALOCEAN_TOKEN";
    QTest::newRow("terraform's") << "DIGITALOCEAN_ACCESS_TOKEN";
}

void tst_CredentialResolver::digitalOceanTokenFromItsVariables()
{
    QFETCH(QString, variable);
    const CredentialResolver resolver(environment({{variable, "dop_v1_abc"}}), m_home.path());
    const Result<ProviderCredentials> found = resolver.fromConventions(Provider::DigitalOcean);
    QVERIFY(found.ok());
    QCOMPARE(found->value("token").reveal(), QStringLiteral("dop_v1_abc"));
    QCOMPARE(found->source, variable);
}

void tst_CredentialResolver::awsKeysFromTheEnvironmentFirst()
{
    QVERIFY(writeFile(m_home.filePath(".aws/credentials"),
                      "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file\n"));
    const CredentialResolver resolver(environment({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                                   {"AWS_SECRET_ACCESS_KEY", "env-secret"},
                                                   {"AWS_SESSION_TOKEN", "session"},
                                                   {"AWS_DEFAULT_REGION", "eu-west-1"}}),
                                      m_home.path());
    const Result<ProviderCredentials> found = resolver.fromConventions(Provider::Ec2);
    QVERIFY(found.ok());
    QCOMPARE(found->value("access_key_id").reveal(), QStringLiteral("AKIDENV"));
    QCOMPARE(found->value("secret_access_key").reveal(), QStringLiteral("env-secret"));
    QCOMPARE(found->value("session_token").reveal(), QStringLiteral("session"));
    QCOMPARE(found->value("region").reveal(), QStringLiteral("eu-west-1"));
}

void tst_CredentialResolver::awsKeysFromTheProfileFileWithItsRegion()
{
    QVERIFY(writeFile(
        m_home.filePath(".aws/credentials"),
        "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = d\n\n"
        "# the work "
        "account\n[work]\naws_access_key_id=AKIDWORK\naws_secret_access_key=w0rk/secret+key\n"));
    QVERIFY(writeFile(m_home.filePath(".aws/config"),
                      "[default]\nregion = us-east-1\n[profile work]\nregion = eu-central-1\n"));
    const CredentialResolver resolver(environment({{"AWS_PROFILE", "work"}}), m_home.path());
    const Result<ProviderCredentials> found = resolver.fromConventions(Provider::Ec2);
    QVERIFY(found.ok());
    QCOMPARE(found->value("access_key_id").reveal(), QStringLiteral("AKIDWORK"));
    QCOMPARE(found->value("secret_access_key").reveal(), QStringLiteral("w0rk/secret+key"));
    QCOMPARE(found->value("region").reveal(), QStringLiteral("eu-central-1"));
    QVERIFY(!found->has("session_token"));
    QVERIFY(found->source.endsWith(QLatin1String("[work]")));
}

void tst_CredentialResolver::gceNeedsAnExistingServiceAccountFile()
{
    const QString key = m_home.filePath("sa.json");
    QVERIFY(writeFile(key, "{\"type\": \"service_account\"}"));
    QVERIFY(
        CredentialResolver(environment({{"GOOGLE_APPLICATION_CREDENTIALS", key}}), m_home.path())
            .fromConventions(Provider::Gce)
            .ok());
    const Result<ProviderCredentials> missing
        = CredentialResolver(
              environment({{"GOOGLE_APPLICATION_CREDENTIALS", m_home.filePath("gone.json")}}),
              m_home.path())
              .fromConventions(Provider::Gce);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.errorMessage().contains(QLatin1String("does not exist")),
             qPrintable(missing.errorMessage()));
}

void tst_CredentialResolver::openStackFromOsVariablesOrCloudsYaml()
{
    const Result<ProviderCredentials> fromEnv
        = CredentialResolver(environment({{"OS_AUTH_URL", "https://keystone.example:5000/v3"},
                                          {"OS_USERNAME", "ada"},
                                          {"OS_PASSWORD", "pw"},
                                          {"OS_PROJECT_NAME", "spark"},
                                          {"OS_REGION_NAME", "RegionOne"},
                                          {"OS_PROJECT_DOMAIN_ID", "d-7"}}),
                             m_home.path())
              .fromConventions(Provider::OpenStack);
    QVERIFY(fromEnv.ok());
    QCOMPARE(fromEnv->value("password").reveal(), QStringLiteral("pw"));
    QCOMPARE(fromEnv->value("region_name").reveal(), QStringLiteral("RegionOne"));
    QCOMPARE(fromEnv->value("project_domain_id").reveal(), QStringLiteral("d-7")); // Horizon's openrc

    QVERIFY(
        writeFile(m_home.filePath(".config/openstack/clouds.yaml"),
                  "clouds:\n  lab:\n    region_name: RegionTwo\n    auth:\n      auth_url: "
                  "https://keystone.lab:5000/v3\n"
                  "      username: grace\n      password: \"p: w\"\n      project_name: spark\n"));
    const Result<ProviderCredentials> fromFile
        = CredentialResolver(environment({{"OS_CLOUD", "lab"}}), m_home.path())
              .fromConventions(Provider::OpenStack);
    QVERIFY(fromFile.ok());
    QCOMPARE(fromFile->value("username").reveal(), QStringLiteral("grace"));
    QCOMPARE(fromFile->value("password").reveal(), QStringLiteral("p: w"));
    QCOMPARE(fromFile->value("region_name").reveal(), QStringLiteral("RegionTwo"));
}

void tst_CredentialResolver::sayWhatToDoWhenNothingIsFound_data()
{
    QTest::addColumn<Provider>("provider");
    QTest::addColumn<QString>("hint");
    QTest::newRow("digitalocean") << Provider::DigitalOcean << "set DIGITALOCEAN_TOKEN";
    QTest::newRow("ec2") << Provider::Ec2 << "run 'aws configure'";
    QTest::newRow("gce") << Provider::Gce << "set GOOGLE_APPLICATION_CREDENTIALS";
    QTest::newRow("openstack") << Provider::OpenStack << "source your project's openrc file";
}

void tst_CredentialResolver::sayWhatToDoWhenNothingIsFound()
{
    QFETCH(Provider, provider);
    QFETCH(QString, hint);
    QTemporaryDir emptyHome;
    const Result<ProviderCredentials> found
        = CredentialResolver(QProcessEnvironment(), emptyHome.path()).fromConventions(provider);
    QVERIFY(!found.ok());
    QVERIFY2(found.errorMessage().contains(hint), qPrintable(found.errorMessage()));
}

void tst_CredentialResolver::withoutAKeychainSaysSoOnceAndUsesTheConventions()
{
    // These machines have no Secret Service on D-Bus: the keychain answers with an error.
    CredentialResolver resolver(environment({{"DIGITALOCEAN_TOKEN", "dop_v1_env"}}), m_home.path());
    QSignalSpy notices(&resolver, &CredentialResolver::keychainNotice);
    for (int i = 0; i < 2; ++i) {
        QObject context;
        std::optional<Result<ProviderCredentials>> found;
        resolver.resolve(Provider::DigitalOcean, &context,
                         [&found](const Result<ProviderCredentials> &result) { found = result; });
        QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 30000);
        QVERIFY(found->ok());
        if ((*found)->source == QLatin1String("the keychain"))
            QSKIP("this machine has a keychain holding a SparkDeck entry");
        QCOMPARE((*found)->value("token").reveal(), QStringLiteral("dop_v1_env"));
    }
    QVERIFY(notices.size() <= 1); // once, if at all (a keychain without our entry says nothing)
    if (!notices.isEmpty()) {
        const QString notice = notices.first().first().toString();
        QVERIFY2(notice.startsWith(QLatin1String("No keychain is available")), qPrintable(notice));
        QVERIFY(notice.endsWith(QLatin1String("using DIGITALOCEAN_TOKEN.")));
        QVERIFY(!notice.contains(QLatin1String("dop_v1_env")));
    }
}

QTEST_GUILESS_MAIN(tst_CredentialResolver)
#include "tst_credentialresolver.moc"
