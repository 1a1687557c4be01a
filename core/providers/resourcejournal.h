#pragma once

#include "providers/cloudresource.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace SparkDeck {

/// The record of every cloud resource a cluster's provider made, in the cluster's state folder
/// (`resources.json`, beside the run journal). Zero orphans is the rule: a provider calls
/// recordIntent() *before* it sends a create call, then recordCreated() or recordNotCreated()
/// when the answer comes; `down` destroys everything outstanding and then sweeps by tag.
/// Rewritten atomically (QSaveFile) after every change: a crash leaves the previous complete
/// file. Holds no secret (tokens never reach it).
///
/// It also holds the cluster's lease for the cost guard: when the machines were created and
/// when they expire.
class ResourceJournal
{
public:
    explicit ResourceJournal(const QString &stateDirectory);

    /// Reads the file; a missing file is an empty journal.
    Status load();
    QString filePath() const;

    /// Writes `resource` as Intended (a new key when it has none); returns its key.
    Result<QString> recordIntent(CloudResource resource);
    /// Several intents in one write, for a batch create call (names[], MinCount/MaxCount).
    Result<QStringList> recordIntents(QList<CloudResource> resources);
    /// `hourlyPrice`: USD per hour, when the provider says (a machine's size).
    Status recordCreated(const QString &key, const QString &id,
                         std::optional<double> hourlyPrice = std::nullopt);
    Status recordNotCreated(const QString &key);
    Status recordAddresses(const QString &key, const QString &publicAddress,
                           const QString &privateAddress);
    Status recordDeleted(const QString &key);

    QList<CloudResource> resources() const { return m_resources; }
    std::optional<CloudResource> resource(const QString &key) const;
    /// Intended or Created entries, oldest first.
    QList<CloudResource> outstanding() const;
    /// Created machines, in the order they were recorded.
    QList<CloudResource> liveMachines() const;
    /// The newest outstanding entry of `provider` with this kind and name: what a run that
    /// stopped half-way made or meant to make.
    std::optional<CloudResource> outstandingEntry(const QString &provider, const QString &kind,
                                                  const QString &name) const;

    /// The cost guard's lease: set once when machines are first created; cleared by `down`.
    Status setLease(const QDateTime &started, const std::optional<QDateTime> &expires);
    Status clearLease();
    /// Drops the entries that are settled (deleted, never created), after a complete `down`:
    /// the run journal keeps the story; this file keeps what may still exist.
    Status forgetSettled();
    std::optional<QDateTime> leaseStarted() const { return m_leaseStarted; }
    std::optional<QDateTime> leaseExpires() const { return m_leaseExpires; }

private:
    Status save();
    int indexOf(const QString &key) const;
    Status update(const QString &key, const std::function<void(CloudResource &)> &change);

    QString m_directory;
    QList<CloudResource> m_resources;
    std::optional<QDateTime> m_leaseStarted;
    std::optional<QDateTime> m_leaseExpires;
};

} // namespace SparkDeck
