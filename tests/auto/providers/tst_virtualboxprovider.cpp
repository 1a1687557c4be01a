// The VirtualBox provider against a stand-in VBoxManage (tests/support/vboxmanage, first on
// PATH) that keeps VirtualBox's state, prints VirtualBox's outputs and records every call: the
// command sequence of a first and a second cluster, the NoCloud seed ISO read back with isoinfo
// and its network-config parsed by cloud-init itself, the classic failures' messages, teardown
// and the sweep by tag, and the preflight of this computer.
#include "clirunner.h"
#include "providercalls.h"
#include "providers/virtualbox/virtualboxprovider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace SparkDeck;
using namespace SparkDeck::Test;

namespace {

const QString StandIn = QStringLiteral(SPARKDECK_SOURCE_DIR "/tests/support/vboxmanage");
const QString PublicKey
    = QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHu5nB3W1dHUP7m4oKk0c1rUJtq user@laptop");

/// Runs a program to its end; its standard output, or nullopt when it failed.
std::optional<QByteArray> output(const QString &program, const QStringList &arguments,
                                 const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        return std::nullopt;
    return process.readAllStandardOutput();
}

} // namespace

class tst_VirtualBoxProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstClusterMakesBaseNetworkAndLinkedClones();
    void seedIsoIsCidataWithUserMetaAndNetworkConfig();
    void secondClusterReusesTheBaseAndGetsItsOwnSubnet();
    void aHalfMadeBaseVmIsMadeAgain();
    void macOsUsesAHostOnlyNetwork();
    void describeReportsRunningVmsWithTheirAddress();
    void downDeletesVmsSeedsAndNetwork();
    void sweepFindsWhatTheJournalLost();
    void startFailuresSayWhatToDo_data();
    void startFailuresSayWhatToDo();
    void hostOnlyRangeRefusedSaysWhatToDo();
    void missingVBoxManageSaysWhatToInstall();
    void missingIsoToolSaysWhatToInstall();
    void preflightChecksThisComputer_data();
    void preflightChecksThisComputer();
    void cliPreflightLooksAtThisComputer();

private:
    std::unique_ptr<VirtualBoxProvider>
    makeProvider(bool hostOnlyNets = false,
                 QProcessEnvironment environment = QProcessEnvironment::systemEnvironment()) const;
    MachineRequest request(const QString &cluster, int machines) const;
    /// Every VBoxManage call so far, each as its arguments.
    QList<QStringList> calls() const;
    QJsonObject standInState() const;
    /// The calls, with the cache folder written as <cache> and the base VM's digest as <base>.
    QStringList callLines() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ResourceJournal> m_journal;
    QString m_image;
    QByteArray m_path;
};

void tst_VirtualBoxProvider::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("genisoimage")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("isoinfo")).isEmpty())
        QSKIP("genisoimage and isoinfo are missing: scripts/install-deps installs them");
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 runs the VBoxManage stand-in: scripts/install-deps installs it");
    m_path = qgetenv("PATH");
}

void tst_VirtualBoxProvider::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("PATH", StandIn.toUtf8() + ':' + m_path);
    qputenv("SPARKDECK_VBOX_STANDIN_DIR", m_dir->filePath(QStringLiteral("vbox")).toUtf8());
    qputenv("SPARKDECK_VBOX_STANDIN_FIXTURES", SPARKDECK_TEST_DATA "/providers/virtualbox");
    qunsetenv("SPARKDECK_VBOX_STANDIN_FAIL");
    qunsetenv("SPARKDECK_VBOX_STANDIN_ALLOWED");
    qunsetenv("SPARKDECK_VBOX_STANDIN_HOSTINFO");
    qunsetenv("SPARKDECK_VBOXMANAGE");
    m_journal = std::make_unique<ResourceJournal>(m_dir->filePath(QStringLiteral("state")));
    m_image = m_dir->filePath(QStringLiteral("debian-12-generic-amd64.qcow2"));
    QFile image(m_image);
    QVERIFY(image.open(QIODevice::WriteOnly));
    image.write(QByteArray("QFI\xfb", 4) + QByteArray(4096, 'x')); // only its digest matters here
}

