// WorkerModel: the dashboard's worker tiles, merged from the places the cluster file gives and
// the master's /json/; transitions while an operation scales the cluster; checked throughout
// by QAbstractItemModelTester. ApplicationModel: the running applications' table.
#include "monitor/applicationmodel.h"
#include "monitor/workermodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QtTest>

using namespace SparkDeck;
using Tile = WorkerModel::TileState;

class tst_WorkerModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rowsFollowTheCountAndTheMastersStates();
    void severalWorkersOnOneComputerAreToldApartByPort();
    void theRunningEntryOfAPlaceWins();
    void placesDockerChoosesShowTheRunningWorkers();
    void scalingUpShowsStartingUntilAlive();
    void scalingDownShowsDecommissioningThenDecommissionedOrStopped();
    void aFailedScaleUpDropsTheJoiningRows();
    void tearDownShowsStopping();
    void noNewsWhenTheMasterCannotBeReached();
    void workersTheFileDoesNotPlaceComeLast();
    void applicationsTable();

private:
    static WorkerStatus worker(const QString &host, int port, WorkerState state, const QString &id = {})
    {
        WorkerStatus w;
        w.host = host;
        w.webUiAddress = QStringLiteral("http://%1:%2").arg(host).arg(port);
        w.id = id.isEmpty() ? QStringLiteral("worker-%1-%2").arg(host).arg(port) : id;
        w.state = state;
        w.cores = 2;
        w.coresUsed = 1;
        w.memoryMiB = 1536;
        w.memoryUsedMiB = 512;
        return w;
    }
    static MasterStatus status(const QList<WorkerStatus> &workers)
    {
        MasterStatus s;
        s.status = QStringLiteral("ALIVE");
        s.workers = workers;
        return s;
    }
    QList<Tile> tiles() const
    {
        QList<Tile> states;
        for (int row = 0; row < m_model->rowCount(); ++row)
            states << m_model->tileState(row);
        return states;
    }
    static QString host(int i) { return QStringLiteral("10.0.0.%1").arg(i); }
    static QList<WorkerPlace> hostPlaces(int count)
    {
        QList<WorkerPlace> places;
        for (int i = 1; i <= count; ++i)
            places << WorkerPlace{host(i), 8081};
        return places;
    }
    static MasterStatus alive(int count)
    {
        QList<WorkerStatus> workers;
        for (int i = 1; i <= count; ++i)
            workers << worker(host(i), 8081, WorkerState::Alive);
        return status(workers);
    }

    WorkerModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void tst_WorkerModel::init()
{
    m_model = new WorkerModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_WorkerModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void tst_WorkerModel::rowsFollowTheCountAndTheMastersStates()
{
    m_model->setPlaces(hostPlaces(6));
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setWorkerCount(3);
    QCOMPARE(tiles(), QList<Tile>({Tile::Unknown, Tile::Unknown, Tile::Unknown}));
    m_model->setStatus(status({worker(host(1), 8081, WorkerState::Alive),
                               worker(host(2), 8081, WorkerState::Decommissioned),
                               worker(host(3), 8081, WorkerState::Dead)}));
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Decommissioned, Tile::Dead}));
    QCOMPARE(m_model->data(m_model->index(0, WorkerModel::NameColumn)).toString(), QStringLiteral("Worker 1"));
    QCOMPARE(m_model->data(m_model->index(0, WorkerModel::HostColumn)).toString(), host(1));
    QCOMPARE(m_model->data(m_model->index(0, WorkerModel::StateColumn)).toString(), QStringLiteral("ALIVE"));
    QCOMPARE(m_model->data(m_model->index(2, WorkerModel::StateColumn)).toString(), QStringLiteral("DEAD"));
    // (Plural forms come from the English translation, which the app installs and core tests do not.)
    QVERIFY(m_model->data(m_model->index(0, WorkerModel::CoresColumn)).toString().startsWith(QStringLiteral("1 of 2 core")));
    QCOMPARE(m_model->data(m_model->index(0, WorkerModel::MemoryColumn)).toString(), QStringLiteral("512 MiB of 1.5 GiB used"));
    QCOMPARE(m_model->data(m_model->index(0, 0), WorkerModel::CoresRole).toInt(), 2);
    QCOMPARE(m_model->data(m_model->index(0, 0), WorkerModel::WorkerIdRole).toString(), QStringLiteral("worker-10.0.0.1-8081"));
    m_model->setStatus(alive(2));
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Alive, Tile::Missing}));
    QCOMPARE(m_model->data(m_model->index(2, WorkerModel::StateColumn)).toString(), QStringLiteral("Not running"));
    m_model->setWorkerCount(1);
    // Worker 2 still runs although the cluster should have one worker: it stays in sight.
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Alive}));
    QCOMPARE(m_model->data(m_model->index(1, WorkerModel::NameColumn)).toString(), QStringLiteral("Worker 2"));
    m_model->setStatus(alive(1));
    QCOMPARE(m_model->rowCount(), 1);
}

