#include "virtualboxpreflight.h"

#include <QCoreApplication>
#include <QLocale>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::VirtualBoxPreflight)
};

constexpr qint64 HostReserveMiB = 2048;

/// "Memory size: 15875 MByte" -> "15875 MByte"; empty when absent.
QByteArray field(const QByteArray &hostInfo, const QByteArray &name)
{
    for (const QByteArray &line : hostInfo.split('\n')) {
        if (line.trimmed().startsWith(name + ':'))
            return line.mid(line.indexOf(':') + 1).trimmed();
    }
    return QByteArray();
}

QString gib(qint64 bytes)
{
    return QLocale::c().toString(double(bytes) / (1LL << 30), 'f', 1) + QStringLiteral(" GiB");
}
} // namespace

QList<PreflightFinding> VirtualBoxPreflight::evaluate(const QByteArray &hostInfo,
                                                      qint64 freeDiskBytes,
                                                      const VirtualBoxNeeds &needs)
{
    const QString host = Tr::tr("this computer");
    QList<PreflightFinding> findings;

    const QByteArray virtualization = field(hostInfo, "Processor supports HW virtualization");
    if (virtualization == "yes") {
        findings.append({host,
                         QStringLiteral("virtualization"),
                         PreflightFinding::Status::Ok,
                         Tr::tr("VT-x/AMD-V available"),
                         {}});
    } else {
        findings.append(
            {host, QStringLiteral("virtualization"), PreflightFinding::Status::Error,
             virtualization.isEmpty()
                 ? Tr::tr("VirtualBox did not say whether the CPU supports virtualization")
                 : Tr::tr("the CPU offers no hardware virtualization to VirtualBox"),
             Tr::tr("Enable Intel VT-x or AMD-V (\"SVM Mode\") in the BIOS/UEFI settings; on "
                    "Windows turn "
                    "Hyper-V off; inside a virtual machine, enable nested virtualization.")});
    }

    const qint64 totalMiB = field(hostInfo, "Memory size").split(' ').value(0).toLongLong();
    const qint64 neededMiB = qint64(needs.machines) * needs.memoryMiBEach + HostReserveMiB;
    const QString memoryDetail
        = Tr::tr("%1 VMs x %2 MiB + %3 MiB for this computer = %4 MiB of %5 MiB")
              .arg(needs.machines)
              .arg(needs.memoryMiBEach)
              .arg(HostReserveMiB)
              .arg(neededMiB)
              .arg(totalMiB);
    if (totalMiB > 0 && neededMiB <= totalMiB)
        findings.append(
            {host, QStringLiteral("memory"), PreflightFinding::Status::Ok, memoryDetail, {}});
    else
        findings.append({host, QStringLiteral("memory"), PreflightFinding::Status::Error,
                         memoryDetail,
                         Tr::tr("Use fewer or smaller VMs (machines.size, e.g. 1cpu-1536m), or "
                                "close other programs "
                                "and VMs.")});

    const qint64 neededDisk = needs.imageBytes + qint64(needs.machines) * needs.diskBytesEach;
    const QString diskDetail
        = Tr::tr("%1 free, %2 needed").arg(gib(freeDiskBytes), gib(neededDisk));
    if (freeDiskBytes >= neededDisk)
        findings.append(
            {host, QStringLiteral("disk"), PreflightFinding::Status::Ok, diskDetail, {}});
    else
        findings.append({host, QStringLiteral("disk"), PreflightFinding::Status::Error, diskDetail,
                         Tr::tr("Free disk space in the cache folder, or use fewer VMs.")});
    return findings;
}

} // namespace SparkDeck