void tst_VirtualBoxProvider::cleanup()
{
    qputenv("PATH", m_path);
    m_journal.reset();
    m_dir.reset();
}

std::unique_ptr<VirtualBoxProvider>
tst_VirtualBoxProvider::makeProvider(bool hostOnlyNets, QProcessEnvironment environment) const
{
    VirtualBoxOptions options;
    options.cacheDirectory = m_dir->filePath(QStringLiteral("cache"));
    options.hostOnlyNets = hostOnlyNets;
    environment.insert(QStringLiteral("PATH"), QString::fromUtf8(qgetenv("PATH")));
    return std::make_unique<VirtualBoxProvider>(options, environment);
}

MachineRequest tst_VirtualBoxProvider::request(const QString &cluster, int machines) const
{
    MachineRequest request;
    request.clusterName = cluster;
    for (int i = 1; i <= machines; ++i)
        request.names << QStringLiteral("%1-%2").arg(cluster).arg(i);
    request.region = QStringLiteral("local");
    request.size = QStringLiteral("2cpu-2g");
    request.image = m_image;
    request.userData = QStringLiteral("#cloud-config\nhostname: %1\n").arg(cluster);
    request.sshPublicKey = PublicKey;
    return request;
}

QList<QStringList> tst_VirtualBoxProvider::calls() const
{
    QList<QStringList> found;
    QFile log(m_dir->filePath(QStringLiteral("vbox/calls.jsonl")));
    if (!log.open(QIODevice::ReadOnly))
        return found;
    for (const QByteArray &line : log.readAll().split('\n')) {
        QStringList arguments;
        for (const QJsonValue &argument : QJsonDocument::fromJson(line).array())
            arguments << argument.toString();
        if (!arguments.isEmpty())
            found << arguments;
    }
    return found;
}

QJsonObject tst_VirtualBoxProvider::standInState() const
{
    QFile file(m_dir->filePath(QStringLiteral("vbox/state.json")));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}

QStringList tst_VirtualBoxProvider::callLines() const
{
    QStringList lines;
    for (const QStringList &call : calls())
        lines << call.join(QLatin1Char(' '));
    const QString base = lines.value(0).section(QLatin1Char(' '), 1, 1);
    for (QString &line : lines) {
        line.replace(m_dir->filePath(QStringLiteral("cache")), QStringLiteral("<cache>"));
        line.replace(m_image, QStringLiteral("<image>"));
        if (base.startsWith(QLatin1String("sparkdeck-base-")))
            line.replace(base, QStringLiteral("<base>"));
        line.replace(QRegularExpression(QStringLiteral("--macaddress(\\d) 080027[0-9a-f]{6}")),
                     QStringLiteral("--macaddress\\1 <mac>"));
    }
    return lines;
}