void tst_WorkerModel::severalWorkersOnOneComputerAreToldApartByPort()
{
    m_model->setPlaces({{QStringLiteral("127.0.0.1"), 8081}, {QStringLiteral("127.0.0.1"), 8082},
                        {QStringLiteral("127.0.0.1"), 8083}});
    m_model->setWorkerCount(3);
    m_model->setStatus(status({worker(QStringLiteral("127.0.0.1"), 8083, WorkerState::Alive),
                               worker(QStringLiteral("127.0.0.1"), 8081, WorkerState::Alive)}));
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Missing, Tile::Alive}));
    QCOMPARE(m_model->data(m_model->index(1, WorkerModel::HostColumn)).toString(), QStringLiteral("127.0.0.1:8082"));
}

void tst_WorkerModel::placesDockerChoosesShowTheRunningWorkers()
{
    // Swarm replicas: the workers' addresses are the containers', unknown beforehand.
    m_model->setPlaces(QList<WorkerPlace>(4));
    m_model->setWorkerCount(3);
    m_model->setStatus(status({worker(QStringLiteral("10.0.1.7"), 8081, WorkerState::Dead),
                               worker(QStringLiteral("10.0.1.3"), 8081, WorkerState::Alive),
                               worker(QStringLiteral("10.0.1.4"), 8081, WorkerState::Alive)}));
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Alive, Tile::Missing}));
    QCOMPARE(m_model->data(m_model->index(1, WorkerModel::HostColumn)).toString(), QStringLiteral("10.0.1.4"));
    QCOMPARE(m_model->data(m_model->index(2, WorkerModel::HostColumn)).toString(), QString());
    m_model->beginTransition(4, WorkerModel::Transition::Scale);
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Alive, Tile::Missing, Tile::Starting}));
}

void tst_WorkerModel::theRunningEntryOfAPlaceWins()
{
    m_model->setPlaces(hostPlaces(2));
    m_model->setWorkerCount(1);
    // The master keeps the old DEAD entry of a restarted worker beside the new ALIVE one.
    m_model->setStatus(status({worker(host(1), 8081, WorkerState::Alive, QStringLiteral("new")),
                               worker(host(1), 8081, WorkerState::Dead, QStringLiteral("old"))}));
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive}));
    QCOMPARE(m_model->data(m_model->index(0, 0), WorkerModel::WorkerIdRole).toString(), QStringLiteral("new"));
}

void tst_WorkerModel::scalingUpShowsStartingUntilAlive()
{
    m_model->setPlaces(hostPlaces(6));
    m_model->setWorkerCount(3);
    m_model->setStatus(alive(3));
    m_model->beginTransition(5, WorkerModel::Transition::Scale);
    QVERIFY(m_model->isInTransition());
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Alive, Tile::Alive, Tile::Starting, Tile::Starting}));
    QCOMPARE(m_model->data(m_model->index(3, WorkerModel::StateColumn)).toString(), QStringLiteral("Starting…"));
    QVERIFY(m_model->data(m_model->index(3, WorkerModel::CoresColumn)).toString().isEmpty());
    m_model->setStatus(alive(4));
    QCOMPARE(tiles().mid(3), QList<Tile>({Tile::Alive, Tile::Starting}));
    m_model->setStatus(alive(5));
    m_model->endTransition(5);
    QCOMPARE(tiles(), QList<Tile>(5, Tile::Alive));
    QCOMPARE(m_model->workerCount(), 5);
}

