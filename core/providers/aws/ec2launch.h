#pragma once

#include "providers/aws/ec2client.h"
#include "providers/machineprovider.h"

#include <QObject>
#include <QStringList>

namespace SparkDeck {

class ResourceJournal;

/// One Ec2Provider::createMachines call, step by step: the user's key as a key pair
/// (ImportKeyPair), the cluster's security group (CreateSecurityGroup; port 22 from the user's
/// address only, everything between members of the group), then one RunInstances for all
/// the machines (MinCount 1, MaxCount N) with a ClientToken, the cluster tag and the user-data.
///
/// Each resource is in the journal before its create call is sent; a create that was sent but
/// never answered stays Intended, and running again reuses its entries and its ClientToken, so
/// EC2 answers with the instances it already launched instead of launching more. Lives as a
/// child of the caller's context: when the context goes, so does the launch, and nothing calls
/// back.
class Ec2Launch : public QObject
{
    Q_OBJECT
public:
    Ec2Launch(Ec2Client *client, const MachineRequest &request, ResourceJournal *journal,
              QObject *context, MachineProvider::Callback<QList<ProvidedMachine>> done);

    void start();

    /// The instance type of a cluster whose file names none: 2 vCPUs, 4 GiB.
    static QString defaultInstanceType() { return QStringLiteral("t3.medium"); }
    /// "sparkdeck-<cluster>": the key pair's and the security group's name.
    static QString resourceName(const QString &clusterName);
    /// TagSpecification.<n> parameters giving `resourceType` the cluster tag and `more` tags.
    static Ec2Client::Parameters
    tagSpecification(int n, const QString &resourceType, const QString &clusterName,
                     const QList<std::pair<QString, QString>> &more = {});
    /// The tag that names a RunInstances batch's machines: "1,2,3" for demo-1, demo-2, demo-3
    /// (an instance is the one at its amiLaunchIndex), so that a run whose answer was lost
    /// finds which instance is which machine. Empty when the names do not fit a tag.
    static QString batchTagKey() { return QStringLiteral("sparkdeck-batch"); }
    static QString batchTagValue(const QString &clusterName, const QStringList &names);
    /// The machine name of the instance at `launchIndex` of a batch, or empty.
    static QString nameInBatch(const QString &clusterName, const QString &batchTagValue,
                               int launchIndex);

private:
    void importKeyPair();
    void createSecurityGroup();
    void findSecurityGroup(const QString &intentKey);
    void authorizeSsh();
    void authorizeGroup();
    void runInstances();
    void handleLaunched(const Ec2Answer &answer, const QStringList &keys);

    /// An outstanding entry of this cluster in the journal: kind and name match.
    std::optional<CloudResource> journalEntry(const QString &kind, const QString &name) const;
    /// The existing Intended entry for (kind, name), or a new intent; empty on a write failure.
    QString intentFor(const QString &kind, const QString &name);
    bool record(const Status &status);
    void fail(const QString &message);
    void finish(const Result<QList<ProvidedMachine>> &result);

    Ec2Client *m_client;
    MachineRequest m_request;
    ResourceJournal *m_journal;
    MachineProvider::Callback<QList<ProvidedMachine>> m_done;
    QString m_groupId;
};

} // namespace SparkDeck
