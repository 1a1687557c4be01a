#include "filehashtask.h"

#include "util/digest.h"

#include <QCoreApplication>
#include <QFile>

#include <memory>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::FileHashTask)
};
} // namespace

FileHashTask::FileHashTask(const QString &title, const QString &path,
                           std::function<void(const QString &)> store, QObject *parent)
    : Task(title, parent)
    , m_path(path)
    , m_store(std::move(store))
{}

FileHashTask::~FileHashTask()
{
    if (m_thread) {
        m_thread->requestInterruption();
        m_thread->wait();
    }
}

void FileHashTask::run()
{
    const QString path = m_path;
    auto result = std::make_shared<QString>();
    m_thread = QThread::create([path, result] {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *result = QLatin1Char('!') + file.errorString();
            return;
        }
        Digest digest(Digest::Algorithm::Sha512);
        while (!file.atEnd() && !QThread::currentThread()->isInterruptionRequested())
            digest.addData(file.read(1 << 20));
        *result = QString::fromLatin1(digest.result().toHex());
    });
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (state() != State::Running)
            return;
        if (result->startsWith(QLatin1Char('!'))) {
            finish(TaskOutcome::failure(Tr::tr("Cannot read %1: %2").arg(m_path, result->mid(1))));
            return;
        }
        m_store(*result);
        finish(TaskOutcome::success());
    });
    m_thread->start();
}

void FileHashTask::handleCancel()
{
    if (m_thread)
        m_thread->requestInterruption();
    finish(TaskOutcome::cancelled());
}

} // namespace SparkDeck
