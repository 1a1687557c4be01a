#pragma once

#include "providers/gce/gcelaunch.h"
#include "providers/machineprovider.h"

#include <memory>

namespace SparkDeck {

class GceClient;
struct ProviderSettings;

/// Google Compute Engine machines through the REST API v1 (GceClient; GceLaunch creates them):
/// zones, machine types (CPUs, memory; the API gives no price) and Debian 12 from its image
/// family. Ready is RUNNING. Machines carry the label `sparkdeck-cluster=<name>`; firewalls,
/// which take no labels, carry it in their description. Deletes are idempotent (404 is done).
class GceProvider : public MachineProvider
{
    Q_OBJECT
public:
    GceProvider(const QUrl &apiBase, const GceServiceAccount &account, const GceSettings &settings,
                QObject *parent = nullptr);
    /// From the cluster's settings: the key file GOOGLE_APPLICATION_CREDENTIALS names (credential
    /// "service_account_file"), the zone (machines.region), machine type and image.
    static Result<std::unique_ptr<MachineProvider>> create(const ProviderSettings &settings);

    QString id() const override { return QStringLiteral("gce"); }
    void listChoices(QObject *context, Callback<ProviderChoices> done) override;
    void createMachines(const MachineRequest &request, ResourceJournal *journal, QObject *context,
                        Callback<QList<ProvidedMachine>> done) override;
    void describeMachines(const QStringList &ids, QObject *context,
                          Callback<QList<ProvidedMachine>> done) override;
    void destroy(const CloudResource &resource, QObject *context, StatusCallback done) override;
    void findTagged(const QString &clusterName, QObject *context,
                    Callback<QList<CloudResource>> done) override;

    GceClient *client() const { return m_client; }

private:
    void describeFrom(const QStringList &ids, int index,
                      const std::shared_ptr<QList<ProvidedMachine>> &machines, QObject *context,
                      Callback<QList<ProvidedMachine>> done);

    GceClient *m_client;
    GceSettings m_settings;
};

} // namespace SparkDeck
