#include "hosttag.h"

#include <QCoreApplication>
#include <QVariant>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::HostTag)
};
// Also read by the preflight and shared folder recipes, which tag their own tasks.
const char kHostProperty[] = "sparkdeck.host";
} // namespace

Task *HostTag::tag(Task *task, const Machine *machine)
{
    task->setProperty(kHostProperty, machine ? machine->displayName() : Tr::tr("this computer"));
    return task;
}

Task *HostTag::tag(Task *task, const QString &name)
{
    task->setProperty(kHostProperty, name);
    return task;
}

QString HostTag::of(const QObject *task)
{
    return task->property(kHostProperty).toString();
}

} // namespace SparkDeck
