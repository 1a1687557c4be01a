#pragma once

#include "providers/gce/gceclient.h"
#include "providers/machineprovider.h"

#include <QObject>

namespace SparkDeck {

class ResourceJournal;

/// Where a GCE cluster lives and what its machines are made of.
struct GceSettings
{
    QString zone = QStringLiteral("us-central1-a");
    QString machineType = QStringLiteral("e2-standard-2");
    QString image = QStringLiteral("projects/debian-cloud/global/images/family/debian-12");
};

/// One GceProvider::createMachines call: two firewall rules on the default network (port 22
/// from the user's address only, everything between the cluster's machines, which carry the
/// network tag `sparkdeck-<cluster>`), then one instances.insert per machine with the cluster
/// label, the user-data as `user-data` metadata and an external address. Every insert carries
/// a requestId recorded in the journal before the call, so a retry after a lost answer makes
/// nothing twice. Lives as a child of the caller's context.
class GceLaunch : public QObject
{
    Q_OBJECT
public:
    GceLaunch(GceClient *client, const GceSettings &settings, const MachineRequest &request,
              ResourceJournal *journal, QObject *context,
              MachineProvider::Callback<QList<ProvidedMachine>> done);

    void start();

    static QString networkTag(const QString &clusterName)
    {
        return QStringLiteral("sparkdeck-") + clusterName;
    }
    /// The firewalls' description, which the sweep filters on (firewalls have no labels).
    static QString firewallDescription(const QString &clusterName)
    {
        return QStringLiteral("sparkdeck-cluster=") + clusterName;
    }

private:
    void createFirewall(int index);
    void createMachine(int index);
    /// Sends a create with a requestId recorded as the intent's idempotency key.
    void create(CloudResource intent, const HttpRequest &request, std::function<void()> next);
    void fail(const QString &message);

    GceClient *m_client;
    GceSettings m_settings;
    MachineRequest m_request;
    ResourceJournal *m_journal;
    MachineProvider::Callback<QList<ProvidedMachine>> m_done;
    QList<ProvidedMachine> m_machines;
};

} // namespace SparkDeck
