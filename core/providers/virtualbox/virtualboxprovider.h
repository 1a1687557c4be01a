#pragma once

#include "providers/machineprovider.h"
#include "providers/virtualbox/virtualboxlaunch.h"
#include "providers/virtualbox/virtualboxpreflight.h"

#include <QProcessEnvironment>

#include <memory>

namespace SparkDeck {

class CloudImageCache;
class SeedIso;
class VBoxManage;
struct ProviderSettings;

/// VirtualBox VMs on the user's own computer, through `VBoxManage` (VirtualBoxLaunch makes
/// them). A machine's id is its VM's name; Ready means the VM runs (the address is fixed, so
/// SSH readiness follows). Teardown powers a VM off, unregisters it with its disk (a linked
/// clone's difference image) and deletes its seed ISO; the cluster's host-only network goes
/// with it. The sweep finds VMs by their `sparkdeck-cluster` extradata and networks by global
/// extradata. Costs nothing per hour.
class VirtualBoxProvider : public MachineProvider
{
    Q_OBJECT
public:
    VirtualBoxProvider(const VirtualBoxOptions &options,
                       const QProcessEnvironment &environment
                       = QProcessEnvironment::systemEnvironment(),
                       QObject *parent = nullptr);
    ~VirtualBoxProvider() override;
    /// The cache in SparkDeck's cache folder; host-only networks as this platform makes them.
    static Result<std::unique_ptr<MachineProvider>> create(const ProviderSettings &settings);
    /// Images, base disks and seed ISOs: SparkDeck's folder in the user's cache.
    static QString defaultCacheDirectory();

    QString id() const override { return QStringLiteral("virtualbox"); }
    void listChoices(QObject *context, Callback<ProviderChoices> done) override;
    void createMachines(const MachineRequest &request, ResourceJournal *journal, QObject *context,
                        Callback<QList<ProvidedMachine>> done) override;
    void describeMachines(const QStringList &ids, QObject *context,
                          Callback<QList<ProvidedMachine>> done) override;
    void destroy(const CloudResource &resource, QObject *context, StatusCallback done) override;
    void findTagged(const QString &clusterName, QObject *context,
                    Callback<QList<CloudResource>> done) override;

    /// Checks this computer for `needs`: VBoxManage present, virtualization, memory, disk.
    void preflight(const VirtualBoxNeeds &needs, QObject *context,
                   Callback<QList<PreflightFinding>> done);

private:
    void describeFrom(const QStringList &ids, int index,
                      const std::shared_ptr<QList<ProvidedMachine>> &machines, QObject *context,
                      Callback<QList<ProvidedMachine>> done);
    void destroyMachine(const CloudResource &resource, QObject *context, StatusCallback done);
    void unregisterVm(const QString &vm, const QString &seed, int triesLeft, QObject *context,
                      StatusCallback done);
    void destroyNetwork(const CloudResource &resource, QObject *context, StatusCallback done);
    void findTaggedVms(const QStringList &vms, int index, const QString &clusterName,
                       const std::shared_ptr<QList<CloudResource>> &found, QObject *context,
                       Callback<QList<CloudResource>> done);

    VirtualBoxOptions m_options;
    VBoxManage *m_vbox;
    SeedIso *m_seedIso;
    CloudImageCache *m_images;
};

} // namespace SparkDeck