void tst_VirtualBoxProvider::firstClusterMakesBaseNetworkAndLinkedClones()
{
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(QStringLiteral("demo"), 2), *m_journal);
    QVERIFY(created);
    QVERIFY2(*created, qPrintable(created->ok() ? QString() : created->errorMessage()));

    QCOMPARE(
        callLines(),
        QStringList({
            QStringLiteral("showvminfo <base> --machinereadable"),
            QStringLiteral("clonemedium disk <image> <cache>/disks/<base>.vdi --format VDI"),
            QStringLiteral("createvm --name <base> --ostype Debian_64 --register"),
            QStringLiteral(
                "modifyvm <base> --memory 1024 --cpus 1 --ioapic on --rtcuseutc on --boot1 disk"),
            QStringLiteral("storagectl <base> --name SATA --add sata --portcount 2"),
            QStringLiteral("storageattach <base> --storagectl SATA --port 0 --device 0 --type hdd "
                           "--medium <cache>/disks/<base>.vdi"),
            QStringLiteral("snapshot <base> take sparkdeck-base"),
            QStringLiteral("list hostonlyifs"),
            QStringLiteral("hostonlyif create"),
            QStringLiteral("setextradata global sparkdeck-network/vboxnet0 demo"),
            QStringLiteral(
                "hostonlyif ipconfig vboxnet0 --ip 192.168.56.1 --netmask 255.255.255.0"),
            QStringLiteral("clonevm <base> --snapshot sparkdeck-base --options link --name "
                           "sparkdeck-demo-1 --register"),
            QStringLiteral("setextradata sparkdeck-demo-1 sparkdeck-cluster demo"),
            QStringLiteral("setextradata sparkdeck-demo-1 sparkdeck-address 192.168.56.10"),
            QStringLiteral("modifyvm sparkdeck-demo-1 --cpus 2 --memory 2048 --nic1 nat --nictype1 "
                           "virtio --macaddress1 <mac> "
                           "--nic2 hostonly --hostonlyadapter2 vboxnet0 --nictype2 virtio "
                           "--macaddress2 <mac>"),
            QStringLiteral("storageattach sparkdeck-demo-1 --storagectl SATA --port 1 --device 0 "
                           "--type dvddrive --medium "
                           "<cache>/seeds/sparkdeck-demo-1.iso"),
            QStringLiteral("startvm sparkdeck-demo-1 --type headless"),
            QStringLiteral("clonevm <base> --snapshot sparkdeck-base --options link --name "
                           "sparkdeck-demo-2 --register"),
            QStringLiteral("setextradata sparkdeck-demo-2 sparkdeck-cluster demo"),
            QStringLiteral("setextradata sparkdeck-demo-2 sparkdeck-address 192.168.56.11"),
            QStringLiteral("modifyvm sparkdeck-demo-2 --cpus 2 --memory 2048 --nic1 nat --nictype1 "
                           "virtio --macaddress1 <mac> "
                           "--nic2 hostonly --hostonlyadapter2 vboxnet0 --nictype2 virtio "
                           "--macaddress2 <mac>"),
            QStringLiteral("storageattach sparkdeck-demo-2 --storagectl SATA --port 1 --device 0 "
                           "--type dvddrive --medium "
                           "<cache>/seeds/sparkdeck-demo-2.iso"),
            QStringLiteral("startvm sparkdeck-demo-2 --type headless"),
        }));

    QCOMPARE(created->value().size(), 2);
    QCOMPARE(created->value().at(1).id, QStringLiteral("sparkdeck-demo-2"));
    QCOMPARE(created->value().at(1).publicAddress, QStringLiteral("192.168.56.11"));
    QCOMPARE(created->value().at(1).status, ProvidedMachine::Status::Ready);
    QCOMPARE(m_journal->liveMachines().size(), 2);
    QCOMPARE(m_journal->liveMachines().first().publicAddress, QStringLiteral("192.168.56.10"));
    QCOMPARE(m_journal->outstanding().size(), 3); // + the network
    QCOMPARE(m_journal->outstanding().first().kind, QStringLiteral("network"));
    QCOMPARE(m_journal->outstanding().first().id, QStringLiteral("vboxnet0"));
    QCOMPARE(standInState()
                 .value(QLatin1String("vms"))
                 .toObject()
                 .value(QLatin1String("sparkdeck-demo-2"))
                 .toObject()
                 .value(QLatin1String("linkedTo"))
                 .toString(),
             calls().first().at(1));
}

