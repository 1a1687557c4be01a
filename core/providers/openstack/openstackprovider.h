#pragma once

#include "providers/machineprovider.h"
#include "providers/openstack/openstacklaunch.h"

#include <QProcessEnvironment>

#include <memory>

namespace SparkDeck {

class OpenStackClient;
struct ProviderSettings;

/// OpenStack servers through Keystone v3, Nova and Neutron (OpenStackClient; OpenStackLaunch
/// creates them). Choices: the catalog's regions, flavors (CPUs, memory, disk; OpenStack gives
/// no prices) and Glance's active images. Ready is ACTIVE (BUILD before; ERROR is a failure
/// with the server's fault message). Addresses from `addresses.<network>[]`: the fixed IPv4
/// is the private address, a floating one the public (else accessIPv4, else the fixed one, as
/// on provider networks; SPARKDECK_OPENSTACK_FLOATING_NETWORK asks for floating IPs). Servers carry
/// the tag and metadata `sparkdeck-cluster`; the security group and floating IPs carry it in their
/// description; the key pair is found by its name. A deleted server is waited for until it is gone,
/// so that its security group can go too.
class OpenStackProvider : public MachineProvider
{
    Q_OBJECT
public:
    OpenStackProvider(const QUrl &authUrl, const ProviderCredentials &credentials,
                      const QString &region, const OpenStackSettings &settings,
                      QObject *parent = nullptr);
    /// From the cluster's settings: Keystone at SPARKDECK_OPENSTACK_API_URL or the credentials'
    /// auth_url, the region (machines.region, else region_name), flavor, image, the network
    /// SPARKDECK_OPENSTACK_NETWORK names and SPARKDECK_OPENSTACK_FLOATING_NETWORK's floating IPs.
    static Result<std::unique_ptr<MachineProvider>>
    create(const ProviderSettings &settings,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    QString id() const override { return QStringLiteral("openstack"); }
    void listChoices(QObject *context, Callback<ProviderChoices> done) override;
    void createMachines(const MachineRequest &request, ResourceJournal *journal, QObject *context,
                        Callback<QList<ProvidedMachine>> done) override;
    void describeMachines(const QStringList &ids, QObject *context,
                          Callback<QList<ProvidedMachine>> done) override;
    void destroy(const CloudResource &resource, QObject *context, StatusCallback done) override;
    void findTagged(const QString &clusterName, QObject *context,
                    Callback<QList<CloudResource>> done) override;

    OpenStackClient *client() const { return m_client; }
    /// `floating`: a server counts as ready only once its floating IP shows.
    static ProvidedMachine machineFrom(const QJsonObject &server, bool floating = false);

private:
    void describeFrom(const QStringList &ids, int index,
                      const std::shared_ptr<QList<ProvidedMachine>> &machines, QObject *context,
                      Callback<QList<ProvidedMachine>> done);
    /// Servers of the cluster's tag; `name` narrows them to one name.
    void listServers(const QString &clusterName, const QString &name, QObject *context,
                     std::function<void(const Result<QList<QJsonObject>> &)> done);
    void listGroups(const QString &clusterName, QObject *context,
                    std::function<void(const Result<QList<QJsonObject>> &)> done);
    void deleteServers(QStringList ids, QObject *context, StatusCallback done);
    void waitGone(const QString &id, int polls, QObject *context, StatusCallback done);
    void deleteGroups(QStringList ids, int polls, QObject *context, StatusCallback done);
    void listFloatingIps(const QString &clusterName, QObject *context,
                         std::function<void(const Result<QList<QJsonObject>> &)> done);
    /// DELETEs `collection/<id>` for each id in turn; 404 is done.
    void deleteEach(OpenStackService service, const QString &collection, QStringList ids,
                    QObject *context, StatusCallback done);
    CloudResource found(const QString &kind, const QString &id, const QString &name) const;

    OpenStackClient *m_client;
    OpenStackSettings m_settings;
};

} // namespace SparkDeck
