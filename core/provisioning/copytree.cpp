#include "copytree.h"

#include "util/networkaddress.h"

namespace SparkDeck {

// Host i is node i + 1 of a kFanOut-ary heap whose node 0 is the master.

Machine *CopyTree::add(Machine *host)
{
    m_hosts << host;
    return sourceOf(host);
}

void CopyTree::setCopyStep(const Machine *host, Task *step)
{
    m_copySteps.insert(host, step);
}

Machine *CopyTree::sourceOf(const Machine *host) const
{
    const int index = indexOf(host);
    return index >= kFanOut ? m_hosts.at(index / kFanOut - 1) : nullptr;
}

QList<Machine *> CopyTree::receiversOf(const Machine *host) const
{
    const int index = indexOf(host);
    return index >= 0 ? m_hosts.mid((index + 1) * kFanOut, kFanOut) : QList<Machine *>();
}

Machine *CopyTree::liveSourceOf(const Machine *host) const
{
    Machine *source = sourceOf(host);
    return source && !finished(m_copySteps.value(source)) ? source : nullptr;
}

int CopyTree::receiversStillToCopy(const Machine *host) const
{
    int count = 0;
    for (Machine *receiver : receiversOf(host))
        count += finished(m_copySteps.value(receiver)) ? 0 : 1;
    return count;
}

CopyRoute CopyTree::routeOf(const Machine *host, const QString &masterAddress, int port, const QString &path) const
{
    CopyRoute route;
    if (const Machine *source = liveSourceOf(host))
        route.urls << NetworkAddress::httpUrl(source->address(), port, path);
    route.urls << NetworkAddress::httpUrl(masterAddress, port, path);
    route.relayAddress = host->address();
    route.relayPort = port;
    route.relayHosts = receiversStillToCopy(host);
    return route;
}

int CopyTree::indexOf(const Machine *host) const
{
    return int(m_hosts.indexOf(const_cast<Machine *>(host)));
}

bool CopyTree::finished(const QPointer<Task> &step)
{
    return !step || step->state() == Task::State::Finished;
}

} // namespace SparkDeck