void tst_VirtualBoxProvider::seedIsoIsCidataWithUserMetaAndNetworkConfig()
{
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(QStringLiteral("demo"), 1), *m_journal);
    QVERIFY(created && *created);
    const QString iso = m_dir->filePath(QStringLiteral("cache/seeds/sparkdeck-demo-1.iso"));

    const auto description
        = output(QStringLiteral("isoinfo"), {QStringLiteral("-d"), QStringLiteral("-i"), iso});
    QVERIFY(description);
    QVERIFY2(description->contains("Volume id: cidata"), description->constData());
    const auto userData
        = output(QStringLiteral("isoinfo"), {QStringLiteral("-R"), QStringLiteral("-i"), iso,
                                             QStringLiteral("-x"), QStringLiteral("/user-data")});
    QCOMPARE(userData.value_or(QByteArray()), request(QStringLiteral("demo"), 1).userData.toUtf8());
    const auto metaData
        = output(QStringLiteral("isoinfo"), {QStringLiteral("-R"), QStringLiteral("-i"), iso,
                                             QStringLiteral("-x"), QStringLiteral("/meta-data")});
    QVERIFY(metaData && metaData->contains("local-hostname: \"demo-1\""));
    const auto networkConfig = output(QStringLiteral("isoinfo"),
                                      {QStringLiteral("-R"), QStringLiteral("-i"), iso,
                                       QStringLiteral("-x"), QStringLiteral("/network-config")});
    QVERIFY(networkConfig);

    // The MACs in network-config are the ones the VM's adapters got.
    QStringList modify;
    for (const QStringList &call : calls()) {
        if (call.value(0) == QLatin1String("modifyvm")
            && call.value(1) == QLatin1String("sparkdeck-demo-1"))
            modify = call;
    }
    const QString natMac = modify.value(modify.indexOf(QStringLiteral("--macaddress1")) + 1);
    const QString hostOnlyMac = modify.value(modify.indexOf(QStringLiteral("--macaddress2")) + 1);
    const auto colons = [](const QString &mac) {
        return QByteArray::fromHex(mac.toLatin1()).toHex(':');
    };

    // The Python cloud-init itself runs on (its script's #! line), not whichever is first on PATH.
    QFile cloudInit(QStandardPaths::findExecutable(QStringLiteral("cloud-init")));
    const QString python = cloudInit.open(QIODevice::ReadOnly)
                               ? QString::fromUtf8(cloudInit.readLine().mid(2)).trimmed()
                               : QString();
    if (python.isEmpty()
        || !output(python,
                   {QStringLiteral("-c"), QStringLiteral("import cloudinit.net.network_state")}))
        QSKIP("cloud-init is missing: scripts/install-deps installs it");
    // cloud-init's own parser reads the file as the VM's first boot will.
    const QString script
        = QStringLiteral("import sys, yaml\n"
                         "from cloudinit.net.network_state import parse_net_config_data\n"
                         "state = parse_net_config_data(yaml.safe_load(sys.stdin))\n"
                         "for i in state.iter_interfaces():\n"
                         "    subnets = [(s['type'], s.get('address', ''), str(s.get('prefix', "
                         "''))) for s in i['subnets']]\n"
                         "    print(i['mac_address'], subnets)\n");
    const auto parsed = output(python, {QStringLiteral("-c"), script}, *networkConfig);
    QVERIFY2(parsed, "cloud-init could not parse the network-config");
    QVERIFY2(parsed->contains(colons(natMac) + " [('dhcp4', '', '')]"), parsed->constData());
    QVERIFY2(parsed->contains(colons(hostOnlyMac) + " [('static', '192.168.56.10', '24')]"),
             parsed->constData());
}

void tst_VirtualBoxProvider::secondClusterReusesTheBaseAndGetsItsOwnSubnet()
{
    const auto provider = makeProvider();
    QVERIFY(createMachines(*provider, request(QStringLiteral("demo"), 1), *m_journal)
                .value_or(Error{}));
    const int before = calls().size();
    ResourceJournal other(m_dir->filePath(QStringLiteral("other-state")));
    const auto created = createMachines(*provider, request(QStringLiteral("other"), 1), other);
    QVERIFY(created && *created);

    QStringList commands;
    for (const QStringList &call : calls().mid(before))
        commands << call.mid(0, 2).join(QLatin1Char(' '));
    QVERIFY(!commands.contains(QStringLiteral("createvm --name")));
    QVERIFY(!commands.contains(QStringLiteral("clonemedium disk")));
    QVERIFY(calls().contains({QStringLiteral("hostonlyif"), QStringLiteral("ipconfig"),
                              QStringLiteral("vboxnet1"), QStringLiteral("--ip"),
                              QStringLiteral("192.168.57.1"), QStringLiteral("--netmask"),
                              QStringLiteral("255.255.255.0")}));
    QCOMPARE(created->value().first().publicAddress, QStringLiteral("192.168.57.10"));
}

