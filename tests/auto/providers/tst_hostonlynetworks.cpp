// Host-only networks read from VBoxManage's listings (adapters and, on macOS, networks), the
// free /24 a new cluster gets in 192.168.56.0/21, and VirtualBox sizes from the cluster file.
#include "providers/virtualbox/hostonlynetworks.h"
#include "providers/virtualbox/virtualboxlaunch.h"

#include <QtTest>

using namespace SparkDeck;

class tst_HostOnlyNetworks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsAdapters();
    void readsNetworks();
    void freeSubnet_data();
    void freeSubnet();
    void sizes_data();
    void sizes();
};

void tst_HostOnlyNetworks::readsAdapters()
{
    const QByteArray listing = "Name:            vboxnet0\n"
                               "GUID:            786f6276-656e-4074-8000-0a0027000000\n"
                               "DHCP:            Disabled\n"
                               "IPAddress:       192.168.56.1\n"
                               "NetworkMask:     255.255.255.0\n"
                               "IPV6Address:\n"
                               "Status:          Up\n"
                               "VBoxNetworkName: HostInterfaceNetworking-vboxnet0\n"
                               "\n"
                               "Name:            VirtualBox Host-Only Ethernet Adapter #2\n"
                               "DHCP:            Enabled\n"
                               "IPAddress:       192.168.58.1\n"
                               "NetworkMask:     255.255.255.0\n";
    const QList<HostOnlyNetwork> networks = HostOnlyNetworks::parse(listing);
    QCOMPARE(networks.size(), 2);
    QCOMPARE(networks.at(0).name, QStringLiteral("vboxnet0"));
    QCOMPARE(networks.at(0).address, QStringLiteral("192.168.56.1"));
    QCOMPARE(networks.at(1).name, QStringLiteral("VirtualBox Host-Only Ethernet Adapter #2"));
    QCOMPARE(networks.at(1).mask, QStringLiteral("255.255.255.0"));
}

void tst_HostOnlyNetworks::readsNetworks()
{
    const QByteArray listing = "Name:            sparkdeck-demo\n"
                               "GUID:            10000000-0000-0000-0000-000000000000\n"
                               "\n"
                               "State:           Enabled\n"
                               "NetworkMask:     255.255.255.0\n"
                               "LowerIP:         192.168.57.1\n"
                               "UpperIP:         192.168.57.254\n"
                               "VBoxNetworkName: hostonly-sparkdeck-demo\n";
    const QList<HostOnlyNetwork> networks = HostOnlyNetworks::parse(listing);
    QCOMPARE(networks.size(), 1);
    QCOMPARE(networks.first().address, QStringLiteral("192.168.57.1"));
}

void tst_HostOnlyNetworks::freeSubnet_data()
{
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<int>("free"); // -1: none
    QTest::newRow("nothing yet") << QStringList() << 56;
    QTest::newRow("the usual vboxnet0") << QStringList{QStringLiteral("192.168.56.1")} << 57;
    QTest::newRow("a gap") << QStringList{QStringLiteral("192.168.56.1"),
                                          QStringLiteral("192.168.58.1")}
                           << 57;
    QTest::newRow("outside the range does not count")
        << QStringList{QStringLiteral("10.0.0.1"), QStringLiteral("192.168.99.1")} << 56;
    QStringList all;
    for (int octet = 56; octet <= 63; ++octet)
        all << QStringLiteral("192.168.%1.1").arg(octet);
    QTest::newRow("all eight taken") << all << -1;
}

void tst_HostOnlyNetworks::freeSubnet()
{
    QFETCH(QStringList, taken);
    QFETCH(int, free);
    QList<HostOnlyNetwork> existing;
    for (const QString &address : taken)
        existing.append({QStringLiteral("net"), address, QStringLiteral("255.255.255.0")});
    QCOMPARE(HostOnlyNetworks::freeSubnet(existing).value_or(-1), free);
}

void tst_HostOnlyNetworks::sizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("cpus"); // 0: refused
    QTest::addColumn<int>("memoryMiB");
    QTest::newRow("default") << QString() << 2 << 2048;
    QTest::newRow("gigabytes") << QStringLiteral("4cpu-8g") << 4 << 8192;
    QTest::newRow("megabytes") << QStringLiteral("1cpu-1536m") << 1 << 1536;
    QTest::newRow("too little memory") << QStringLiteral("1cpu-256m") << 0 << 0;
    QTest::newRow("no CPU") << QStringLiteral("0cpu-2g") << 0 << 0;
    QTest::newRow("cloud size") << QStringLiteral("t3.medium") << 0 << 0;
    QTest::newRow("shell") << QStringLiteral("2cpu-2g;reboot") << 0 << 0;
}

void tst_HostOnlyNetworks::sizes()
{
    QFETCH(QString, text);
    QFETCH(int, cpus);
    QFETCH(int, memoryMiB);
    const Result<VmSize> size = VmSize::parse(text);
    QCOMPARE(size.ok(), cpus > 0);
    if (size) {
        QCOMPARE(size->cpus, cpus);
        QCOMPARE(size->memoryMiB, memoryMiB);
    }
}

QTEST_GUILESS_MAIN(tst_HostOnlyNetworks)
#include "tst_hostonlynetworks.moc"
