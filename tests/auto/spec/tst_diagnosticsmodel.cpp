// The problems table behaves as a correct Qt model and exposes where each problem is.
#include "spec/diagnosticsmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace SparkDeck;

class tst_DiagnosticsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void isAWellBehavedModel();
    void showsLocationSeverityAndMessage();
};

void tst_DiagnosticsModel::isAWellBehavedModel()
{
    DiagnosticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiagnostics({{Severity::Error, {3, 10}, QStringLiteral("bad count")},
                          {Severity::Warning, {5, 1}, QStringLiteral("odd version")}});
    model.setDiagnostics({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_DiagnosticsModel::showsLocationSeverityAndMessage()
{
    DiagnosticsModel model;
    model.setDiagnostics({{Severity::Error, {3, 10}, QStringLiteral("bad count")},
                          {Severity::Warning, {}, QStringLiteral("whole file")}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(DiagnosticsModel::ColumnCount));
    QCOMPARE(model.index(0, DiagnosticsModel::LocationColumn).data().toString(), QStringLiteral("3:10"));
    QCOMPARE(model.index(0, DiagnosticsModel::SeverityColumn).data().toString(), QStringLiteral("error"));
    QCOMPARE(model.index(0, DiagnosticsModel::MessageColumn).data().toString(), QStringLiteral("bad count"));
    QCOMPARE(model.index(0, 0).data(DiagnosticsModel::LineRole).toInt(), 3);
    QCOMPARE(model.index(0, 0).data(DiagnosticsModel::ColumnRole).toInt(), 10);
    QCOMPARE(model.index(1, DiagnosticsModel::LocationColumn).data().toString(), QString());
    QCOMPARE(model.index(1, DiagnosticsModel::SeverityColumn).data().toString(), QStringLiteral("warning"));
    QCOMPARE(model.headerData(DiagnosticsModel::MessageColumn, Qt::Horizontal).toString(), QStringLiteral("Problem"));
}

QTEST_GUILESS_MAIN(tst_DiagnosticsModel)
#include "tst_diagnosticsmodel.moc"
