#pragma once

#include "providers/machineprovider.h"
#include "providers/virtualbox/cloudimagecache.h"
#include "providers/virtualbox/vboxmanage.h"

#include <QObject>
#include <QSet>

namespace SparkDeck {

class ResourceJournal;
class SeedIso;

/// A VM's CPUs and memory, as the cluster file's `machines.size` writes them: "2cpu-4g",
/// "1cpu-1536m".
struct VmSize
{
    int cpus = 2;
    int memoryMiB = 2048;

    static Result<VmSize> parse(const QString &text);
};

/// How VirtualBoxProvider makes its machines; shared by the launch and the provider.
struct VirtualBoxOptions
{
    QString cacheDirectory;    ///< downloaded images, base disks, seed ISOs
    bool hostOnlyNets = false; ///< macOS with VirtualBox 7: `hostonlynet`, else `hostonlyif`
};

/// One VirtualBoxProvider::createMachines call, step by step: the cloud image (cached and
/// verified), a base VM made from it once and snapshotted (shared by every cluster), the
/// cluster's host-only network (a free /24 of 192.168.56.0/21, host at .1), then per machine a
/// linked clone of the base snapshot with NAT and the host-only adapter, a NoCloud seed ISO
/// (user-data, meta-data, network-config with a fixed address), the cluster tag as extradata,
/// and a headless start. Every VM and network is in the journal before the command that creates
/// it runs. Lives as a child of the caller's context.
class VirtualBoxLaunch : public QObject
{
    Q_OBJECT
public:
    VirtualBoxLaunch(VBoxManage *vbox, SeedIso *seedIso, CloudImageCache *images,
                     const VirtualBoxOptions &options, const MachineRequest &request,
                     ResourceJournal *journal, QObject *context,
                     MachineProvider::Callback<QList<ProvidedMachine>> done);

    void start();

    /// "sparkdeck-<name>": the VirtualBox VM of a machine.
    static QString vmName(const QString &machineName);
    static QString machineName(const QString &vmName);
    /// The extradata keys SparkDeck tags with.
    static QString clusterKey() { return QStringLiteral("sparkdeck-cluster"); }
    static QString addressKey() { return QStringLiteral("sparkdeck-address"); }
    /// Global extradata that tags a host-only network with its cluster.
    static QString networkKey(const QString &network)
    {
        return QStringLiteral("sparkdeck-network/") + network;
    }

private:
    void ensureBaseVm(const CachedImage &image);
    void createBaseVm(const CachedImage &image, const QString &baseVm);
    void ensureNetwork();
    void createNetwork(int subnet);
    void createNextMachine();
    void tagMachine(const QString &key, const CloudResource &machine);
    void configureMachine(const QString &key, const CloudResource &machine);
    void startMachine(const CloudResource &machine);

    /// Runs `arguments`; on success `next`, else fails with VBoxManage's explained error.
    void run(const QStringList &arguments, std::function<void(const VBoxResult &)> next);
    std::optional<CloudResource> journalEntry(const QString &kind, const QString &name) const;
    bool record(const Status &status);
    void fail(const QString &message);

    VBoxManage *m_vbox;
    SeedIso *m_seedIso;
    CloudImageCache *m_images;
    VirtualBoxOptions m_options;
    MachineRequest m_request;
    ResourceJournal *m_journal;
    MachineProvider::Callback<QList<ProvidedMachine>> m_done;
    QString m_baseVm;
    QString m_network;
    int m_subnet = 0;
    QSet<QString> m_takenAddresses;
    int m_next = 0;
    QList<ProvidedMachine> m_machines;
};

} // namespace SparkDeck
