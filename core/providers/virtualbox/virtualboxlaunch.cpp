#include "virtualboxlaunch.h"

#include "providers/resourcejournal.h"
#include "providers/virtualbox/hostonlynetworks.h"
#include "providers/virtualbox/seediso.h"
#include "render/nocloudseed.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::VirtualBoxLaunch)
};

const QString BaseSnapshot = QStringLiteral("sparkdeck-base");

/// A stable MAC in VirtualBox's own range (08:00:27) for one adapter of one VM.
QString macFor(const QString &vm, const QString &adapter)
{
    const QByteArray hash = QCryptographicHash::hash((vm + QLatin1Char('/') + adapter).toUtf8(),
                                                     QCryptographicHash::Sha256);
    return QStringLiteral("08:00:27:") + QString::fromLatin1(hash.left(3).toHex(':'));
}

QString withoutColons(QString mac)
{
    return mac.remove(QLatin1Char(':'));
}
} // namespace

Result<VmSize> VmSize::parse(const QString &text)
{
    if (text.isEmpty())
        return VmSize();
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("(\\d{1,3})cpu-(\\d{1,6})([gm])")));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch() || match.captured(1).toInt() < 1)
        return Error{
            Tr::tr("VirtualBox size '%1' must read like 2cpu-4g or 1cpu-1536m (CPUs, then memory).")
                .arg(text)};
    const int amount = match.captured(2).toInt();
    const int memoryMiB = match.captured(3) == QLatin1String("g") ? amount * 1024 : amount;
    if (memoryMiB < 512)
        return Error{
            Tr::tr("VirtualBox size '%1' gives less than 512 MiB of memory; Spark needs more.")
                .arg(text)};
    return VmSize{match.captured(1).toInt(), memoryMiB};
}

VirtualBoxLaunch::VirtualBoxLaunch(VBoxManage *vbox, SeedIso *seedIso, CloudImageCache *images,
                                   const VirtualBoxOptions &options, const MachineRequest &request,
                                   ResourceJournal *journal, QObject *context,
                                   MachineProvider::Callback<QList<ProvidedMachine>> done)
    : QObject(context)
    , m_vbox(vbox)
    , m_seedIso(seedIso)
    , m_images(images)
    , m_options(options)
    , m_request(request)
    , m_journal(journal)
    , m_done(std::move(done))
{}

QString VirtualBoxLaunch::vmName(const QString &machineName)
{
    return QStringLiteral("sparkdeck-") + machineName;
}

QString VirtualBoxLaunch::machineName(const QString &vmName)
{
    return vmName.mid(QStringLiteral("sparkdeck-").size());
}

void VirtualBoxLaunch::start()
{
    if (m_vbox->program().isEmpty()) {
        fail(VBoxManage::notInstalledMessage());
        return;
    }
    if (const Result<QString> tool = m_seedIso->tool(); !tool) {
        fail(tool.errorMessage());
        return;
    }
    if (const Result<VmSize> size = VmSize::parse(m_request.size); !size) {
        fail(size.errorMessage());
        return;
    }
    const QString image
        = m_request.image.isEmpty() ? CloudImageCache::defaultImage() : m_request.image;
    m_images->fetch(image, this, [this](const Result<CachedImage> &cached) {
        if (!cached)
            fail(cached.errorMessage());
        else
            ensureBaseVm(*cached);
    });
}

void VirtualBoxLaunch::ensureBaseVm(const CachedImage &image)
{
    // One base VM per image, shared by all clusters: a cache, like the image itself.
    m_baseVm = QStringLiteral("sparkdeck-base-") + image.digest.left(12);
    m_vbox->run({QStringLiteral("showvminfo"), m_baseVm, QStringLiteral("--machinereadable")}, this,
                [this, image](const VBoxResult &result) {
                    if (result.ok()
                        && result.out.contains("SnapshotName=\"" + BaseSnapshot.toUtf8() + '"')) {
                        ensureNetwork();
                    } else if (result.ok()) {
                        // Left half-made by a run that stopped: made again from the start.
                        run({QStringLiteral("unregistervm"), m_baseVm, QStringLiteral("--delete")},
                            [this, image](const VBoxResult &) { createBaseVm(image, m_baseVm); });
                    } else {
                        createBaseVm(image, m_baseVm);
                    }
                });
}

