#include "spec/hostlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace SparkDeck;

/// HostListModel: the editable host table of provider `existing`, checked by Qt's model tester.
class tst_HostListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addRemoveAndTester();
    void defaultsShownAndFollowed();
    void problemsInPlace_data();
    void problemsInPlace();
    void portEditing();
    void effectiveMaster();
    void editClearsCheckResult();
    void notEditableWhileChecking();
};

void tst_HostListModel::addRemoveAndTester()
{
    HostListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &HostListModel::hostsChanged);

    QCOMPARE(model.addAddresses({"10.0.0.1", "10.0.0.2", "10.0.0.1", " ", "10.0.0.3"}), 3);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.addAddresses({"10.0.0.2"}), 0); // already listed
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.columnCount(), int(HostListModel::ColumnCount));
    QCOMPARE(model.headerData(HostListModel::AddressColumn, Qt::Horizontal).toString(),
             QStringLiteral("Address"));

    QVERIFY(model.removeRows(1, 1));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(model.hosts().size(), 2);
    QCOMPARE(model.hosts().at(1).address, QStringLiteral("10.0.0.3"));
    QVERIFY(!model.removeRows(2, 1));
    QVERIFY(!model.removeRows(-1, 1));

    QList<HostSpec> hosts(2);
    hosts[0].address = QStringLiteral("a.example");
    hosts[0].role = HostRole::Master;
    hosts[1].address = QStringLiteral("b.example");
    hosts[1].port = 2222;
    hosts[1].user = QStringLiteral("spark");
    model.setHosts(hosts);
    QCOMPARE(model.hosts(), hosts);
}

void tst_HostListModel::defaultsShownAndFollowed()
{
    HostListModel model;
    model.setSshDefaults(QStringLiteral("spark"), 2200);
    model.addAddresses({"10.0.0.1"});
    const QModelIndex user = model.index(0, HostListModel::UserColumn);
    const QModelIndex port = model.index(0, HostListModel::PortColumn);
    QCOMPARE(user.data().toString(), QStringLiteral("spark"));
    QCOMPARE(port.data().toString(), QStringLiteral("2200"));
    QVERIFY(user.data(HostListModel::IsDefaultRole).toBool());
    QVERIFY(port.data(HostListModel::IsDefaultRole).toBool());
    QCOMPARE(user.data(Qt::EditRole).toString(), QString());
    model.setSshDefaults(QStringLiteral("admin"), 22);
    QCOMPARE(user.data().toString(), QStringLiteral("admin"));
    QCOMPARE(model.hosts().constFirst().user, QString()); // still "the default"

    QVERIFY(model.setData(user, QStringLiteral("student")));
    QVERIFY(!user.data(HostListModel::IsDefaultRole).toBool());
    QCOMPARE(model.hosts().constFirst().user, QStringLiteral("student"));
    // Typing the default user back means "the default" again.
    QVERIFY(model.setData(user, QStringLiteral("admin")));
    QCOMPARE(model.hosts().constFirst().user, QString());
}

void tst_HostListModel::problemsInPlace_data()
{
    QTest::addColumn<QStringList>("addresses");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("edit"); // new text of the row's address, null for none
    QTest::addColumn<QString>("problemPart");

    QTest::newRow("fine") << QStringList{"10.0.0.1"} << 0 << QString() << QString();
    QTest::newRow("not an address") << QStringList{"10.0.0.1"} << 0 << "10.0.0.300"
                                    << "not an IP address";
    QTest::newRow("bad name") << QStringList{"10.0.0.1"} << 0 << "bad_name!"
                              << "not an IP address or a host name";
    QTest::newRow("empty") << QStringList{"10.0.0.1"} << 0 << ""
                           << "enter an address";
    QTest::newRow("duplicate by edit") << QStringList{"10.0.0.1", "10.0.0.2"} << 1 << "10.0.0.1"
                                       << "row 1";
    QTest::newRow("duplicate ignores case") << QStringList{"node1", "10.0.0.2"} << 1 << "NODE1"
                                            << "listed twice";
    QTest::newRow("ipv6 in brackets unwrapped")
        << QStringList{"10.0.0.1"} << 0 << "[2001:db8::1]" << QString();
}

