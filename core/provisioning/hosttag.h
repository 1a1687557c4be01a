#pragma once

#include "provisioning/machine.h"
#include "provisioning/task.h"

namespace SparkDeck {

/// The machine a task of a recipe works on, carried by the task itself (its "sparkdeck.host"
/// property), so that progress views, the CLI and the journal group steps by host.
class HostTag
{
public:
    /// Tags `task` with the machine's name ("this computer" when there is none); returns it.
    static Task *tag(Task *task, const Machine *machine);
    /// Tags `task` with a name that is not a machine's (a provider's: "digitalocean").
    static Task *tag(Task *task, const QString &name);
    static QString of(const QObject *task);
};

} // namespace SparkDeck