void VirtualBoxLaunch::createBaseVm(const CachedImage &image, const QString &baseVm)
{
    const QString disk
        = QDir(m_options.cacheDirectory).filePath(QStringLiteral("disks/%1.vdi").arg(baseVm));
    QDir().mkpath(QFileInfo(disk).path());
    const QStringList convert
        = image.path.endsWith(QLatin1String(".raw"))
              ? QStringList{QStringLiteral("convertfromraw"), image.path, disk,
                            QStringLiteral("--format"), QStringLiteral("VDI")}
              : QStringList{QStringLiteral("clonemedium"), QStringLiteral("disk"), image.path, disk,
                            QStringLiteral("--format"),    QStringLiteral("VDI")};
    const auto steps = [this, baseVm, disk] {
        run({QStringLiteral("createvm"), QStringLiteral("--name"), baseVm,
             QStringLiteral("--ostype"), QStringLiteral("Debian_64"), QStringLiteral("--register")},
            [=](const VBoxResult &) {
                run({QStringLiteral("modifyvm"), baseVm, QStringLiteral("--memory"),
                     QStringLiteral("1024"), QStringLiteral("--cpus"), QStringLiteral("1"),
                     QStringLiteral("--ioapic"), QStringLiteral("on"),
                     QStringLiteral("--rtcuseutc"), QStringLiteral("on"), QStringLiteral("--boot1"),
                     QStringLiteral("disk")},
                    [=](const VBoxResult &) {
                        run({QStringLiteral("storagectl"), baseVm, QStringLiteral("--name"),
                             QStringLiteral("SATA"), QStringLiteral("--add"),
                             QStringLiteral("sata"), QStringLiteral("--portcount"),
                             QStringLiteral("2")},
                            [=](const VBoxResult &) {
                                run({QStringLiteral("storageattach"), baseVm,
                                     QStringLiteral("--storagectl"), QStringLiteral("SATA"),
                                     QStringLiteral("--port"), QStringLiteral("0"),
                                     QStringLiteral("--device"), QStringLiteral("0"),
                                     QStringLiteral("--type"), QStringLiteral("hdd"),
                                     QStringLiteral("--medium"), disk},
                                    [=](const VBoxResult &) {
                                        run({QStringLiteral("snapshot"), baseVm,
                                             QStringLiteral("take"), BaseSnapshot},
                                            [this](const VBoxResult &) { ensureNetwork(); });
                                    });
                            });
                    });
            });
    };
    if (QFileInfo::exists(disk))
        steps(); // converted by an earlier run that stopped before the VM was made
    else
        run(convert, [steps](const VBoxResult &) { steps(); });
}

void VirtualBoxLaunch::ensureNetwork()
{
    const QString name = QStringLiteral("sparkdeck-") + m_request.clusterName;
    if (const std::optional<CloudResource> network = journalEntry(QStringLiteral("network"), name);
        network && network->state == CloudResource::State::Created) {
        m_network = network->id;
        m_subnet = network->details.value(QLatin1String("subnet")).toInt();
        createNextMachine();
        return;
    }
    run({QStringLiteral("list"),
         m_options.hostOnlyNets ? QStringLiteral("hostonlynets") : QStringLiteral("hostonlyifs")},
        [this](const VBoxResult &listing) {
            const std::optional<int> subnet
                = HostOnlyNetworks::freeSubnet(HostOnlyNetworks::parse(listing.out));
            if (!subnet) {
                fail(Tr::tr("Every /24 of 192.168.56.0/21, the host-only range VirtualBox allows "
                            "by default, is taken "
                            "by another host-only network. Remove one you no longer use "
                            "(VirtualBox Manager: File > "
                            "Tools > Network Manager), or delete another cluster."));
                return;
            }
            createNetwork(*subnet);
        });
}

