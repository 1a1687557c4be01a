#pragma once

#include "providers/aws/awscredentials.h"
#include "providers/machineprovider.h"

#include <QUrl>

#include <memory>

namespace SparkDeck {

class Ec2Client;
struct ProviderSettings;

/// AWS EC2 machines through the Query API (see Ec2Client; Ec2Launch creates them). Regions,
/// current x86-64 instance types (CPUs, memory; prices from Ec2PriceTable, as the API has none)
/// and Debian 12 images from Debian's own AWS account (Ec2DebianImages). Every resource carries the
/// tag `sparkdeck-cluster=<name>`. Teardown terminates instances (a machine recorded but never
/// answered for is found by its ClientToken), waits until none is left in the security group,
/// then deletes the group and the key pair; the sweep finds all three kinds by tag.
class Ec2Provider : public MachineProvider
{
    Q_OBJECT
public:
    Ec2Provider(const QUrl &endpoint, const AwsCredentials &credentials, const QString &region,
                QObject *parent = nullptr);
    /// From the cluster's settings: credentials (access_key_id, secret_access_key, optional
    /// session_token), region (the cluster file's, else the credentials', else us-east-1) and
    /// the endpoint (the region's, unless settings.apiBaseUrl overrides it).
    static Result<std::unique_ptr<MachineProvider>> create(const ProviderSettings &settings);

    QString id() const override { return QStringLiteral("ec2"); }
    int maxBatch() const override { return 20; }
    void listChoices(QObject *context, Callback<ProviderChoices> done) override;
    void createMachines(const MachineRequest &request, ResourceJournal *journal, QObject *context,
                        Callback<QList<ProvidedMachine>> done) override;
    void describeMachines(const QStringList &ids, QObject *context,
                          Callback<QList<ProvidedMachine>> done) override;
    void destroy(const CloudResource &resource, QObject *context, StatusCallback done) override;
    void findTagged(const QString &clusterName, QObject *context,
                    Callback<QList<CloudResource>> done) override;

    /// The API client, for tests that shorten its retry delays.
    Ec2Client *client() const { return m_client; }
    /// How long to wait between two looks while a security group still has instances.
    void setPollIntervalMs(int milliseconds) { m_pollIntervalMs = milliseconds; }

private:
    void terminate(const QStringList &ids, QObject *context, StatusCallback done);
    void terminateByClientToken(const QString &token, QObject *context, StatusCallback done);
    void deleteSecurityGroup(const CloudResource &resource, QObject *context, StatusCallback done);
    void deleteGroupWhenEmpty(const QString &groupId, int looksLeft, QObject *context,
                              StatusCallback done);
    void deleteKeyPair(const CloudResource &resource, QObject *context, StatusCallback done);

    Ec2Client *m_client;
    int m_pollIntervalMs = 5000;
};

} // namespace SparkDeck
