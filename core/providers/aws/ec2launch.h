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

    /// "sparkdeck-<cluster>": the key pair's and the security group's name.
    static QString resourceName(const QString &clusterName);
    /// TagSpecification.<n> parameters giving `resourceType` the cluster tag.
    static Ec2Client::Parameters tagSpecification(int n, const QString &resourceType, const QString &clusterName);

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
