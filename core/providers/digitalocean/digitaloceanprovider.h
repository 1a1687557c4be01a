#pragma once

#include "providers/machineprovider.h"
#include "providers/providerregistry.h"
#include "providers/restclient.h"

namespace SparkDeck {

/// DigitalOcean through its API v2 (https://api.digitalocean.com/v2/, a Bearer token).
///
/// A cluster is: the user's public key on the account (reused when already there), one
/// firewall "sparkdeck-<cluster>" that lets port 22 in from the user's address only and every
/// port between the cluster's droplets (selected by the tag), and the droplets, up to ten per
/// create call (`names[]`), each tagged `sparkdeck-cluster:<cluster>` (DigitalOcean tags are
/// flat), with cloud-init user-data, in the region's default VPC (private addresses for
/// cluster traffic). A droplet is ready when its status is `active`.
class DigitalOceanProvider : public MachineProvider
{
    Q_OBJECT
public:
    /// Fails without a token.
    static Result<std::unique_ptr<MachineProvider>> create(const ProviderSettings &settings);

    DigitalOceanProvider(const ProviderSettings &settings, QObject *parent = nullptr);

    QString id() const override { return QStringLiteral("digitalocean"); }
    int maxBatch() const override { return 10; }
    RestClient &client() { return m_client; }

    void listChoices(QObject *context, Callback<ProviderChoices> done) override;
    void createMachines(const MachineRequest &request, ResourceJournal *journal, QObject *context,
                        Callback<QList<ProvidedMachine>> done) override;
    void describeMachines(const QStringList &ids, QObject *context,
                          Callback<QList<ProvidedMachine>> done) override;
    void destroy(const CloudResource &resource, QObject *context, StatusCallback done) override;
    void findTagged(const QString &clusterName, QObject *context,
                    Callback<QList<CloudResource>> done) override;

    /// "sparkdeck-cluster:<name>"
    static QString tagFor(const QString &clusterName);
    /// The MD5 fingerprint DigitalOcean gives a public key ("3b:16:e4:..."), or empty.
    static QString fingerprintOf(const QString &publicKey);
    static ProvidedMachine machineFrom(const QJsonObject &droplet);

private:
    struct Creation;
    void ensureKey(const std::shared_ptr<Creation> &creation);
    void ensureFirewall(const std::shared_ptr<Creation> &creation);
    void createDroplets(const std::shared_ptr<Creation> &creation);
    void listAll(const QString &path, const QString &key, QObject *context,
                 std::function<void(const Result<QJsonArray> &)> done);
    void deleteById(const QString &path, QObject *context, StatusCallback done);
    void deleteEach(const QString &collection, QStringList ids, QObject *context,
                    StatusCallback done);
    QString errorOf(const HttpResponse &response) const;
    CloudResource resource(const QString &kind, const QString &name) const;

    ClusterSpec m_spec;
    RestClient m_client;
};

} // namespace SparkDeck
