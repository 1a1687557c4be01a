#pragma once

#include "providers/machinegraphs.h"
#include "providers/machineprovider.h"
#include "spec/clusterspec.h"
#include "util/result.h"

#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <memory>

namespace SparkDeck {

/// The cluster's provider, made the way a user expects, for the CLI and the desktop app alike:
/// credentials from the keychain or the provider's own conventions (keychainNotice() says once
/// when there is no keychain), the API at its default URL or SPARKDECK_<PROVIDER>_API_URL; and
/// what creating machines needs: the user's public key (`<machines.ssh.identity>.pub`) and their
/// current address, to which alone port 22 is opened.
///
/// Asynchronous: each call answers later, once, unless `context` is gone. Owns the provider it
/// made.
class ProviderConnector : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(const Result<T> &)>;

    ProviderConnector(const ClusterSpec &spec, const QProcessEnvironment &environment,
                      const QString &homeDirectory, QObject *parent = nullptr);
    ~ProviderConnector() override;

    /// Finds the credentials and makes the provider (the same one on later calls).
    void open(QObject *context, Callback<MachineProvider *> done);
    /// SPARKDECK_PROVIDER_POLL_MS in the environment sets how often the provider and SSH are
    /// asked (default 5 s).
    void creationOptions(bool oneAtATime, QObject *context, Callback<MachineCreationOptions> done);

    MachineProvider *provider() const { return m_provider.get(); }
    /// Where the credentials came from ("DIGITALOCEAN_TOKEN"), once open() succeeded.
    QString credentialsSource() const { return m_credentialsSource; }

Q_SIGNALS:
    /// "No keychain is available (...); using DIGITALOCEAN_TOKEN."
    void keychainNotice(const QString &message);

private:
    ClusterSpec m_spec;
    QProcessEnvironment m_environment;
    QString m_home;
    std::unique_ptr<MachineProvider> m_provider;
    QString m_credentialsSource;
};

} // namespace SparkDeck
