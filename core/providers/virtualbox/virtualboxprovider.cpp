#include "virtualboxprovider.h"

#include "providers/providerregistry.h"
#include "providers/virtualbox/cloudimagecache.h"
#include "providers/virtualbox/hostonlynetworks.h"
#include "providers/virtualbox/seediso.h"
#include "providers/virtualbox/vboxmanage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTimer>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::VirtualBoxProvider)
};

constexpr int UnlockTries = 10; // a VM just powered off stays locked by its session a moment
constexpr int UnlockDelayMs = 500;

bool isGone(const VBoxResult &result)
{
    return result.err.contains("VBOX_E_OBJECT_NOT_FOUND") || result.err.contains("Could not find");
}

QString vmOf(const CloudResource &resource)
{
    return resource.id.isEmpty() ? resource.details.value(QLatin1String("vm")).toString()
                                 : resource.id;
}
} // namespace

VirtualBoxProvider::VirtualBoxProvider(const VirtualBoxOptions &options,
                                       const QProcessEnvironment &environment, QObject *parent)
    : MachineProvider(parent)
    , m_options(options)
    , m_vbox(new VBoxManage(environment, this))
    , m_seedIso(new SeedIso(environment, this))
    , m_images(new CloudImageCache(QDir(options.cacheDirectory).filePath(QStringLiteral("images")),
                                   this))
{}

VirtualBoxProvider::~VirtualBoxProvider() = default;

Result<std::unique_ptr<MachineProvider>> VirtualBoxProvider::create(const ProviderSettings &)
{
    VirtualBoxOptions options;
    options.cacheDirectory = defaultCacheDirectory();
    options.hostOnlyNets = HostOnlyNetworks::usesHostOnlyNets();
    return std::unique_ptr<MachineProvider>(std::make_unique<VirtualBoxProvider>(options));
}

QString VirtualBoxProvider::defaultCacheDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
           + QStringLiteral("/SparkDeck/virtualbox");
}

void VirtualBoxProvider::listChoices(QObject *context, Callback<ProviderChoices> done)
{
    m_vbox->run(
        {QStringLiteral("list"), QStringLiteral("hostinfo")}, context,
        [done](const VBoxResult &result) {
            if (!result.ok()) {
                done(Error{result.describe()});
                return;
            }
            static const QRegularExpression cpus(
                QStringLiteral("Processor online count:\\s*(\\d+)"));
            static const QRegularExpression memory(QStringLiteral("Memory size:\\s*(\\d+)"));
            const QString info = QString::fromUtf8(result.out);
            const int hostCpus = cpus.match(info).captured(1).toInt();
            const qint64 hostMiB = memory.match(info).captured(1).toLongLong();
            ProviderChoices choices;
            choices.regions.append({QStringLiteral("local"), Tr::tr("This computer"), true});
            for (const QString &preset : {QStringLiteral("1cpu-1536m"), QStringLiteral("2cpu-2g"),
                                          QStringLiteral("2cpu-4g"), QStringLiteral("4cpu-8g")}) {
                const VmSize size = *VmSize::parse(preset);
                if (size.cpus <= hostCpus && size.memoryMiB + 2048 <= hostMiB)
                    choices.sizes.append({preset, size.cpus, size.memoryMiB, 0, 0.0, {}});
            }
            choices.images.append(
                {CloudImageCache::defaultImage(), Tr::tr("Debian 12 (cloud image)"), {}});
            done(choices);
        });
}

void VirtualBoxProvider::createMachines(const MachineRequest &request, ResourceJournal *journal,
                                        QObject *context, Callback<QList<ProvidedMachine>> done)
{
    auto *launch = new VirtualBoxLaunch(m_vbox, m_seedIso, m_images, m_options, request, journal,
                                        context, std::move(done));
    QTimer::singleShot(0, launch, &VirtualBoxLaunch::start);
}

void VirtualBoxProvider::describeMachines(const QStringList &ids, QObject *context,
                                          Callback<QList<ProvidedMachine>> done)
{
    describeFrom(ids, 0, std::make_shared<QList<ProvidedMachine>>(), context, std::move(done));
}

