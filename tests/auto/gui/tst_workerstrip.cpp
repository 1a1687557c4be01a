// The worker strip over a WorkerModel fed with made-up master statuses: tiles follow the
// model; the handle is dragged with the mouse (press, move, release) or moved by keyboard to
// the number wanted; +/− set the pending count; a busy strip does not move.
#include "screenshots.h"

#include "app/translations.h"
#include "dashboard/scalehandle.h"
#include "dashboard/workerstrip.h"
#include "dashboard/workertile.h"

#include "monitor/workermodel.h"

#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

using namespace SparkDeck;
using Tile = WorkerModel::TileState;

class tst_WorkerStrip : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void tilesFollowTheModel();
    void dragTheHandleToScaleUp();
    void dragTheHandleToScaleDownMarksTheTilesThatGo();
    void droppingWhereItStartedAsksNothing();
    void keyboardChoosesAndApplies();
    void keyboardOpensAWorkersPage();
    void theCountStaysWithinItsBounds();
    void aBusyStripDoesNotMove();
    void largerFontLargerTiles();

private:
    static MasterStatus alive(int count)
    {
        MasterStatus status;
        status.status = QStringLiteral("ALIVE");
        for (int i = 1; i <= count; ++i) {
            WorkerStatus worker;
            worker.id = QStringLiteral("worker-%1").arg(i);
            worker.host = QStringLiteral("10.77.0.%1").arg(11 + i);
            worker.webUiAddress = QStringLiteral("http://%1:8081").arg(worker.host);
            worker.state = WorkerState::Alive;
            worker.cores = 2;
            worker.memoryMiB = 2048;
            status.workers << worker;
        }
        return status;
    }
    /// The handle moves under the pointer while it is dragged: every event's position is
    /// computed where the handle is at that moment, from the pointer's place on the screen.
    void press() { QTest::mousePress(m_strip->handle(), Qt::LeftButton, {}, m_strip->handle()->rect().center()); }
    void moveTo(const QPoint &inStrip)
    {
        QTest::mouseMove(m_strip->handle(), m_strip->handle()->mapFrom(m_strip, inStrip));
    }
    void releaseAt(const QPoint &inStrip)
    {
        QTest::mouseRelease(m_strip->handle(), Qt::LeftButton, {}, m_strip->handle()->mapFrom(m_strip, inStrip));
    }
    void drag(int toCount)
    {
        const QPoint start = m_strip->handlePosition(m_strip->pendingCount());
        const QPoint target = m_strip->handlePosition(toCount) + QPoint(3, 5);
        press();
        moveTo((start + target) / 2); // through the way, as a hand moves: the count follows
        moveTo(target);
        QCOMPARE(m_strip->pendingCount(), toCount);
        QVERIFY(m_strip->pendingBubble()->isVisible());
        QVERIFY(m_strip->pendingBubble()->text().startsWith(QString::number(toCount)));
        releaseAt(target);
    }
    QList<Tile> tiles() const
    {
        QList<Tile> states;
        for (WorkerTile *tile : m_strip->tiles())
            states << tile->state();
        return states;
    }

    WorkerModel *m_model = nullptr;
    WorkerStrip *m_strip = nullptr;
};

void tst_WorkerStrip::initTestCase()
{
    QVERIFY(installTranslators(QLocale(QLocale::English)));
}

void tst_WorkerStrip::init()
{
    m_model = new WorkerModel;
    QList<WorkerPlace> places;
    for (int i = 1; i <= 8; ++i)
        places << WorkerPlace{QStringLiteral("10.77.0.%1").arg(11 + i), 8081};
    m_model->setPlaces(places);
    m_model->setWorkerCount(3);
    m_model->setStatus(alive(3));
    m_strip = new WorkerStrip;
    m_strip->setModel(m_model);
    m_strip->setRange(0, 8);
    m_strip->resize(1000, 400);
    m_strip->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_strip));
}

void tst_WorkerStrip::cleanup()
{
    delete m_strip;
    delete m_model;
}

void tst_WorkerStrip::tilesFollowTheModel()
{
    QCOMPARE(tiles(), QList<Tile>(3, Tile::Alive));
    QCOMPARE(m_strip->tiles().at(0)->info().name, QStringLiteral("Worker 1"));
    QCOMPARE(m_strip->tiles().at(0)->stateText(), QStringLiteral("ALIVE"));
    QVERIFY(m_strip->tiles().at(0)->accessibleName().contains(QStringLiteral("ALIVE")));
    // The handle sits after the last tile, vertically centered on it.
    const QRect last = m_strip->tiles().at(2)->geometry();
    QVERIFY(m_strip->handle()->geometry().left() > last.right());
    QCOMPARE(m_strip->handle()->geometry().center().y(), last.center().y());
    m_model->beginTransition(5, WorkerModel::Transition::Scale);
    QCOMPARE(tiles(), QList<Tile>({Tile::Alive, Tile::Alive, Tile::Alive, Tile::Starting, Tile::Starting}));
    QCOMPARE(m_strip->tiles().at(4)->stateText(), QStringLiteral("Starting…"));
    m_model->setStatus(alive(5));
    QCOMPARE(tiles(), QList<Tile>(5, Tile::Alive));
    QVERIFY(SparkDeck::Test::saveScreenshot(m_strip, QStringLiteral("tst_workerstrip"), QStringLiteral("five")).size());
    m_model->endTransition(5);
    m_model->beginTransition(2, WorkerModel::Transition::Scale);
    QCOMPARE(tiles().mid(2), QList<Tile>(3, Tile::Decommissioning));
    QCOMPARE(m_strip->tiles().at(2)->stateText(), QStringLiteral("Decommissioning…"));
    QVERIFY(SparkDeck::Test::saveScreenshot(m_strip, QStringLiteral("tst_workerstrip"), QStringLiteral("decommissioning")).size());
}