void tst_VirtualBoxProvider::aHalfMadeBaseVmIsMadeAgain()
{
    const auto provider = makeProvider();
    qputenv("SPARKDECK_VBOX_STANDIN_FAIL",
            "snapshot:error-vm-not-found.txt"); // stops before the snapshot
    QVERIFY(!createMachines(*provider, request(QStringLiteral("demo"), 1), *m_journal)
                 .value_or(Error{}));
    qunsetenv("SPARKDECK_VBOX_STANDIN_FAIL");
    const int before = calls().size();

    const auto created = createMachines(*provider, request(QStringLiteral("demo"), 1), *m_journal);
    QVERIFY(created);
    QVERIFY2(*created, qPrintable(created->ok() ? QString() : created->errorMessage()));
    const QStringList lines = callLines().mid(before);
    QCOMPARE(lines.mid(0, 4),
             QStringList(
                 {QStringLiteral("showvminfo <base> --machinereadable"),
                  QStringLiteral("unregistervm <base> --delete"),
                  QStringLiteral("clonemedium disk <image> <cache>/disks/<base>.vdi --format VDI"),
                  QStringLiteral("createvm --name <base> --ostype Debian_64 --register")}));
    QVERIFY(lines.contains(QStringLiteral("snapshot <base> take sparkdeck-base")));
}

void tst_VirtualBoxProvider::macOsUsesAHostOnlyNetwork()
{
    const auto provider = makeProvider(true);
    const auto created = createMachines(*provider, request(QStringLiteral("demo"), 1), *m_journal);
    QVERIFY(created && *created);
    const QStringList lines = callLines();
    QVERIFY(lines.contains(QStringLiteral("list hostonlynets")));
    QVERIFY(lines.contains(QStringLiteral(
        "hostonlynet add --name sparkdeck-demo --netmask 255.255.255.0 --lower-ip 192.168.56.1 "
        "--upper-ip 192.168.56.254 --enable")));
    QVERIFY(lines.contains(QStringLiteral("modifyvm sparkdeck-demo-1 --cpus 2 --memory 2048 --nic1 "
                                          "nat --nictype1 virtio --macaddress1 <mac> "
                                          "--nic2 hostonlynet --host-only-net2 sparkdeck-demo "
                                          "--nictype2 virtio --macaddress2 <mac>")));

    QVERIFY(tearDown(*provider, *m_journal, QStringLiteral("demo")));
    QVERIFY(callLines().contains(QStringLiteral("hostonlynet remove --name sparkdeck-demo")));
    QVERIFY(standInState().value(QLatin1String("hostonlynets")).toObject().isEmpty());
}

void tst_VirtualBoxProvider::describeReportsRunningVmsWithTheirAddress()
{
    const auto provider = makeProvider();
    QVERIFY(createMachines(*provider, request(QStringLiteral("demo"), 1), *m_journal)
                .value_or(Error{}));
    const auto described = await<QList<ProvidedMachine>>(
        [&](QObject *context, MachineProvider::Callback<QList<ProvidedMachine>> done) {
            provider->describeMachines(
                {QStringLiteral("sparkdeck-demo-1"), QStringLiteral("sparkdeck-gone")}, context,
                done);
        });
    QVERIFY(described);
    QVERIFY2(*described, qPrintable(described->ok() ? QString() : described->errorMessage()));
    QCOMPARE(described->value().size(), 2);
    QCOMPARE(described->value().at(0).status, ProvidedMachine::Status::Ready);
    QCOMPARE(described->value().at(0).statusText, QStringLiteral("running"));
    QCOMPARE(described->value().at(0).publicAddress, QStringLiteral("192.168.56.10"));
    QCOMPARE(described->value().at(1).status, ProvidedMachine::Status::Gone);
}

