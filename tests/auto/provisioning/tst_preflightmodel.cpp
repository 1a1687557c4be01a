// The preflight table behaves as a correct Qt model and exposes each finding's status.
#include "provisioning/preflightmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace SparkDeck;
using Level = PreflightFinding::Status;

class tst_PreflightModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void isAWellBehavedModel();
    void showsHostCheckStatusDetailAndFix();
};

namespace {
QList<PreflightFinding> sample()
{
    return {{QStringLiteral("10.0.0.1"), QStringLiteral("port 8080"), Level::Error,
             QStringLiteral("in use on 0.0.0.0 by pid 4242, python3"), QStringLiteral("Free port 8080 (used by pid 4242, python3)")},
            {QStringLiteral("10.0.0.2"), QStringLiteral("nfs client"), Level::Warning, QStringLiteral("no NFS client"),
             QStringLiteral("use another kernel")},
            {QStringLiteral("10.0.0.2"), QStringLiteral("memory"), Level::Ok, QStringLiteral("16 GiB"), QString()}};
}
} // namespace

void tst_PreflightModel::isAWellBehavedModel()
{
    PreflightModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings(sample());
    model.setFindings({});
    QCOMPARE(model.rowCount(), 0);
    model.setFindings(sample());
    QCOMPARE(model.rowCount(), 3);
}

void tst_PreflightModel::showsHostCheckStatusDetailAndFix()
{
    PreflightModel model;
    model.setFindings(sample());
    QCOMPARE(model.columnCount(), int(PreflightModel::ColumnCount));
    QCOMPARE(model.errorCount(), 1);
    QCOMPARE(model.warningCount(), 1);
    QCOMPARE(model.index(0, PreflightModel::HostColumn).data().toString(), QStringLiteral("10.0.0.1"));
    QCOMPARE(model.index(0, PreflightModel::CheckColumn).data().toString(), QStringLiteral("port 8080"));
    QCOMPARE(model.index(0, PreflightModel::StatusColumn).data().toString(), QStringLiteral("error"));
    QCOMPARE(model.index(1, PreflightModel::StatusColumn).data().toString(), QStringLiteral("warning"));
    QCOMPARE(model.index(2, PreflightModel::StatusColumn).data().toString(), QStringLiteral("ok"));
    QCOMPARE(model.index(0, PreflightModel::FixColumn).data().toString(),
             QStringLiteral("Free port 8080 (used by pid 4242, python3)"));
    QCOMPARE(model.index(1, PreflightModel::DetailColumn).data().toString(), QStringLiteral("no NFS client"));
    QCOMPARE(model.index(0, 0).data(PreflightModel::StatusRole).toInt(), int(Level::Error));
    QVERIFY(model.index(0, PreflightModel::DetailColumn).data(Qt::ToolTipRole).toString().contains(QLatin1String("Free port")));
    QCOMPARE(model.headerData(PreflightModel::FixColumn, Qt::Horizontal).toString(), QStringLiteral("Fix"));
    QCOMPARE(model.headerData(0, Qt::Vertical), QVariant());
}

QTEST_GUILESS_MAIN(tst_PreflightModel)
#include "tst_preflightmodel.moc"