void tst_HostListModel::problemsInPlace()
{
    QFETCH(QStringList, addresses);
    QFETCH(int, row);
    QFETCH(QString, edit);
    QFETCH(QString, problemPart);

    HostListModel model;
    model.addAddresses(addresses);
    if (!edit.isNull()) // null: leave the row as added
        QVERIFY(model.setData(model.index(row, HostListModel::AddressColumn), edit));
    const QString problem = model.problem(row);
    if (problemPart.isEmpty()) {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(model.problemCount(), 0);
    } else {
        QVERIFY2(problem.contains(problemPart), qPrintable(problem));
        QCOMPARE(model.index(row, HostListModel::StatusColumn).data().toString(), problem);
        QCOMPARE(model.index(row, HostListModel::AddressColumn).data(Qt::ToolTipRole).toString(),
                 problem);
        QCOMPARE(model.problemCount(), 1);
    }
}

void tst_HostListModel::portEditing()
{
    HostListModel model;
    model.addAddresses({"10.0.0.1", "10.0.0.2"});
    const QModelIndex port = model.index(1, HostListModel::PortColumn);
    QVERIFY(model.setData(port, QStringLiteral("2222")));
    QCOMPARE(model.hosts().at(1).port, std::optional<int>(2222));
    for (const char *bad : {"0", "65536", "-1", "22x", "ssh"})
        QVERIFY2(!model.setData(port, QString::fromLatin1(bad)), bad);
    QCOMPARE(model.hosts().at(1).port, std::optional<int>(2222));
    QVERIFY(model.setData(port, QString()));
    QCOMPARE(model.hosts().at(1).port, std::nullopt);
    // Same address on another port is another host.
    QVERIFY(
        model.setData(model.index(1, HostListModel::AddressColumn), QStringLiteral("10.0.0.1")));
    QVERIFY(!model.problem(1).isEmpty());
    QVERIFY(model.setData(port, QStringLiteral("2222")));
    QVERIFY(model.problem(1).isEmpty());
    QVERIFY(!model.setData(model.index(1, HostListModel::RoleColumn), QStringLiteral("master")));
}

void tst_HostListModel::effectiveMaster()
{
    HostListModel model;
    QCOMPARE(model.masterRow(), -1);
    model.addAddresses({"10.0.0.1", "10.0.0.2", "10.0.0.3"});
    QCOMPARE(model.masterRow(), 0);
    QCOMPARE(model.index(0, HostListModel::RoleColumn).data().toString(), QStringLiteral("master"));
    QVERIFY(model.index(0, HostListModel::RoleColumn).data(HostListModel::IsDefaultRole).toBool());
    QCOMPARE(model.index(1, HostListModel::RoleColumn).data().toString(), QStringLiteral("worker"));
    model.setMaster(2);
    QCOMPARE(model.masterRow(), 2);
    QVERIFY(model.hosts().at(2).role == HostRole::Master);
    QVERIFY(!model.index(2, HostListModel::RoleColumn).data(HostListModel::IsDefaultRole).toBool());
    model.setMaster(1);
    QVERIFY(model.hosts().at(2).role == HostRole::Unassigned);
    QVERIFY(model.hosts().at(1).role == HostRole::Master);
    model.removeRows(1, 1);
    QCOMPARE(model.masterRow(), 0);
}

void tst_HostListModel::editClearsCheckResult()
{
    HostListModel model;
    model.addAddresses({"10.0.0.1", "10.0.0.2"});
    model.setCheckState(0, HostListModel::CheckState::Reachable, QStringLiteral("Linux 6.1"));
    model.setCheckState(1, HostListModel::CheckState::Failed, QStringLiteral("refused"));
    QCOMPARE(model.index(0, HostListModel::StatusColumn).data().toString(),
             QStringLiteral("Linux 6.1"));
    QCOMPARE(model.index(0, 0).data(HostListModel::CheckStateRole).toInt(),
             int(HostListModel::CheckState::Reachable));
    QVERIFY(model.setData(model.index(0, HostListModel::UserColumn), QStringLiteral("spark")));
    QCOMPARE(model.checkState(0), HostListModel::CheckState::NotChecked);
    QCOMPARE(model.checkState(1), HostListModel::CheckState::Failed);
    model.clearCheckStates();
    QCOMPARE(model.checkState(1), HostListModel::CheckState::NotChecked);
    QCOMPARE(model.checkText(1), QString());
}

void tst_HostListModel::notEditableWhileChecking()
{
    HostListModel model;
    model.addAddresses({"10.0.0.1"});
    const QModelIndex address = model.index(0, HostListModel::AddressColumn);
    QVERIFY(model.flags(address) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(0, HostListModel::StatusColumn)) & Qt::ItemIsEditable));
    model.setEditable(false);
    QVERIFY(!(model.flags(address) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(address, QStringLiteral("10.0.0.9")));
    model.setEditable(true);
    QVERIFY(model.setData(address, QStringLiteral("10.0.0.9")));
}

QTEST_GUILESS_MAIN(tst_HostListModel)
#include "tst_hostlistmodel.moc"
