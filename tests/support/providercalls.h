#pragma once

#include "providers/machineprovider.h"
#include "providers/resourcejournal.h"
#include "providers/restclient.h"
#include "provisioning/task.h"

#include <QtTest>

#include <functional>
#include <optional>

namespace SparkDeck::Test {

/// Retries after milliseconds, not seconds: test servers answer at once.
inline RestClient::RetryPolicy quickRetries()
{
    RestClient::RetryPolicy quick;
    quick.firstDelayMs = 5;
    quick.maxDelayMs = 20;
    quick.notFoundDelayMs = 5;
    quick.transferTimeoutMs = 10000;
    return quick;
}

/// What `up` asks a provider for in these tests: cluster "demo", machines "demo-1".."demo-N",
/// minimal user-data, the user's public key, port 22 open to 203.0.113.7 only. Region, size
/// and image stay empty (the provider's defaults) unless the test sets them.
inline MachineRequest demoRequest(int machines, const QString &publicKey)
{
    MachineRequest request;
    request.clusterName = QStringLiteral("demo");
    for (int i = 1; i <= machines; ++i)
        request.names << QStringLiteral("demo-%1").arg(i);
    request.userData = QStringLiteral("#cloud-config\nhostname: demo\n");
    request.sshPublicKey = publicKey;
    request.sshSourceCidr = QStringLiteral("203.0.113.7/32");
    return request;
}

/// Starts `task` and waits until it ends (60 s at most); its outcome, or a failure saying it hung.
inline TaskOutcome runToEnd(Task &task)
{
    QSignalSpy finished(&task, &Task::finished);
    task.start();
    if (task.isRunning() && !finished.wait(60000))
        return TaskOutcome::failure(QStringLiteral("the task did not finish"));
    return task.outcome();
}

/// Waits for one provider callback and gives its result; nullopt when none came in 30 s.
template<typename T>
std::optional<Result<T>>
await(const std::function<void(QObject *, MachineProvider::Callback<T>)> &call)
{
    QObject context;
    std::optional<Result<T>> result;
    call(&context, [&result](const Result<T> &value) { result = value; });
    (void)QTest::qWaitFor([&result] { return result.has_value(); },
                          30000); // nullopt says it timed out
    return result;
}

inline std::optional<Result<QList<ProvidedMachine>>>
createMachines(MachineProvider &provider, const MachineRequest &request, ResourceJournal &journal)
{
    return await<QList<ProvidedMachine>>(
        [&](QObject *context, MachineProvider::Callback<QList<ProvidedMachine>> done) {
            provider.createMachines(request, &journal, context, done);
        });
}

inline Status destroyResource(MachineProvider &provider, const CloudResource &resource)
{
    const auto destroyed
        = await<std::monostate>([&](QObject *context, MachineProvider::StatusCallback done) {
              provider.destroy(resource, context, done);
          });
    return destroyed ? *destroyed : Status(Error{QStringLiteral("no answer to destroy")});
}

inline Result<QList<CloudResource>> findTagged(MachineProvider &provider,
                                               const QString &clusterName)
{
    const auto tagged = await<QList<CloudResource>>(
        [&](QObject *context, MachineProvider::Callback<QList<CloudResource>> done) {
            provider.findTagged(clusterName, context, done);
        });
    return tagged ? *tagged
                  : Result<QList<CloudResource>>(Error{QStringLiteral("no answer to findTagged")});
}

/// What `down` does with a provider: every outstanding resource of the journal, newest first,
/// then the sweep of what carries the cluster's tag. Stops at the first failure.
inline Status tearDown(MachineProvider &provider, ResourceJournal &journal,
                       const QString &clusterName)
{
    const QList<CloudResource> outstanding = journal.outstanding();
    for (auto it = outstanding.crbegin(); it != outstanding.crend(); ++it) {
        if (const Status destroyed = destroyResource(provider, *it); !destroyed)
            return destroyed;
        if (const Status recorded = journal.recordDeleted(it->key); !recorded)
            return recorded;
    }
    const Result<QList<CloudResource>> tagged = findTagged(provider, clusterName);
    if (!tagged)
        return Error{tagged.errorMessage()};
    for (const CloudResource &resource : tagged.value()) {
        if (const Status destroyed = destroyResource(provider, resource); !destroyed)
            return destroyed;
    }
    return success();
}

inline QString messageOf(const Status &status)
{
    return status ? QString() : status.errorMessage();
}

} // namespace SparkDeck::Test