void VirtualBoxProvider::describeFrom(const QStringList &ids, int index,
                                      const std::shared_ptr<QList<ProvidedMachine>> &machines,
                                      QObject *context, Callback<QList<ProvidedMachine>> done)
{
    if (index >= ids.size()) {
        QTimer::singleShot(0, context, [done, machines] { done(*machines); });
        return;
    }
    const QString vm = ids.at(index);
    m_vbox->run(
        {QStringLiteral("showvminfo"), vm, QStringLiteral("--machinereadable")}, context,
        [=](const VBoxResult &info) {
            ProvidedMachine machine;
            machine.id = vm;
            machine.hourlyPrice = 0.0;
            if (!info.ok() && !isGone(info)) {
                done(Error{info.describe()});
                return;
            }
            static const QRegularExpression state(QStringLiteral("^VMState=\"([^\"]*)\"$"),
                                                  QRegularExpression::MultilineOption);
            machine.statusText = info.ok() ? state.match(QString::fromUtf8(info.out)).captured(1)
                                           : QStringLiteral("unregistered");
            machine.status = !info.ok() ? ProvidedMachine::Status::Gone
                             : machine.statusText == QLatin1String("running")
                                 ? ProvidedMachine::Status::Ready
                             : machine.statusText == QLatin1String("starting")
                                 ? ProvidedMachine::Status::Pending
                                 : ProvidedMachine::Status::Failed;
            if (!info.ok()) {
                *machines << machine;
                describeFrom(ids, index + 1, machines, context, done);
                return;
            }
            m_vbox->run({QStringLiteral("getextradata"), vm, VirtualBoxLaunch::addressKey()},
                        context, [=](const VBoxResult &address) mutable {
                            machine.publicAddress = machine.privateAddress = address.value();
                            *machines << machine;
                            describeFrom(ids, index + 1, machines, context, done);
                        });
        });
}

void VirtualBoxProvider::destroy(const CloudResource &resource, QObject *context,
                                 StatusCallback done)
{
    if (resource.isMachine())
        destroyMachine(resource, context, std::move(done));
    else if (resource.kind == QLatin1String("network"))
        destroyNetwork(resource, context, std::move(done));
    else
        QTimer::singleShot(0, context, [done, resource] {
            done(Error{Tr::tr("SparkDeck does not know how to delete a VirtualBox %1 (%2).")
                           .arg(resource.kind, resource.id)});
        });
}

void VirtualBoxProvider::destroyMachine(const CloudResource &resource, QObject *context,
                                        StatusCallback done)
{
    const QString vm = vmOf(resource);
    const QString seed = resource.details.value(QLatin1String("seed")).toString();
    // Powering off a VM that is not running fails harmlessly.
    m_vbox->run({QStringLiteral("controlvm"), vm, QStringLiteral("poweroff")}, context,
                [this, vm, seed, context, done](const VBoxResult &) {
                    unregisterVm(vm, seed, UnlockTries, context, done);
                });
}

void VirtualBoxProvider::unregisterVm(const QString &vm, const QString &seed, int triesLeft,
                                      QObject *context, StatusCallback done)
{
    m_vbox->run({QStringLiteral("unregistervm"), vm, QStringLiteral("--delete")}, context,
                [=](const VBoxResult &result) {
                    if (!result.ok() && !isGone(result)) {
                        if (result.err.contains("locked") && triesLeft > 0)
                            QTimer::singleShot(UnlockDelayMs, context, [=] {
                                unregisterVm(vm, seed, triesLeft - 1, context, done);
                            });
                        else
                            done(Error{result.describe()});
                        return;
                    }
                    if (seed.isEmpty()) {
                        done(success());
                        return;
                    }
                    // Unregisters the ISO from VirtualBox's media and deletes it; a seed never
                    // attached is only a file.
                    m_vbox->run({QStringLiteral("closemedium"), QStringLiteral("dvd"), seed,
                                 QStringLiteral("--delete")},
                                context, [seed, done](const VBoxResult &) {
                                    QFile::remove(seed);
                                    done(success());
                                });
                });
}

void VirtualBoxProvider::destroyNetwork(const CloudResource &resource, QObject *context,
                                        StatusCallback done)
{
    if (resource.id.isEmpty()) { // its create command never answered with a name
        QTimer::singleShot(0, context, [done] { done(success()); });
        return;
    }
    const QStringList remove
        = m_options.hostOnlyNets
              ? QStringList{QStringLiteral("hostonlynet"), QStringLiteral("remove"),
                            QStringLiteral("--name"), resource.id}
              : QStringList{QStringLiteral("hostonlyif"), QStringLiteral("remove"), resource.id};
    m_vbox->run(remove, context, [this, resource, context, done](const VBoxResult &result) {
        if (!result.ok() && !isGone(result) && !result.err.contains("not found")) {
            done(Error{result.describe()});
            return;
        }
        // setextradata without a value deletes the key.
        m_vbox->run({QStringLiteral("setextradata"), QStringLiteral("global"),
                     VirtualBoxLaunch::networkKey(resource.id)},
                    context, [done](const VBoxResult &) { done(success()); });
    });
}

