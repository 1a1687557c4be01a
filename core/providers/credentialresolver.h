#pragma once

#include "providers/providercredentials.h"
#include "spec/clusterspec.h"
#include "util/result.h"

#include <QObject>
#include <QProcessEnvironment>

#include <functional>

namespace SparkDeck {

/// Finds a provider's credentials where users keep them, never in the cluster file and never
/// in a file of ours: first the OS keychain (QtKeychain: service "SparkDeck", one entry per
/// provider holding its named values as JSON), then the conventions users already have:
/// `DIGITALOCEAN_TOKEN` (or `DIGITALOCEAN_ACCESS_TOKEN`);
/// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`
/// (`AWS_SESSION_TOKEN`, `AWS_REGION`) or `~/.aws/credentials` and `~/.aws/config` for
/// `AWS_PROFILE` (else `default`); `GOOGLE_APPLICATION_CREDENTIALS`; OpenStack's `OS_*` or
/// `clouds.yaml` for `OS_CLOUD` (./, ~/.config/openstack/, /etc/openstack/). Where no keychain
/// can be used it says so once (keychainNotice) and goes on with the conventions.
class CredentialResolver : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<ProviderCredentials> &)>;

    CredentialResolver(const QProcessEnvironment &environment, const QString &homeDirectory,
                       QObject *parent = nullptr);

    /// Off: the conventions only (tests, and machines known to have none).
    void setKeychainEnabled(bool enabled) { m_keychainEnabled = enabled; }

    /// Calls back later, once, unless `context` is gone.
    void resolve(Provider provider, QObject *context, Callback done);
    /// The conventions alone, at once.
    Result<ProviderCredentials> fromConventions(Provider provider) const;

    /// The keychain entry's name for a provider ("digitalocean").
    static QString keychainKey(Provider provider);
    static QString keychainService() { return QStringLiteral("SparkDeck"); }

Q_SIGNALS:
    /// Once per resolver: "No keychain is available (...); using DIGITALOCEAN_TOKEN."
    void keychainNotice(const QString &message);

private:
    Result<ProviderCredentials> digitalOcean() const;
    Result<ProviderCredentials> aws() const;
    Result<ProviderCredentials> gce() const;
    Result<ProviderCredentials> openStack() const;
    void fallBack(Provider provider, const QString &why, Callback done);

    QProcessEnvironment m_environment;
    QString m_home;
    bool m_keychainEnabled = true;
    bool m_noticeGiven = false;
};

} // namespace SparkDeck