void tst_VirtualBoxProvider::downDeletesVmsSeedsAndNetwork()
{
    const auto provider = makeProvider();
    QVERIFY(createMachines(*provider, request(QStringLiteral("demo"), 2), *m_journal)
                .value_or(Error{}));
    const int before = calls().size();

    const Status downed = tearDown(*provider, *m_journal, QStringLiteral("demo"));
    QVERIFY2(downed, qPrintable(messageOf(downed)));

    const QStringList lines = callLines().mid(before);
    QCOMPARE(
        lines.mid(0, 4),
        QStringList({QStringLiteral("controlvm sparkdeck-demo-2 poweroff"),
                     QStringLiteral("unregistervm sparkdeck-demo-2 --delete"),
                     QStringLiteral("closemedium dvd <cache>/seeds/sparkdeck-demo-2.iso --delete"),
                     QStringLiteral("controlvm sparkdeck-demo-1 poweroff")}));
    QVERIFY(lines.contains(QStringLiteral("hostonlyif remove vboxnet0")));
    QVERIFY(lines.contains(QStringLiteral("setextradata global sparkdeck-network/vboxnet0")));
    const QJsonObject vms = standInState().value(QLatin1String("vms")).toObject();
    QCOMPARE(vms.size(), 1); // the base VM stays: a cache shared by clusters
    QVERIFY(vms.keys().first().startsWith(QLatin1String("sparkdeck-base-")));
    QVERIFY(standInState().value(QLatin1String("hostonlyifs")).toObject().isEmpty());
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("cache/seeds/sparkdeck-demo-1.iso"))));
    QVERIFY(m_journal->outstanding().isEmpty());
}

void tst_VirtualBoxProvider::sweepFindsWhatTheJournalLost()
{
    const auto provider = makeProvider();
    QVERIFY(createMachines(*provider, request(QStringLiteral("demo"), 2), *m_journal)
                .value_or(Error{}));
    QVERIFY(createMachines(*provider, request(QStringLiteral("other"), 1), *m_journal)
                .value_or(Error{}));

    const Result<QList<CloudResource>> tagged = findTagged(*provider, QStringLiteral("demo"));
    QVERIFY(tagged);
    QStringList found;
    for (const CloudResource &resource : tagged.value())
        found << resource.kind + QLatin1Char(' ') + resource.name + QLatin1Char(' ') + resource.id;
    QCOMPARE(found, QStringList({QStringLiteral("machine demo-1 sparkdeck-demo-1"),
                                 QStringLiteral("machine demo-2 sparkdeck-demo-2"),
                                 QStringLiteral("network vboxnet0 vboxnet0")}));

    ResourceJournal lost(m_dir->filePath(QStringLiteral("lost")));
    QVERIFY(tearDown(*provider, lost, QStringLiteral("demo")));
    QCOMPARE(standInState().value(QLatin1String("vms")).toObject().keys().size(),
             2); // base + other-1
    QVERIFY(standInState()
                .value(QLatin1String("vms"))
                .toObject()
                .contains(QLatin1String("sparkdeck-other-1")));
}

void tst_VirtualBoxProvider::startFailuresSayWhatToDo_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("advice");
    QTest::newRow("no VT-x") << QStringLiteral("error-startvm-no-vmx.txt")
                             << QStringLiteral("Enable \"Intel Virtualization Technology\"");
    QTest::newRow("no AMD-V") << QStringLiteral("error-startvm-no-svm.txt")
                              << QStringLiteral("Enable \"SVM Mode\" (AMD-V)");
    QTest::newRow("VT-x off in the BIOS")
        << QStringLiteral("error-startvm-vmx-disabled.txt")
        << QStringLiteral("turned off in this computer's BIOS/UEFI");
    QTest::newRow("Hyper-V holds it")
        << QStringLiteral("error-startvm-hyper-v.txt") << QStringLiteral("Turn off Hyper-V");
}