void VirtualBoxProvider::findTagged(const QString &clusterName, QObject *context,
                                    Callback<QList<CloudResource>> done)
{
    m_vbox->run(
        {QStringLiteral("list"), QStringLiteral("vms")}, context, [=](const VBoxResult &result) {
            if (!result.ok()) {
                done(Error{result.describe()});
                return;
            }
            static const QRegularExpression line(QStringLiteral("^\"(.*)\" \\{[0-9a-f-]+\\}$"),
                                                 QRegularExpression::MultilineOption);
            QStringList vms;
            for (auto it = line.globalMatch(QString::fromUtf8(result.out)); it.hasNext();) {
                const QString vm = it.next().captured(1);
                if (vm.startsWith(QLatin1String("sparkdeck-"))
                    && !vm.startsWith(QLatin1String("sparkdeck-base-")))
                    vms << vm;
            }
            findTaggedVms(vms, 0, clusterName, std::make_shared<QList<CloudResource>>(), context,
                          done);
        });
}

void VirtualBoxProvider::findTaggedVms(const QStringList &vms, int index,
                                       const QString &clusterName,
                                       const std::shared_ptr<QList<CloudResource>> &found,
                                       QObject *context, Callback<QList<CloudResource>> done)
{
    const auto resource = [](const QString &kind, const QString &id) {
        CloudResource tagged;
        tagged.provider = QStringLiteral("virtualbox");
        tagged.kind = kind;
        tagged.id = id;
        tagged.name = id;
        tagged.region = QStringLiteral("local");
        tagged.state = CloudResource::State::Created;
        return tagged;
    };
    if (index < vms.size()) {
        m_vbox->run({QStringLiteral("getextradata"), vms.at(index), VirtualBoxLaunch::clusterKey()},
                    context, [=](const VBoxResult &result) {
                        if (result.ok() && result.value() == clusterName) {
                            CloudResource machine
                                = resource(CloudResource::kMachineKind, vms.at(index));
                            machine.name = VirtualBoxLaunch::machineName(vms.at(index));
                            *found << machine;
                        }
                        findTaggedVms(vms, index + 1, clusterName, found, context, done);
                    });
        return;
    }
    m_vbox->run(
        {QStringLiteral("getextradata"), QStringLiteral("global"), QStringLiteral("enumerate")},
        context, [=](const VBoxResult &result) {
            if (!result.ok()) {
                done(Error{result.describe()});
                return;
            }
            // "Key: sparkdeck-network/vboxnet1, Value: demo"
            static const QRegularExpression entry(
                QStringLiteral("^Key: sparkdeck-network/(.+), Value: (.*)$"),
                QRegularExpression::MultilineOption);
            for (auto it = entry.globalMatch(QString::fromUtf8(result.out)); it.hasNext();) {
                const QRegularExpressionMatch match = it.next();
                if (match.captured(2).trimmed() == clusterName)
                    *found << resource(QStringLiteral("network"), match.captured(1));
            }
            done(*found);
        });
}

void VirtualBoxProvider::preflight(const VirtualBoxNeeds &needs, QObject *context,
                                   Callback<QList<PreflightFinding>> done)
{
    m_vbox->run({QStringLiteral("list"), QStringLiteral("hostinfo")}, context,
                [this, needs, done](const VBoxResult &result) {
                    const QString host = Tr::tr("this computer");
                    if (!result.ok()) {
                        done(QList<PreflightFinding>{
                            {host, QStringLiteral("virtualbox"), PreflightFinding::Status::Error,
                             result.started ? result.describe() : Tr::tr("VBoxManage not found"),
                             result.started ? QString() : VBoxManage::notInstalledMessage()}});
                        return;
                    }
                    // The folder the cache will be in, when it is not made yet.
                    QString cache = m_options.cacheDirectory;
                    while (!QFileInfo::exists(cache) && QFileInfo(cache).path() != cache)
                        cache = QFileInfo(cache).path();
                    QList<PreflightFinding> findings{{host,
                                                      QStringLiteral("virtualbox"),
                                                      PreflightFinding::Status::Ok,
                                                      m_vbox->program(),
                                                      {}}};
                    findings << VirtualBoxPreflight::evaluate(
                        result.out, QStorageInfo(cache).bytesAvailable(), needs);
                    done(findings);
                });
}

} // namespace SparkDeck
