#include "spec/clusterspecvalidator.h"
#include "spec/hostrange.h"

#include <QTest>

using namespace SparkDeck;

/// HostRangeExpander: the host lists people paste into the wizard, good and hostile.
class tst_HostRange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expand_data();
    void expand();
    void refused_data();
    void refused();
    void expandList_data();
    void expandList();
    void listRefused_data();
    void listRefused();
    void limitIsExact();
    void expandedIpv4AddressesAreValid();
};

void tst_HostRange::expand_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("plain address") << "10.0.0.5" << QStringList{"10.0.0.5"};
    QTest::newRow("host name") << "node1.lab.example" << QStringList{"node1.lab.example"};
    QTest::newRow("trimmed") << "  10.0.0.5 \t" << QStringList{"10.0.0.5"};
    QTest::newRow("ipv4 range") << "10.0.0.[11-14]"
                                << QStringList{"10.0.0.11", "10.0.0.12", "10.0.0.13", "10.0.0.14"};
    QTest::newRow("single number") << "10.0.0.[7]" << QStringList{"10.0.0.7"};
    QTest::newRow("range of one") << "10.0.0.[7-7]" << QStringList{"10.0.0.7"};
    QTest::newRow("list in brackets")
        << "10.0.0.[1,3,5-6]" << QStringList{"10.0.0.1", "10.0.0.3", "10.0.0.5", "10.0.0.6"};
    QTest::newRow("spaces inside brackets")
        << "10.0.0.[1 - 2, 4]" << QStringList{"10.0.0.1", "10.0.0.2", "10.0.0.4"};
    QTest::newRow("range in the middle") << "10.0.[1-2].9" << QStringList{"10.0.1.9", "10.0.2.9"};
    QTest::newRow("two ranges") << "10.0.[1-2].[8-9]"
                                << QStringList{"10.0.1.8", "10.0.1.9", "10.0.2.8", "10.0.2.9"};
    QTest::newRow("host names keep leading zeros")
        << "node[08-11]" << QStringList{"node08", "node09", "node10", "node11"};
    QTest::newRow("width of the wider bound")
        << "pc[1-003]" << QStringList{"pc001", "pc002", "pc003"};
    QTest::newRow("no padding without a leading zero")
        << "pc[9-11]" << QStringList{"pc9", "pc10", "pc11"};
    QTest::newRow("name with two ranges")
        << "lab[1-2]-pc[1,3]" << QStringList{"lab1-pc1", "lab1-pc3", "lab2-pc1", "lab2-pc3"};
    QTest::newRow("duplicates dropped") << "10.0.0.[1,1-2]" << QStringList{"10.0.0.1", "10.0.0.2"};
    QTest::newRow("bare ipv6") << "2001:db8::1" << QStringList{"2001:db8::1"};
    QTest::newRow("bracketed ipv6 unwrapped") << "[2001:db8::1]" << QStringList{"2001:db8::1"};
    QTest::newRow("bracketed ipv6 loopback") << "[::1]" << QStringList{"::1"};
    QTest::newRow("whole octet range") << "10.0.0.[0-255]" << [] {
        QStringList all;
        for (int i = 0; i <= 255; ++i)
            all << QStringLiteral("10.0.0.%1").arg(i);
        return all;
    }();
}

void tst_HostRange::expand()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, expected);
    const Result<QStringList> result = HostRangeExpander::expand(pattern);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.errorMessage()));
    QCOMPARE(*result, expected);
}

void tst_HostRange::refused_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("messagePart"); // what the message must say

    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("blank") << "   "
                           << "empty";
    QTest::newRow("reversed") << "10.0.0.[20-11]"
                              << "runs backwards; write it as [11-20]";
    QTest::newRow("too many in one range") << "10.0.0.[1-300]"
                                           << "more than 256 hosts";
    QTest::newRow("257 hosts") << "node[0-256]"
                               << "more than 256 hosts";
    QTest::newRow("product too large") << "10.0.[0-255].[0-255]"
                                       << "more than 256 hosts";
    QTest::newRow("list in brackets too large") << "node[1-200,300-400]"
                                                << "more than 256 hosts";
    QTest::newRow("huge number") << "node[1-99999999999999999999]"
                                 << "too large";
    QTest::newRow("huge span") << "node[0-999999999]"
                               << "more than 256 hosts";
    QTest::newRow("many groups") << "a[1-2][1-2][1-2][1-2][1-2][1-2][1-2][1-2][1-2]"
                                 << "more than 256 hosts";
    QTest::newRow("nested") << "10.0.[1-[2-3]].1"
                            << "brackets inside brackets";
    QTest::newRow("nested ipv6") << "[[2001:db8::1]]"
                                 << "brackets inside brackets";
    QTest::newRow("unclosed") << "10.0.0.[1-5"
                              << "'[' without its ']'";
    QTest::newRow("unopened") << "10.0.0.1-5]"
                              << "']' without its '['";
    QTest::newRow("empty brackets") << "node[]"
                                    << "empty range";
    QTest::newRow("empty item") << "node[1,,3]"
                                << "empty range";
    QTest::newRow("letters") << "node[a-f]"
                             << "numbers only";
    QTest::newRow("negative") << "node[-5-3]"
                              << "numbers only";
    QTest::newRow("three bounds") << "node[1-2-3]"
                                  << "numbers only";
    QTest::newRow("ipv4 leading zeros") << "10.0.0.[08-10]"
                                        << "leading zero";
    QTest::newRow("ipv4 octet over 255") << "10.0.0.[250-260]"
                                         << "0 to 255";
    QTest::newRow("ipv4 too few parts") << "10.0.[1-2]"
                                        << "not an IPv4 address";
    QTest::newRow("ipv4 too many parts") << "10.0.0.0.[1-2]"
                                         << "not an IPv4 address";
    QTest::newRow("range in ipv6") << "2001:db8::[1-5]"
                                   << "not in IPv6";
    QTest::newRow("ipv6 with port") << "[2001:db8::1]:22"
                                    << "without a port";
    QTest::newRow("control characters shown escaped")
        << QStringLiteral("node[1-\x1b]") << "\\u001b";
}