void VirtualBoxLaunch::createNetwork(int subnet)
{
    CloudResource network;
    network.provider = QStringLiteral("virtualbox");
    network.kind = QStringLiteral("network");
    network.name = QStringLiteral("sparkdeck-") + m_request.clusterName;
    network.region = QStringLiteral("local");
    network.details.insert(QStringLiteral("subnet"), subnet);
    const Result<QString> key = m_journal->recordIntent(network);
    if (!key) {
        fail(key.errorMessage());
        return;
    }
    m_subnet = subnet;
    const QString hostAddress = QStringLiteral("192.168.%1.1").arg(subnet);
    // Recorded as soon as it exists, then tagged: down finds it by the journal or by the tag.
    const auto created
        = [this, key = *key](const QString &name, const std::function<void()> &next) {
              m_network = name;
              if (!record(m_journal->recordCreated(key, name)))
                  return;
              run({QStringLiteral("setextradata"), QStringLiteral("global"), networkKey(name),
                   m_request.clusterName},
                  [next](const VBoxResult &) { next(); });
          };
    if (m_options.hostOnlyNets) {
        run({QStringLiteral("hostonlynet"), QStringLiteral("add"), QStringLiteral("--name"),
             network.name, QStringLiteral("--netmask"), QStringLiteral("255.255.255.0"),
             QStringLiteral("--lower-ip"), hostAddress, QStringLiteral("--upper-ip"),
             QStringLiteral("192.168.%1.254").arg(subnet), QStringLiteral("--enable")},
            [this, created, name = network.name](const VBoxResult &) {
                created(name, [this] { createNextMachine(); });
            });
        return;
    }
    run({QStringLiteral("hostonlyif"), QStringLiteral("create")},
        [this, created, hostAddress](const VBoxResult &result) {
            static const QRegularExpression interfaceName(
                QStringLiteral("Interface '([^']+)' was successfully created"));
            const QString name = interfaceName.match(QString::fromUtf8(result.out)).captured(1);
            if (name.isEmpty()) {
                fail(Tr::tr("VBoxManage hostonlyif create did not name the adapter it made: %1")
                         .arg(QString::fromUtf8(result.out)));
                return;
            }
            created(name, [this, name, hostAddress] {
                run({QStringLiteral("hostonlyif"), QStringLiteral("ipconfig"), name,
                     QStringLiteral("--ip"), hostAddress, QStringLiteral("--netmask"),
                     QStringLiteral("255.255.255.0")},
                    [this](const VBoxResult &) { createNextMachine(); });
            });
        });
}

void VirtualBoxLaunch::createNextMachine()
{
    if (m_next >= m_request.names.size()) {
        deleteLater();
        auto done = std::move(m_done);
        done(m_machines);
        return;
    }
    const QString name = m_request.names.at(m_next++);
    for (const CloudResource &resource : m_journal->outstanding())
        m_takenAddresses.insert(resource.details.value(QLatin1String("address")).toString());
    int host = 10;
    while (m_takenAddresses.contains(QStringLiteral("192.168.%1.%2").arg(m_subnet).arg(host))
           && host < 254)
        ++host;
    CloudResource machine;
    machine.provider = QStringLiteral("virtualbox");
    machine.kind = CloudResource::kMachineKind;
    machine.name = name;
    machine.region = QStringLiteral("local");
    machine.hourlyPrice = 0.0;
    const QString vm = vmName(name);
    machine.details
        = {{QStringLiteral("vm"), vm},
           {QStringLiteral("address"), QStringLiteral("192.168.%1.%2").arg(m_subnet).arg(host)},
           {QStringLiteral("seed"),
            QDir(m_options.cacheDirectory).filePath(QStringLiteral("seeds/%1.iso").arg(vm))}};
    const Result<QString> key = m_journal->recordIntent(machine);
    if (!key) {
        fail(key.errorMessage());
        return;
    }
    m_vbox->run({QStringLiteral("clonevm"), m_baseVm, QStringLiteral("--snapshot"), BaseSnapshot,
                 QStringLiteral("--options"), QStringLiteral("link"), QStringLiteral("--name"), vm,
                 QStringLiteral("--register")},
                this, [this, key = *key, machine](const VBoxResult &result) {
                    if (!result.ok()) {
                        if (result.started)
                            m_journal->recordNotCreated(key);
                        fail(result.describe());
                        return;
                    }
                    const QString address
                        = machine.details.value(QLatin1String("address")).toString();
                    if (record(m_journal->recordCreated(
                            key, machine.details.value(QLatin1String("vm")).toString()))
                        && record(m_journal->recordAddresses(key, address, address)))
                        tagMachine(key, machine);
                });
}

void VirtualBoxLaunch::tagMachine(const QString &key, const CloudResource &machine)
{
    // Tagged first, so that a run that stops right after the clone leaves a VM the sweep finds.
    const QString vm = machine.details.value(QLatin1String("vm")).toString();
    const QString address = machine.details.value(QLatin1String("address")).toString();
    run({QStringLiteral("setextradata"), vm, clusterKey(), m_request.clusterName},
        [=](const VBoxResult &) {
            run({QStringLiteral("setextradata"), vm, addressKey(), address},
                [=](const VBoxResult &) { configureMachine(key, machine); });
        });
}