void tst_VirtualBoxProvider::startFailuresSayWhatToDo()
{
    QFETCH(QString, fixture);
    QFETCH(QString, advice);
    qputenv("SPARKDECK_VBOX_STANDIN_FAIL", "startvm:" + fixture.toUtf8());
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(QStringLiteral("demo"), 1), *m_journal);
    QVERIFY(created);
    QVERIFY(!*created);
    QVERIFY2(created->errorMessage().contains(advice), qPrintable(created->errorMessage()));
    QCOMPARE(m_journal->liveMachines().size(), 1); // it exists: down deletes it
    QVERIFY(tearDown(*provider, *m_journal, QStringLiteral("demo")));
    QVERIFY(!standInState()
                 .value(QLatin1String("vms"))
                 .toObject()
                 .contains(QLatin1String("sparkdeck-demo-1")));
}

void tst_VirtualBoxProvider::hostOnlyRangeRefusedSaysWhatToDo()
{
    qputenv("SPARKDECK_VBOX_STANDIN_ALLOWED",
            "10.33.0.0/16"); // a networks.conf without 192.168.56.0/21
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(QStringLiteral("demo"), 1), *m_journal);
    QVERIFY(created);
    QVERIFY(!*created);
    QVERIFY2(created->errorMessage().contains(QLatin1String("/etc/vbox/networks.conf")),
             qPrintable(created->errorMessage()));
    QVERIFY(created->errorMessage().contains(QLatin1String("192.168.56.0/21")));
    QVERIFY(m_journal->liveMachines().isEmpty());
    QVERIFY(tearDown(*provider, *m_journal, QStringLiteral("demo"))); // the adapter it made goes
    QVERIFY(standInState().value(QLatin1String("hostonlyifs")).toObject().isEmpty());
}

void tst_VirtualBoxProvider::missingVBoxManageSaysWhatToInstall()
{
    qputenv("PATH", m_path);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PATH"), m_dir->path()); // no VBoxManage there
    VirtualBoxOptions options;
    options.cacheDirectory = m_dir->filePath(QStringLiteral("cache"));
    VirtualBoxProvider provider(options, environment);
    const auto created = createMachines(provider, request(QStringLiteral("demo"), 1), *m_journal);
    QVERIFY(created);
    QVERIFY(!*created);
    QVERIFY2(created->errorMessage().contains(QLatin1String("VBoxManage")),
             qPrintable(created->errorMessage()));
    QVERIFY(created->errorMessage().contains(QLatin1String("Install VirtualBox")));
    QVERIFY(created->errorMessage().contains(QLatin1String("SPARKDECK_VBOXMANAGE")));
    QVERIFY(calls().isEmpty());
    QVERIFY(m_journal->resources().isEmpty());
}

void tst_VirtualBoxProvider::missingIsoToolSaysWhatToInstall()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SPARKDECK_VBOXMANAGE"),
                       StandIn + QStringLiteral("/VBoxManage"));
    VirtualBoxOptions options;
    options.cacheDirectory = m_dir->filePath(QStringLiteral("cache"));
    environment.insert(QStringLiteral("PATH"), m_dir->path()); // no genisoimage, xorriso or mkisofs
    VirtualBoxProvider provider(options, environment);
    const auto created = createMachines(provider, request(QStringLiteral("demo"), 1), *m_journal);
    QVERIFY(created);
    QVERIFY(!*created);
    QVERIFY2(created->errorMessage().contains(QLatin1String("apt install genisoimage")),
             qPrintable(created->errorMessage()));
    QVERIFY(created->errorMessage().contains(QLatin1String("brew install xorriso")));
    QVERIFY(calls().isEmpty()); // checked before anything is made
}