void tst_WorkerStrip::dragTheHandleToScaleUp()
{
    QSignalSpy requested(m_strip, &WorkerStrip::scaleRequested);
    drag(5);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toInt(), 5);
}

void tst_WorkerStrip::dragTheHandleToScaleDownMarksTheTilesThatGo()
{
    m_model->setWorkerCount(5);
    m_model->setStatus(alive(5));
    QSignalSpy requested(m_strip, &WorkerStrip::scaleRequested);
    const QPoint target = m_strip->handlePosition(2);
    press();
    moveTo(target);
    QCOMPARE(m_strip->pendingCount(), 2);
    QList<bool> marked;
    for (WorkerTile *tile : m_strip->tiles())
        marked << tile->isMarkedForRemoval();
    QCOMPARE(marked, QList<bool>({false, false, true, true, true}));
    QVERIFY(SparkDeck::Test::saveScreenshot(m_strip, QStringLiteral("tst_workerstrip"), QStringLiteral("dragging-to-two")).size());
    releaseAt(target);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toInt(), 2);
}

void tst_WorkerStrip::droppingWhereItStartedAsksNothing()
{
    QSignalSpy requested(m_strip, &WorkerStrip::scaleRequested);
    const QPoint start = m_strip->handlePosition(3);
    press();
    moveTo(m_strip->handlePosition(6));
    QCOMPARE(m_strip->pendingCount(), 6);
    moveTo(start);
    releaseAt(start);
    QCOMPARE(requested.size(), 0);
    QVERIFY(!m_strip->hasPendingChange());
    QVERIFY(!m_strip->pendingBubble()->isVisible());
}

void tst_WorkerStrip::keyboardChoosesAndApplies()
{
    QSignalSpy requested(m_strip, &WorkerStrip::scaleRequested);
    QSignalSpy pending(m_strip, &WorkerStrip::pendingCountChanged);
    m_strip->handle()->setFocus();
    QTest::keyClick(m_strip->handle(), Qt::Key_Right);
    QTest::keyClick(m_strip->handle(), Qt::Key_Plus);
    QCOMPARE(m_strip->pendingCount(), 5);
    QCOMPARE(pending.size(), 2);
    QVERIFY(m_strip->handle()->accessibleName().endsWith(QStringLiteral("5")));
    QTest::keyClick(m_strip->handle(), Qt::Key_Escape);
    QCOMPARE(m_strip->pendingCount(), 3);
    QTest::keyClick(m_strip->handle(), Qt::Key_Left);
    QTest::keyClick(m_strip->handle(), Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toInt(), 2);
    QTest::keyClick(m_strip->handle(), Qt::Key_End);
    QCOMPARE(m_strip->pendingCount(), 8);
    QTest::keyClick(m_strip->handle(), Qt::Key_Home);
    QCOMPARE(m_strip->pendingCount(), 0);
}

void tst_WorkerStrip::keyboardOpensAWorkersPage()
{
    QSignalSpy activated(m_strip, &WorkerStrip::workerActivated);
    m_strip->activateWindow();
    m_strip->tiles().at(0)->setFocus();
    QTest::keyClick(m_strip->tiles().at(0), Qt::Key_Tab);
    QVERIFY(m_strip->tiles().at(1)->hasFocus());
    QTest::keyClick(m_strip->tiles().at(1), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("worker-2"));
    QTest::keyClick(m_strip->tiles().at(1), Qt::Key_Space);
    QCOMPARE(activated.size(), 2);
    QVERIFY(SparkDeck::Test::saveScreenshot(m_strip, QStringLiteral("tst_workerstrip"), QStringLiteral("tile-focus")).size());
}

void tst_WorkerStrip::theCountStaysWithinItsBounds()
{
    m_strip->setPendingCount(42);
    QCOMPARE(m_strip->pendingCount(), 8);
    m_strip->setPendingCount(-3);
    QCOMPARE(m_strip->pendingCount(), 0);
    // Far beyond the last slot: the most there can be.
    press();
    moveTo(QPoint(m_strip->width() - 2, m_strip->height() - 2));
    QCOMPARE(m_strip->pendingCount(), 8);
    releaseAt(QPoint(m_strip->width() - 2, m_strip->height() - 2));
}

void tst_WorkerStrip::aBusyStripDoesNotMove()
{
    QSignalSpy requested(m_strip, &WorkerStrip::scaleRequested);
    m_strip->setBusy(true);
    QVERIFY(!m_strip->handle()->isEnabled());
    press();
    moveTo(m_strip->handlePosition(6));
    releaseAt(m_strip->handlePosition(6));
    QCOMPARE(m_strip->pendingCount(), 3);
    QCOMPARE(requested.size(), 0);
}

void tst_WorkerStrip::largerFontLargerTiles()
{
    const QSize before = m_strip->tiles().at(0)->size();
    QFont font = m_strip->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    m_strip->setFont(font);
    QTRY_VERIFY(m_strip->tiles().at(0)->width() > before.width() * 1.4);
    QVERIFY(m_strip->tiles().at(0)->height() > before.height() * 1.4);
    QVERIFY(SparkDeck::Test::saveScreenshot(m_strip, QStringLiteral("tst_workerstrip"), QStringLiteral("presentation")).size());
}

QTEST_MAIN(tst_WorkerStrip)
#include "tst_workerstrip.moc"
