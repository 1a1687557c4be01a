#include "provideraccess.h"

#include <QDir>
#include <QEventLoop>

namespace SparkDeck::Cli {

namespace {
/// Runs `start` and the event loop until it calls back.
template<typename T>
Result<T> waitFor(const std::function<void(QObject *, std::function<void(const Result<T> &)>)> &start)
{
    std::optional<Result<T>> answer;
    QEventLoop loop;
    QObject context;
    start(&context, [&](const Result<T> &result) {
        answer = result;
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return *answer;
}
} // namespace

ProviderAccess::ProviderAccess(const ClusterSpec &spec)
    : m_connector(std::make_unique<ProviderConnector>(spec, QProcessEnvironment::systemEnvironment(), QDir::homePath()))
{
}

ProviderAccess::~ProviderAccess() = default;

Result<MachineProvider *> ProviderAccess::open(QTextStream &err)
{
    const QMetaObject::Connection notices
        = QObject::connect(m_connector.get(), &ProviderConnector::keychainNotice, [&err](const QString &notice) {
              err << notice << '\n';
              err.flush();
          });
    const Result<MachineProvider *> provider
        = waitFor<MachineProvider *>([this](QObject *context, std::function<void(const Result<MachineProvider *> &)> done) {
              m_connector->open(context, std::move(done));
          });
    QObject::disconnect(notices);
    return provider;
}

Result<MachineCreationOptions> ProviderAccess::creationOptions(bool oneAtATime) const
{
    return waitFor<MachineCreationOptions>(
        [this, oneAtATime](QObject *context, std::function<void(const Result<MachineCreationOptions> &)> done) {
            m_connector->creationOptions(oneAtATime, context, std::move(done));
        });
}

} // namespace SparkDeck::Cli