void VirtualBoxLaunch::configureMachine(const QString &key, const CloudResource &machine)
{
    const QString vm = machine.details.value(QLatin1String("vm")).toString();
    const VmSize size = *VmSize::parse(m_request.size);
    const QString natMac = macFor(vm, QStringLiteral("nat"));
    const QString hostOnlyMac = macFor(vm, QStringLiteral("hostonly"));
    QStringList modify{QStringLiteral("modifyvm"),      vm,
                       QStringLiteral("--cpus"),        QString::number(size.cpus),
                       QStringLiteral("--memory"),      QString::number(size.memoryMiB),
                       QStringLiteral("--nic1"),        QStringLiteral("nat"),
                       QStringLiteral("--nictype1"),    QStringLiteral("virtio"),
                       QStringLiteral("--macaddress1"), withoutColons(natMac)};
    if (m_options.hostOnlyNets)
        modify << QStringLiteral("--nic2") << QStringLiteral("hostonlynet")
               << QStringLiteral("--host-only-net2") << m_network;
    else
        modify << QStringLiteral("--nic2") << QStringLiteral("hostonly")
               << QStringLiteral("--hostonlyadapter2") << m_network;
    modify << QStringLiteral("--nictype2") << QStringLiteral("virtio")
           << QStringLiteral("--macaddress2") << withoutColons(hostOnlyMac);

    const Result<QString> metaData
        = NoCloudSeedRenderer::metaData(vm + QLatin1Char('-') + key.left(8), machine.name);
    const Result<QString> networkConfig = NoCloudSeedRenderer::networkConfig(
        {natMac, hostOnlyMac, machine.details.value(QLatin1String("address")).toString(), 24});
    if (!metaData || !networkConfig) {
        fail(!metaData ? metaData.errorMessage() : networkConfig.errorMessage());
        return;
    }
    const QString seed = machine.details.value(QLatin1String("seed")).toString();
    QDir().mkpath(QFileInfo(seed).path());
    run(modify, [=](const VBoxResult &) {
        m_seedIso->build(
            {m_request.userData, *metaData, *networkConfig}, seed, this, [=](const Status &built) {
                if (!built) {
                    fail(built.errorMessage());
                    return;
                }
                run({QStringLiteral("storageattach"), vm, QStringLiteral("--storagectl"),
                     QStringLiteral("SATA"), QStringLiteral("--port"), QStringLiteral("1"),
                     QStringLiteral("--device"), QStringLiteral("0"), QStringLiteral("--type"),
                     QStringLiteral("dvddrive"), QStringLiteral("--medium"), seed},
                    [=](const VBoxResult &) { startMachine(machine); });
            });
    });
}

void VirtualBoxLaunch::startMachine(const CloudResource &machine)
{
    const QString vm = machine.details.value(QLatin1String("vm")).toString();
    const QString address = machine.details.value(QLatin1String("address")).toString();
    run({QStringLiteral("startvm"), vm, QStringLiteral("--type"), QStringLiteral("headless")},
        [=](const VBoxResult &) {
            ProvidedMachine started;
            started.id = vm;
            started.name = machine.name;
            started.status = ProvidedMachine::Status::Ready;
            started.statusText = QStringLiteral("running");
            started.publicAddress = address;
            started.privateAddress = address;
            started.hourlyPrice = 0.0;
            m_machines << started;
            createNextMachine();
        });
}

void VirtualBoxLaunch::run(const QStringList &arguments,
                           std::function<void(const VBoxResult &)> next)
{
    m_vbox->run(arguments, this, [this, next = std::move(next)](const VBoxResult &result) {
        if (result.ok())
            next(result);
        else
            fail(result.describe());
    });
}

std::optional<CloudResource> VirtualBoxLaunch::journalEntry(const QString &kind,
                                                            const QString &name) const
{
    return m_journal->outstandingEntry(QStringLiteral("virtualbox"), kind, name);
}

bool VirtualBoxLaunch::record(const Status &status)
{
    if (!status)
        fail(status.errorMessage());
    return status.ok();
}

void VirtualBoxLaunch::fail(const QString &message)
{
    deleteLater();
    auto done = std::move(m_done);
    if (done)
        done(Error{message});
}

} // namespace SparkDeck
