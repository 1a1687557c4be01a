#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace SparkDeck {

/// One thing a provider creates for a cluster (a VM, a disk, a key pair, a security group or
/// firewall, a floating IP, a network), as the ResourceJournal records it. It is written
/// *before* the create call is sent (state Intended) and updated when the provider answers, so
/// that `down` can always find it: by `id` once known, else by the cluster tag.
struct CloudResource
{
    enum class State {
        Intended,   ///< about to be created: the call may or may not have reached the provider
        Created,    ///< the provider confirmed it and gave its id
        NotCreated, ///< the provider refused the call: nothing exists
        Deleted,    ///< destroyed (or found gone)
    };

    /// Our identity of the entry, unique in the journal (a UUID without braces).
    QString key;
    QString provider; ///< "digitalocean", "ec2", "virtualbox"...
    QString kind;     ///< "machine" for VMs, else the provider's word: "ssh_key", "firewall"...
    QString name;     ///< the name we gave it ("demo-1")
    QString id;       ///< the provider's id, once known
    /// What was sent as the provider's idempotency key (EC2 ClientToken, GCE requestId), if any.
    QString idempotencyKey;
    QString region;
    State state = State::Intended;
    QString publicAddress;             ///< machines: how SparkDeck reaches it over SSH
    QString privateAddress;            ///< machines: the address cluster traffic uses
    std::optional<double> hourlyPrice; ///< machines: USD per hour, when the API says
    QDateTime recorded;                ///< when the intent was written (UTC)
    QJsonObject details;               ///< anything else the provider needs to find or delete it

    /// The kind of every provider's virtual machines.
    static inline const QString kMachineKind = QStringLiteral("machine");
    bool isMachine() const { return kind == kMachineKind; }
    /// Intended or Created: something `down` must still resolve.
    bool isOutstanding() const { return state == State::Intended || state == State::Created; }

    QJsonObject toJson() const;
    static CloudResource fromJson(const QJsonObject &object);
    static QString toString(State state);
};

} // namespace SparkDeck