void tst_HostRange::refused()
{
    QFETCH(QString, pattern);
    QFETCH(QString, messagePart);
    const Result<QStringList> result = HostRangeExpander::expand(pattern);
    QVERIFY2(!result.ok(), qPrintable(result.ok() ? result->join(QLatin1Char(' ')) : QString()));
    QVERIFY2(result.errorMessage().contains(messagePart), qPrintable(result.errorMessage()));
    QVERIFY(!result.errorMessage().contains(QLatin1Char('\x1b')));
}

void tst_HostRange::expandList_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("one per line") << "10.0.0.1\n10.0.0.2\r\n10.0.0.3\n"
                                  << QStringList{"10.0.0.1", "10.0.0.2", "10.0.0.3"};
    QTest::newRow("commas and spaces")
        << "10.0.0.1, 10.0.0.2 10.0.0.3;node4\tnode5"
        << QStringList{"10.0.0.1", "10.0.0.2", "10.0.0.3", "node4", "node5"};
    QTest::newRow("commas inside brackets stay in the range")
        << "10.0.0.[1,3], node[1-2]" << QStringList{"10.0.0.1", "10.0.0.3", "node1", "node2"};
    QTest::newRow("blank lines") << "\n\n  node1 \n\n" << QStringList{"node1"};
    QTest::newRow("empty text") << "" << QStringList{};
    QTest::newRow("duplicates across entries")
        << "10.0.0.[1-3]\n10.0.0.2\nNODE1 node1"
        << QStringList{"10.0.0.1", "10.0.0.2", "10.0.0.3", "NODE1"};
    QTest::newRow("ipv6 list") << "[2001:db8::1], 2001:db8::2"
                               << QStringList{"2001:db8::1", "2001:db8::2"};
}

void tst_HostRange::expandList()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const Result<QStringList> result = HostRangeExpander::expandList(text);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.errorMessage()));
    QCOMPARE(*result, expected);
}

void tst_HostRange::listRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("one bad entry refuses the list") << "10.0.0.1\n10.0.0.[5-1]\n10.0.0.2"
                                                    << "'10.0.0.[5-1]'";
    QTest::newRow("over the limit in all") << "10.0.0.[1-200]\n10.0.1.[1-100]"
                                           << "the list names more than 256 hosts";
    QTest::newRow("unclosed bracket swallows the rest") << "node[1-2, node3"
                                                        << "without its ']'";
}

void tst_HostRange::listRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);
    const Result<QStringList> result = HostRangeExpander::expandList(text);
    QVERIFY(!result.ok());
    QVERIFY2(result.errorMessage().contains(messagePart), qPrintable(result.errorMessage()));
}

void tst_HostRange::limitIsExact()
{
    const Result<QStringList> atLimit = HostRangeExpander::expand(QStringLiteral("n[1-256]"));
    QVERIFY(atLimit.ok());
    QCOMPARE(atLimit->size(), HostRangeExpander::kMaxHosts);
    QVERIFY(!HostRangeExpander::expand(QStringLiteral("n[1-257]")).ok());
    QVERIFY(HostRangeExpander::expandList(QStringLiteral("a[1-128] b[1-128]")).ok());
    QVERIFY(!HostRangeExpander::expandList(QStringLiteral("a[1-128] b[1-129]")).ok());
    // Duplicates do not count against the limit.
    QVERIFY(HostRangeExpander::expandList(QStringLiteral("a[1-256] a[1-256]")).ok());
}

void tst_HostRange::expandedIpv4AddressesAreValid()
{
    const Result<QStringList> result
        = HostRangeExpander::expand(QStringLiteral("192.168.[0-1].[0-99]"));
    QVERIFY(result.ok());
    QCOMPARE(result->size(), 200);
    for (const QString &address : *result)
        QVERIFY2(ClusterSpecValidator::isValidHostAddress(address), qPrintable(address));
}

QTEST_GUILESS_MAIN(tst_HostRange)
#include "tst_hostrange.moc"