void tst_VirtualBoxProvider::preflightChecksThisComputer_data()
{
    QTest::addColumn<QString>("hostInfo");
    QTest::addColumn<int>("machines");
    QTest::addColumn<qint64>("imageBytes");
    QTest::addColumn<QStringList>("statuses"); // virtualbox, virtualization, memory, disk
    const QStringList allOk{QStringLiteral("ok"), QStringLiteral("ok"), QStringLiteral("ok"),
                            QStringLiteral("ok")};
    QTest::newRow("three VMs fit") << QStringLiteral("hostinfo.txt") << 3 << qint64(1) << allOk;
    QTest::newRow("seven VMs of 2 GiB do not fit in 15.5 GiB")
        << QStringLiteral("hostinfo.txt") << 7 << qint64(1)
        << QStringList({QStringLiteral("ok"), QStringLiteral("ok"), QStringLiteral("error"),
                        QStringLiteral("ok")});
    QTest::newRow("no hardware virtualization")
        << QStringLiteral("hostinfo-no-virtualization.txt") << 1 << qint64(1)
        << QStringList({QStringLiteral("ok"), QStringLiteral("error"), QStringLiteral("ok"),
                        QStringLiteral("ok")});
    QTest::newRow("not enough disk")
        << QStringLiteral("hostinfo.txt") << 1 << (qint64(1) << 60)
        << QStringList({QStringLiteral("ok"), QStringLiteral("ok"), QStringLiteral("ok"),
                        QStringLiteral("error")});
}

void tst_VirtualBoxProvider::preflightChecksThisComputer()
{
    QFETCH(QString, hostInfo);
    QFETCH(int, machines);
    QFETCH(qint64, imageBytes);
    QFETCH(QStringList, statuses);
    qputenv("SPARKDECK_VBOX_STANDIN_HOSTINFO", hostInfo.toUtf8());
    const auto provider = makeProvider();
    VirtualBoxNeeds needs;
    needs.machines = machines;
    needs.memoryMiBEach = 2048;
    needs.diskBytesEach = 1;
    needs.imageBytes = imageBytes;
    const auto findings = await<QList<PreflightFinding>>(
        [&](QObject *context, MachineProvider::Callback<QList<PreflightFinding>> done) {
            provider->preflight(needs, context, done);
        });
    QVERIFY(findings && *findings);
    QStringList seen;
    for (const PreflightFinding &finding : findings->value()) {
        seen << toString(finding.status);
        QCOMPARE(finding.fix.isEmpty(), finding.status == PreflightFinding::Status::Ok);
    }
    QCOMPARE(seen, statuses);
}

void tst_VirtualBoxProvider::cliPreflightLooksAtThisComputer()
{
    const QString file = m_dir->filePath(QStringLiteral("vbdemo.yaml"));
    QFile yaml(file);
    QVERIFY(yaml.open(QIODevice::WriteOnly));
    yaml.write(
        "name: vbdemo\nmachines:\n  provider: virtualbox\n  size: 2cpu-4g\nworkers:\n  count: 2\n");
    yaml.close();
    qputenv("XDG_CACHE_HOME", m_dir->filePath(QStringLiteral("xdg-cache")).toUtf8());
    qputenv("SPARKDECK_VBOX_STANDIN_HOSTINFO", "hostinfo-no-virtualization.txt");

    const CliRun run
        = CliRun::of({QStringLiteral("preflight"), file, QStringLiteral("--json"),
                      QStringLiteral("--state"), m_dir->filePath(QStringLiteral("cli-state"))});
    QVERIFY2(run.exitCode == 1, run.transcript().constData()); // an error: no virtualization
    QStringList seen;
    for (const QJsonValue &finding : QJsonDocument::fromJson(run.out.toUtf8())
                                         .object()
                                         .value(QLatin1String("findings"))
                                         .toArray())
        seen << finding.toObject().value(QLatin1String("check")).toString() + QLatin1Char(' ')
                    + finding.toObject().value(QLatin1String("status")).toString();
    QCOMPARE(seen,
             QStringList({QStringLiteral("virtualbox ok"), QStringLiteral("virtualization error"),
                          QStringLiteral("memory ok"), QStringLiteral("disk ok")}));
    QVERIFY2(run.out.contains(QLatin1String("3 VMs x 4096 MiB")), run.transcript().constData());
    QCOMPARE(calls(), QList<QStringList>(
                          {{QStringLiteral("list"), QStringLiteral("hostinfo")}})); // nothing made
    qunsetenv("XDG_CACHE_HOME");
}

QTEST_GUILESS_MAIN(tst_VirtualBoxProvider)
#include "tst_virtualboxprovider.moc"
