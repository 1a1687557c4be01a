#pragma once

#include "provisioning/preflightfinding.h"

#include <QByteArray>
#include <QList>

namespace SparkDeck {

/// What the user's own computer must have for N VirtualBox machines.
struct VirtualBoxNeeds
{
    int machines = 1;
    int memoryMiBEach = 2048;
    qint64 diskBytesEach = 3LL << 30; ///< a linked clone grows to about the packages Spark needs
    qint64 imageBytes = 4LL << 30;    ///< the image and its base disk, when not cached yet
};

/// Checks this computer before any VM is made, from `VBoxManage list hostinfo` and the free
/// space of the cache folder: hardware virtualization (VT-x/AMD-V), memory for N VMs plus
/// 2 GiB for the host itself, and disk. Pure: the caller gathers the facts.
class VirtualBoxPreflight
{
public:
    static QList<PreflightFinding> evaluate(const QByteArray &hostInfo, qint64 freeDiskBytes,
                                            const VirtualBoxNeeds &needs);
};

} // namespace SparkDeck
