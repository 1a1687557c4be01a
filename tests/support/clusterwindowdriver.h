#pragma once

#include "dashboard/clusterwindow.h"
#include "dashboard/workerstrip.h"
#include "dashboard/workertile.h"

#include "monitor/mastermonitor.h"
#include "monitor/masterstatus.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace SparkDeck::Test {

/// The cluster window as the end-to-end tests drive it: opened on a cluster file with its own
/// state folder, shown offscreen; operations waited for; the master's view read back.
class ClusterWindowDriver
{
public:
    /// Null (and `error`) when the file cannot be opened.
    static std::unique_ptr<ClusterWindow> open(const QString &file, const QString &stateDirectory, QString *error)
    {
        auto window = std::make_unique<ClusterWindow>();
        window->setStateDirectory(stateDirectory);
        if (!window->openFile(file, error))
            return nullptr;
        window->resize(1100, 760);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) {
            *error = QStringLiteral("the cluster window was never shown");
            return nullptr;
        }
        return window;
    }

    /// Waits for the next operation to end; true when it was `operation`, its outcome in `outcome`.
    static bool waitForOperation(ClusterWindow *window, ClusterWindow::Operation operation, TaskOutcome *outcome,
                                 int timeoutMs = 600000)
    {
        QSignalSpy finished(window, &ClusterWindow::operationFinished);
        if (!finished.wait(timeoutMs))
            return false;
        *outcome = finished.constFirst().at(1).value<TaskOutcome>();
        return finished.constFirst().at(0).value<ClusterWindow::Operation>() == operation;
    }

    /// The worker strip's tiles' states, in order.
    static QList<WorkerModel::TileState> tileStates(const ClusterWindow *window)
    {
        QList<WorkerModel::TileState> states;
        for (WorkerTile *tile : window->workerStrip()->tiles())
            states << tile->state();
        return states;
    }

    /// Workers the master lists ALIVE, as the window's monitor last saw them.
    static int aliveWorkers(const ClusterWindow *window)
    {
        if (!window->monitor())
            return 0;
        int alive = 0;
        for (const WorkerStatus &worker : window->monitor()->status().workers)
            alive += worker.state == WorkerState::Alive ? 1 : 0;
        return alive;
    }
};

} // namespace SparkDeck::Test
