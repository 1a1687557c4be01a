#pragma once

#include "provisioning/task.h"

#include <QThread>

#include <functional>

namespace SparkDeck {

/// Learns a local file's SHA-512 (a Spark distribution, an image tarball) and hands it to
/// `store` as lowercase hex. Hashes on a worker thread, never on the GUI thread; cancel
/// interrupts it.
class FileHashTask : public Task
{
    Q_OBJECT
public:
    FileHashTask(const QString &title, const QString &path,
                 std::function<void(const QString &)> store, QObject *parent = nullptr);
    ~FileHashTask() override;

protected:
    void run() override;
    void handleCancel() override;

private:
    QString m_path;
    std::function<void(const QString &)> m_store;
    QThread *m_thread = nullptr;
};

} // namespace SparkDeck
