// NoCloud meta-data and network-config for VirtualBox machines: exact texts, and refusals of
// values that would change the YAML's meaning.
#include "render/nocloudseed.h"

#include <QtTest>

using namespace SparkDeck;

class tst_NoCloudSeedRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void metaDataNamesTheInstanceAndHost();
    void metaDataRefusesHostileValues_data();
    void metaDataRefusesHostileValues();
    void networkConfigMatchesAdaptersByMac();
    void networkConfigRefusesHostileValues_data();
    void networkConfigRefusesHostileValues();
};

void tst_NoCloudSeedRenderer::metaDataNamesTheInstanceAndHost()
{
    const Result<QString> text = NoCloudSeedRenderer::metaData(
        QStringLiteral("sparkdeck-demo-1-0a1b2c3d"), QStringLiteral("demo-1"));
    QVERIFY(text);
    QCOMPARE(
        *text,
        QStringLiteral("instance-id: \"sparkdeck-demo-1-0a1b2c3d\"\nlocal-hostname: \"demo-1\"\n"));
}

void tst_NoCloudSeedRenderer::metaDataRefusesHostileValues_data()
{
    QTest::addColumn<QString>("instanceId");
    QTest::addColumn<QString>("hostname");
    QTest::newRow("quote in the id") << QStringLiteral("a\"b") << QStringLiteral("demo-1");
    QTest::newRow("newline in the id")
        << QStringLiteral("a\nlocal-hostname: x") << QStringLiteral("demo-1");
    QTest::newRow("empty id") << QString() << QStringLiteral("demo-1");
    QTest::newRow("uppercase host") << QStringLiteral("i-1") << QStringLiteral("Demo");
    QTest::newRow("YAML in the host") << QStringLiteral("i-1") << QStringLiteral("a: b");
    QTest::newRow("shell in the host") << QStringLiteral("i-1") << QStringLiteral("$(reboot)");
}

void tst_NoCloudSeedRenderer::metaDataRefusesHostileValues()
{
    QFETCH(QString, instanceId);
    QFETCH(QString, hostname);
    QVERIFY(!NoCloudSeedRenderer::metaData(instanceId, hostname));
}

void tst_NoCloudSeedRenderer::networkConfigMatchesAdaptersByMac()
{
    const Result<QString> text = NoCloudSeedRenderer::networkConfig(
        {QStringLiteral("08:00:27:1a:2b:3c"), QStringLiteral("08:00:27:4d:5e:6f"),
         QStringLiteral("192.168.57.12"), 24});
    QVERIFY(text);
    QCOMPARE(*text, QStringLiteral("version: 2\n"
                                   "ethernets:\n"
                                   "  nat:\n"
                                   "    match:\n"
                                   "      macaddress: \"08:00:27:1a:2b:3c\"\n"
                                   "    dhcp4: true\n"
                                   "  hostonly:\n"
                                   "    match:\n"
                                   "      macaddress: \"08:00:27:4d:5e:6f\"\n"
                                   "    dhcp4: false\n"
                                   "    addresses:\n"
                                   "      - \"192.168.57.12/24\"\n"));
}

void tst_NoCloudSeedRenderer::networkConfigRefusesHostileValues_data()
{
    QTest::addColumn<QString>("natMac");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("prefix");
    QTest::newRow("uppercase MAC")
        << QStringLiteral("08:00:27:1A:2B:3C") << QStringLiteral("192.168.56.10") << 24;
    QTest::newRow("MAC with YAML") << QStringLiteral("08:00:27:1a:2b:3c\"\n  evil: 1")
                                   << QStringLiteral("192.168.56.10") << 24;
    QTest::newRow("host name, not an address")
        << QStringLiteral("08:00:27:1a:2b:3c") << QStringLiteral("example.org") << 24;
    QTest::newRow("IPv6") << QStringLiteral("08:00:27:1a:2b:3c") << QStringLiteral("fd00::10")
                          << 24;
    QTest::newRow("prefix 32") << QStringLiteral("08:00:27:1a:2b:3c")
                               << QStringLiteral("192.168.56.10") << 32;
}

void tst_NoCloudSeedRenderer::networkConfigRefusesHostileValues()
{
    QFETCH(QString, natMac);
    QFETCH(QString, address);
    QFETCH(int, prefix);
    QVERIFY(!NoCloudSeedRenderer::networkConfig(
        {natMac, QStringLiteral("08:00:27:4d:5e:6f"), address, prefix}));
}

QTEST_GUILESS_MAIN(tst_NoCloudSeedRenderer)
#include "tst_nocloudseedrenderer.moc"
