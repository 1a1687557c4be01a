#pragma once

#include "providers/machineprovider.h"
#include "providers/openstack/openstackclient.h"

#include <QObject>

namespace SparkDeck {

class ResourceJournal;

/// What an OpenStack cluster's servers are made of, beyond the credentials.
struct OpenStackSettings
{
    QString
        flavor; ///< machines.size: a flavor's name or id; empty: the smallest with 2 vCPUs, 4 GiB
    QString image; ///< machines.image: a Glance image's name or id; empty: the newest Debian 12
    /// SPARKDECK_OPENSTACK_NETWORK: the network id the servers join; empty: Nova's "auto" (the
    /// project's only network).
    QString network;
    /// SPARKDECK_OPENSTACK_FLOATING_NETWORK: an external network's name or id to give every
    /// server a floating IP from; empty: none (the fixed address is reached directly).
    QString floatingNetwork;
    int pollIntervalMs = 2000; ///< while a deleted server goes away, or its group is still in use
    int maxPolls = 90;
};

/// One OpenStackProvider::createMachines call: the flavor and image looked up (names or ids),
/// the user's public key imported as key pair `sparkdeck-<cluster>`, a Neutron security group
/// `sparkdeck-<cluster>` (port 22 from the user's address only, every protocol from members of
/// the same group), then one `POST /servers` per machine with base64 cloud-init user-data, the
/// key pair, the group, metadata and the server tag `sparkdeck-cluster=<cluster>`.
///
/// Each create is recorded in the journal before it is sent. Nova has no idempotency key, so a
/// create whose answer is lost is not sent again: the intent stays, and the machine is settled
/// by name and tag (CreateMachinesTask's lookup, or `down`'s destroy and sweep). A key pair or
/// group from an interrupted run is looked up by name and adopted. Lives as a child of the
/// caller's context.
///
/// With a floating network, each server's port is waited for and a floating IP made for it
/// (description `sparkdeck-cluster=<cluster>`, journaled like the rest); a resumed run gives one
/// to every machine of the cluster that lacks it.
class OpenStackLaunch : public QObject
{
    Q_OBJECT
public:
    OpenStackLaunch(OpenStackClient *client, const OpenStackSettings &settings,
                    const MachineRequest &request, ResourceJournal *journal, QObject *context,
                    MachineProvider::Callback<QList<ProvidedMachine>> done);

    void start();

    /// "sparkdeck-<cluster>": the key pair's and the security group's name.
    static QString resourceName(const QString &clusterName)
    {
        return QStringLiteral("sparkdeck-") + clusterName;
    }
    /// "sparkdeck-cluster=<cluster>": the servers' tag, and the security group's description.
    static QString tagFor(const QString &clusterName)
    {
        return MachineProvider::tagKey() + QLatin1Char('=') + clusterName;
    }

private:
    using IdCallback = std::function<void(const Result<QString> &)>;
    using Lookup = std::function<void(IdCallback)>;

    void resolveFlavor();
    void resolveImage();
    /// Lists `key` at `path`, then lets `choose` pick (or fail).
    void resolve(OpenStackService service, const QString &path, const QString &key,
                 std::function<void(const QList<QJsonObject> &)> choose);
    void ensureKeyPair();
    void ensureSecurityGroup();
    void addRule(const QJsonObject &rule, std::function<void()> next);
    void createServer(int index);
    void resolveFloatingNetwork();
    void attachFloatingIp(QList<CloudResource> machines);
    void waitForPort(const QString &serverId, int polls,
                     std::function<void(const QString &portId)> next);
    void finish();
    /// The journal's entry of `kind` `name`, adopted when `lookup` finds it, else created with
    /// `request` (its id from the answer by `idOf`); then `next` with its id.
    void ensure(const QString &kind, const QString &name, OpenStackService service,
                const Lookup &lookup, const HttpRequest &request,
                std::function<QString(const QJsonObject &)> idOf,
                std::function<void(const QString &id)> next);
    void sendCreate(const QString &key, OpenStackService service, const Lookup &lookup,
                    HttpRequest request, std::function<QString(const QJsonObject &)> idOf,
                    std::function<void(const QString &id)> next);
    void adopt(const QString &key, const QString &id,
               const std::function<void(const QString &id)> &next);
    void fail(const QString &message);

    OpenStackClient *m_client;
    OpenStackSettings m_settings;
    MachineRequest m_request;
    ResourceJournal *m_journal;
    MachineProvider::Callback<QList<ProvidedMachine>> m_done;
    QString m_flavorId;
    QString m_imageId;
    QString m_groupId;
    QString m_floatingNetworkId;
    QList<ProvidedMachine> m_machines;
};

} // namespace SparkDeck
