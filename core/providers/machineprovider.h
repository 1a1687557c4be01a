#pragma once

#include "providers/cloudresource.h"
#include "util/result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace SparkDeck {

class ResourceJournal;

struct RegionChoice
{
    QString id;   ///< what the API and the cluster file use: "fra1", "eu-west-1a"
    QString name; ///< for people: "Frankfurt 1"
    bool available = true;
};

struct SizeChoice
{
    QString id; ///< "s-2vcpu-4gb", "t3.medium"
    int cpus = 0;
    qint64 memoryMiB = 0;
    int diskGiB = 0;
    std::optional<double> hourlyPrice; ///< USD, when the API gives it
    QStringList regions;               ///< where it is offered; empty: everywhere
};

struct ImageChoice
{
    QString id;   ///< "debian-12-x64", "ami-0abc..."
    QString name; ///< "Debian 12 x64"
    QStringList regions;
};

/// What the wizard offers for a provider, live from its API.
struct ProviderChoices
{
    QList<RegionChoice> regions;
    QList<SizeChoice> sizes;
    QList<ImageChoice> images;
};

/// The machines a cluster asks a provider for. Names are unique per cluster ("demo-1",
/// "demo-2"...); a provider that can batch creates them in one call.
struct MachineRequest
{
    QString clusterName;
    QStringList names;
    QString region;
    QString size;
    QString image;
    QString userData;     ///< cloud-init user-data (CloudInitRenderer)
    QString sshPublicKey; ///< one OpenSSH public key line: the user's key
    /// Who may reach port 22: the user's current address as CIDR ("203.0.113.7/32").
    QString sshSourceCidr;
};

/// A machine as the provider reports it now.
struct ProvidedMachine
{
    enum class Status { Pending, Ready, Failed, Gone };

    QString id;
    QString name;
    Status status = Status::Pending;
    QString statusText; ///< the provider's own word ("new", "active", "running")
    QString publicAddress;
    QString privateAddress;
    std::optional<double> hourlyPrice;
};

/// One way machines come to exist: a cloud API or a local hypervisor (ARCHITECTURE: core/
/// providers). Asynchronous and callback-based: every call takes a `context`, and its callback
/// runs later on the context's thread, exactly once, unless the context was destroyed first
/// (a cancelled task deletes its context; nothing runs after). A callback never runs before
/// the call returns.
///
/// The rules every provider keeps (the tasks in this folder rely on them):
/// - createMachines() records each resource with ResourceJournal::recordIntent(s) *before* the
///   call that creates it is sent, with the provider's idempotency key where it has one, then
///   recordCreated() / recordNotCreated() as answers come. On a failure half-way it reports the
///   error; the journal holds what exists.
/// - Every resource carries the cluster tag: tagKey() = clusterName (DigitalOcean, whose tags
///   are flat, writes "sparkdeck-cluster:<name>"), so findTagged() finds what a crash hid.
/// - destroy() of something already gone succeeds.
/// - Messages say what failed and what to do; they never contain a credential.
class MachineProvider : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(const Result<T> &)>;
    using StatusCallback = std::function<void(const Status &)>;

    using QObject::QObject;

    /// The cluster file's word for it: "digitalocean", "ec2", "virtualbox"...
    virtual QString id() const = 0;
    /// The most machines one create call may ask for (DigitalOcean names[]: 10). 1: no batches.
    virtual int maxBatch() const { return 1; }

    virtual void listChoices(QObject *context, Callback<ProviderChoices> done) = 0;
    /// Creates request.names.size() machines and what they need (a key, a firewall). Done
    /// gets the machines as the create calls answered (often Pending, without addresses).
    virtual void createMachines(const MachineRequest &request, ResourceJournal *journal,
                                QObject *context, Callback<QList<ProvidedMachine>> done)
        = 0;
    /// The machines with these ids as they are now. A machine the API does not know (yet, right
    /// after creation; or any more) is reported Gone only when the provider is sure.
    virtual void describeMachines(const QStringList &ids, QObject *context,
                                  Callback<QList<ProvidedMachine>> done)
        = 0;
    /// Deletes one resource the journal holds; one already gone is a success.
    virtual void destroy(const CloudResource &resource, QObject *context, StatusCallback done) = 0;
    /// Every resource that carries this cluster's tag (state Created, with id and kind).
    virtual void findTagged(const QString &clusterName, QObject *context,
                            Callback<QList<CloudResource>> done)
        = 0;

    /// The tag (label) key every resource carries, with the cluster's name as its value.
    static QString tagKey() { return QStringLiteral("sparkdeck-cluster"); }
};

} // namespace SparkDeck