void tst_WorkerModel::scalingDownShowsDecommissioningThenDecommissionedOrStopped()
{
    m_model->setPlaces(hostPlaces(6));
    m_model->setWorkerCount(5);
    m_model->setStatus(alive(5));
    m_model->beginTransition(2, WorkerModel::Transition::Scale);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Alive, Tile::Decommissioning, Tile::Decommissioning,
                                   Tile::Decommissioning}));
    m_model->setStatus(status({worker(host(1), 8081, WorkerState::Alive), worker(host(2), 8081, WorkerState::Alive),
                               worker(host(3), 8081, WorkerState::Decommissioned),
                               worker(host(4), 8081, WorkerState::Alive)}));
    QCOMPARE(tiles().mid(2), QList<Tile>({Tile::Decommissioned, Tile::Decommissioning, Tile::Stopped}));
    m_model->setStatus(status({worker(host(1), 8081, WorkerState::Alive), worker(host(2), 8081, WorkerState::Alive),
                               worker(host(3), 8081, WorkerState::Decommissioned),
                               worker(host(4), 8081, WorkerState::Dead)}));
    m_model->endTransition(2);
    // The leaving tiles stay until the next operation, so one sees where they went.
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Alive, Tile::Decommissioned, Tile::Stopped, Tile::Stopped}));
    m_model->setWorkerCount(2);
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Alive}));
}

void tst_WorkerModel::aFailedScaleUpDropsTheJoiningRows()
{
    m_model->setPlaces(hostPlaces(6));
    m_model->setWorkerCount(2);
    m_model->setStatus(alive(2));
    m_model->beginTransition(4, WorkerModel::Transition::Scale);
    QCOMPARE(m_model->rowCount(), 4);
    m_model->endTransition(2);
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Alive}));
}

void tst_WorkerModel::tearDownShowsStopping()
{
    m_model->setPlaces(hostPlaces(3));
    m_model->setWorkerCount(2);
    m_model->setStatus(alive(2));
    m_model->beginTransition(0, WorkerModel::Transition::Down);
    QCOMPARE(tiles(), QList<Tile>({Tile::Stopping, Tile::Stopping}));
    m_model->clearStatus(); // the master went first
    QCOMPARE(tiles(), QList<Tile>({Tile::Stopping, Tile::Stopping}));
    m_model->endTransition(0);
    QCOMPARE(tiles(), QList<Tile>({Tile::Stopped, Tile::Stopped}));
}

void tst_WorkerModel::noNewsWhenTheMasterCannotBeReached()
{
    m_model->setPlaces(hostPlaces(3));
    m_model->setWorkerCount(2);
    m_model->setStatus(alive(2));
    m_model->clearStatus();
    QVERIFY(!m_model->hasStatus());
    QCOMPARE(tiles(), QList<Tile>({Tile::Unknown, Tile::Unknown}));
    QCOMPARE(m_model->data(m_model->index(0, WorkerModel::StateColumn)).toString(), QStringLiteral("No news"));
}

void tst_WorkerModel::workersTheFileDoesNotPlaceComeLast()
{
    m_model->setPlaces(hostPlaces(3));
    m_model->setWorkerCount(1);
    m_model->setStatus(status({worker(host(1), 8081, WorkerState::Alive), worker(host(3), 8081, WorkerState::Alive),
                               worker(QStringLiteral("10.9.9.9"), 8081, WorkerState::Alive),
                               worker(QStringLiteral("10.9.9.8"), 8081, WorkerState::Dead)}));
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Alive, Tile::Alive}));
    QCOMPARE(m_model->data(m_model->index(1, WorkerModel::NameColumn)).toString(), QStringLiteral("Worker 3"));
    QCOMPARE(m_model->data(m_model->index(2, WorkerModel::NameColumn)).toString(), QStringLiteral("Other worker"));
    QCOMPARE(m_model->data(m_model->index(2, 0), WorkerModel::ManagedRole).toBool(), false);
    QVERIFY(m_model->data(m_model->index(2, 0), Qt::ToolTipRole).toString().contains(QStringLiteral("does not place")));
}

void tst_WorkerModel::applicationsTable()
{
    ApplicationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QFile file(QStringLiteral(SPARKDECK_TEST_DATA "/spark/master-three-workers.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Result<MasterStatus> status = MasterStatus::fromJson(file.readAll());
    QVERIFY(status.ok());
    model.setApplications(status->activeApplications);
    QCOMPARE(model.rowCount(), int(status->activeApplications.size()));
    QVERIFY(model.rowCount() > 0);
    QCOMPARE(model.data(model.index(0, ApplicationModel::IdColumn)).toString(), QStringLiteral("app-20261120223500-0000"));
    QCOMPARE(model.data(model.index(0, 0), ApplicationModel::ApplicationIdRole).toString(), QStringLiteral("app-20261120223500-0000"));
    QCOMPARE(model.headerData(ApplicationModel::DurationColumn, Qt::Horizontal).toString(), QStringLiteral("Running for"));
    model.setApplications({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_WorkerModel)
#include "tst_workermodel.moc"
