#include "credentialresolver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <yaml-cpp/yaml.h>

#ifdef SPARKDECK_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::CredentialResolver)
};

/// `[section]` / `key = value` files as the AWS CLI writes them (~/.aws/credentials, config).
QHash<QString, QString> iniSection(const QString &path, const QString &section)
{
    QHash<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return values;
    QString current;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))
            || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            current = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        const int equals = line.indexOf(QLatin1Char('='));
        if (current == section && equals > 0)
            values.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    return values;
}

ProviderCredentials credentials(const QString &source, const QHash<QString, QString> &values)
{
    ProviderCredentials found;
    found.source = source;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!it.value().isEmpty())
            found.values.insert(it.key(), Secret(it.value()));
    }
    return found;
}
} // namespace

CredentialResolver::CredentialResolver(const QProcessEnvironment &environment,
                                       const QString &homeDirectory, QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_home(homeDirectory)
{}

QString CredentialResolver::keychainKey(Provider provider)
{
    return toString(provider);
}

void CredentialResolver::resolve(Provider provider, QObject *context, Callback done)
{
    QPointer<QObject> guard(context);
    auto deliver = [guard, done](const Result<ProviderCredentials> &result) {
        if (guard)
            done(result);
    };
#ifdef SPARKDECK_HAVE_QTKEYCHAIN
    if (m_keychainEnabled) {
        auto *job = new QKeychain::ReadPasswordJob(keychainService(), this);
        job->setKey(keychainKey(provider));
        job->setAutoDelete(true);
        connect(job, &QKeychain::Job::finished, this,
                [this, provider, deliver](QKeychain::Job *finished) {
                    const auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
                    if (read->error() == QKeychain::NoError) {
                        const QJsonObject stored
                            = QJsonDocument::fromJson(read->binaryData()).object();
                        QHash<QString, QString> values;
                        for (auto it = stored.begin(); it != stored.end(); ++it)
                            values.insert(it.key(), it.value().toString());
                        return deliver(credentials(Tr::tr("the keychain"), values));
                    }
                    // EntryNotFound: a keychain without our entry; anything else: no usable
                    // keychain.
                    fallBack(provider,
                             read->error() == QKeychain::EntryNotFound ? QString()
                                                                       : read->errorString(),
                             deliver);
                });
        job->start();
        return;
    }
#endif
    QTimer::singleShot(0, this, [this, provider, deliver] {
        fallBack(provider,
                 m_keychainEnabled ? Tr::tr("SparkDeck was built without QtKeychain") : QString(),
                 deliver);
    });
}

void CredentialResolver::fallBack(Provider provider, const QString &why, Callback done)
{
    const Result<ProviderCredentials> found = fromConventions(provider);
    if (!why.isEmpty() && !m_noticeGiven) {
        m_noticeGiven = true;
        Q_EMIT keychainNotice(
            found ? Tr::tr("No keychain is available (%1); using %2.").arg(why, found->source)
                  : Tr::tr("No keychain is available (%1).").arg(why));
    }
    done(found);
}

Result<ProviderCredentials> CredentialResolver::fromConventions(Provider provider) const
{
    switch (provider) {
    case Provider::DigitalOcean:
        return digitalOcean();
    case Provider::Ec2:
        return aws();
    case Provider::Gce:
        return gce();
    case Provider::OpenStack:
        return openStack();
    case Provider::VirtualBox:
    case Provider::Existing:
    case Provider::Local:
        break;
    }
    return ProviderCredentials{Tr::tr("nothing (none needed)"), {}};
}

Result<ProviderCredentials> CredentialResolver::digitalOcean() const
{
    for (const char *name : {"DIGITALOCEAN_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN"}) {
        const QString token = m_environment.value(QLatin1String(name));
        if (!token.isEmpty())
            return credentials(QLatin1String(name), {{QStringLiteral("token"), token}});
    }
    return Error{Tr::tr(
        "No DigitalOcean token: set DIGITALOCEAN_TOKEN (a token from cloud.digitalocean.com, "
        "API, Tokens, with read and write), or store it in the keychain.")};
}

Result<ProviderCredentials> CredentialResolver::aws() const
{
    const QString region = m_environment.value(
        QStringLiteral("AWS_REGION"), m_environment.value(QStringLiteral("AWS_DEFAULT_REGION")));
    if (m_environment.contains(QStringLiteral("AWS_ACCESS_KEY_ID"))) {
        return credentials(QStringLiteral("AWS_ACCESS_KEY_ID"),
                           {{QStringLiteral("access_key_id"),
                             m_environment.value(QStringLiteral("AWS_ACCESS_KEY_ID"))},
                            {QStringLiteral("secret_access_key"),
                             m_environment.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"))},
                            {QStringLiteral("session_token"),
                             m_environment.value(QStringLiteral("AWS_SESSION_TOKEN"))},
                            {QStringLiteral("region"), region}});
    }
    const QString profile
        = m_environment.value(QStringLiteral("AWS_PROFILE"), QStringLiteral("default"));
    const QString file
        = m_environment.value(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                              QDir(m_home).filePath(QStringLiteral(".aws/credentials")));
    const QHash<QString, QString> keys = iniSection(file, profile);
    if (keys.value(QStringLiteral("aws_access_key_id")).isEmpty()) {
        return Error{
            Tr::tr("No AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run "
                   "'aws configure' (profile '%1' in %2).")
                .arg(profile, file)};
    }
    const QString config = m_environment.value(
        QStringLiteral("AWS_CONFIG_FILE"), QDir(m_home).filePath(QStringLiteral(".aws/config")));
    const QString configSection
        = profile == QLatin1String("default") ? profile : QStringLiteral("profile ") + profile;
    return credentials(
        QStringLiteral("%1 [%2]").arg(file, profile),
        {{QStringLiteral("access_key_id"), keys.value(QStringLiteral("aws_access_key_id"))},
         {QStringLiteral("secret_access_key"), keys.value(QStringLiteral("aws_secret_access_key"))},
         {QStringLiteral("session_token"), keys.value(QStringLiteral("aws_session_token"))},
         {QStringLiteral("region"),
          region.isEmpty() ? iniSection(config, configSection).value(QStringLiteral("region"))
                           : region}});
}

Result<ProviderCredentials> CredentialResolver::gce() const
{
    const QString file = m_environment.value(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"));
    if (file.isEmpty() || !QFile::exists(file)) {
        return Error{
            Tr::tr("No Google Cloud credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service "
                   "account's "
                   "JSON key file%1.")
                .arg(file.isEmpty() ? QString() : Tr::tr(" (%1 does not exist)").arg(file))};
    }
    return credentials(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"),
                       {{QStringLiteral("service_account_file"), file}});
}

Result<ProviderCredentials> CredentialResolver::openStack() const
{
    static const std::pair<const char *, const char *> kVariables[]
        = {{"OS_AUTH_URL", "auth_url"},
           {"OS_USERNAME", "username"},
           {"OS_PASSWORD", "password"},
           {"OS_PROJECT_NAME", "project_name"},
           {"OS_USER_DOMAIN_NAME", "user_domain_name"},
           {"OS_PROJECT_DOMAIN_NAME", "project_domain_name"},
           {"OS_REGION_NAME", "region_name"},
           {"OS_PROJECT_ID", "project_id"},
           {"OS_USER_DOMAIN_ID", "user_domain_id"},
           {"OS_PROJECT_DOMAIN_ID", "project_domain_id"},
           {"OS_APPLICATION_CREDENTIAL_ID", "application_credential_id"},
           {"OS_APPLICATION_CREDENTIAL_SECRET", "application_credential_secret"}};
    if (m_environment.contains(QStringLiteral("OS_AUTH_URL"))) {
        QHash<QString, QString> values;
        for (const auto &[variable, name] : kVariables)
            values.insert(QLatin1String(name), m_environment.value(QLatin1String(variable)));
        return credentials(QStringLiteral("OS_AUTH_URL"), values);
    }
    const QString cloud = m_environment.value(QStringLiteral("OS_CLOUD"));
    const QStringList places{QDir::current().filePath(QStringLiteral("clouds.yaml")),
                             QDir(m_home).filePath(QStringLiteral(".config/openstack/clouds.yaml")),
                             QStringLiteral("/etc/openstack/clouds.yaml")};
    for (const QString &path : places) {
        if (cloud.isEmpty() || !QFile::exists(path))
            continue;
        try {
            const YAML::Node entry
                = YAML::LoadFile(path.toStdString())["clouds"][cloud.toStdString()];
            if (!entry || !entry.IsMap())
                continue;
            QHash<QString, QString> values;
            for (const auto &part : entry["auth"])
                values.insert(QString::fromStdString(part.first.as<std::string>()),
                              QString::fromStdString(part.second.as<std::string>()));
            if (entry["region_name"])
                values.insert(QStringLiteral("region_name"),
                              QString::fromStdString(entry["region_name"].as<std::string>()));
            return credentials(QStringLiteral("%1 [%2]").arg(path, cloud), values);
        } catch (const YAML::Exception &error) {
            return Error{
                Tr::tr("%1 cannot be read: %2").arg(path, QString::fromStdString(error.what()))};
        }
    }
    return Error{Tr::tr(
        "No OpenStack credentials: source your project's openrc file (OS_AUTH_URL, OS_USERNAME...) "
        "or set OS_CLOUD to a cloud of your clouds.yaml.")};
}

} // namespace SparkDeck
