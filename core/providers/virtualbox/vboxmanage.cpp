#include "vboxmanage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::VBoxManage)
};

QString locate(const QProcessEnvironment &environment)
{
    const QString named = environment.value(QStringLiteral("SPARKDECK_VBOXMANAGE"));
    if (!named.isEmpty())
        return QFileInfo(named).isExecutable() ? named : QString();
    const QStringList path = environment.value(QStringLiteral("PATH"))
                                 .split(QDir::listSeparator(), Qt::SkipEmptyParts);
    for (const QString &name : {QStringLiteral("VBoxManage"), QStringLiteral("vboxmanage")}) {
        const QString found = QStandardPaths::findExecutable(name, path);
        if (!found.isEmpty())
            return found;
    }
    const QStringList installed{
        environment.value(QStringLiteral("ProgramFiles"), QStringLiteral("C:/Program Files"))
            + QStringLiteral("/Oracle/VirtualBox/VBoxManage.exe"),
        QStringLiteral("/Applications/VirtualBox.app/Contents/MacOS/VBoxManage"),
    };
    for (const QString &candidate : installed) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return QString();
}

/// The first "error:" line without VBoxManage's prefix.
QString firstError(const QByteArray &err)
{
    for (const QByteArray &line : err.split('\n')) {
        const int at = line.indexOf("error: ");
        if (at >= 0)
            return QString::fromUtf8(line.mid(at + 7)).trimmed();
    }
    return QString::fromUtf8(err).trimmed();
}
} // namespace

QString VBoxResult::describe() const
{
    if (!started)
        return VBoxManage::notInstalledMessage();
    const QString command
        = QStringLiteral("VBoxManage ") + arguments.mid(0, 2).join(QLatin1Char(' '));
    const auto has = [this](const char *code) {
        return err.contains(code) || out.contains(code);
    };
    if (has("VERR_NEM_NOT_AVAILABLE"))
        return Tr::tr(
            "The virtual machine could not start: Windows' Hyper-V holds the CPU's virtualization "
            "(VERR_NEM_NOT_AVAILABLE). Turn off Hyper-V, Virtual Machine Platform and Windows "
            "Hypervisor Platform in \"Turn Windows features on or off\" (or run "
            "'bcdedit /set hypervisorlaunchtype off' as administrator), then restart the "
            "computer.");
    if (has("VERR_VMX_MSR_ALL_VMX_DISABLED") || has("VERR_VMX_MSR_VMX_DISABLED"))
        return Tr::tr("The virtual machine could not start: VT-x is turned off in this computer's "
                      "BIOS/UEFI "
                      "(%1). Restart, open the firmware settings and enable \"Intel Virtualization "
                      "Technology\" (VT-x), then try again.")
            .arg(QStringLiteral("VERR_VMX_MSR_ALL_VMX_DISABLED"));
    if (has("VERR_VMX_NO_VMX"))
        return Tr::tr(
            "The virtual machine could not start: VT-x is not available (VERR_VMX_NO_VMX). Enable "
            "\"Intel Virtualization Technology\" in the BIOS/UEFI settings; inside a virtual "
            "machine, "
            "enable nested virtualization; on Windows, turn Hyper-V off.");
    if (has("VERR_SVM_NO_SVM") || has("VERR_SVM_DISABLED"))
        return Tr::tr(
            "The virtual machine could not start: AMD-V is not available (VERR_SVM_NO_SVM). Enable "
            "\"SVM Mode\" (AMD-V) in the BIOS/UEFI settings; inside a virtual machine, enable "
            "nested "
            "virtualization; on Windows, turn Hyper-V off.");
    if (has("VERR_VMX_IN_VMX_ROOT_MODE") || has("VERR_SVM_IN_USE"))
        return Tr::tr(
            "The virtual machine could not start: another hypervisor (KVM, QEMU, VMware) is using "
            "the CPU's virtualization. Stop its virtual machines, or unload KVM "
            "('sudo modprobe -r kvm_intel kvm_amd'), then try again.");
    if (arguments.value(0).startsWith(QLatin1String("hostonly")) && has("E_ACCESSDENIED"))
        return Tr::tr("VirtualBox refused the host-only network's addresses (%1 failed: %2). "
                      "VirtualBox 6.1.28 "
                      "and later allow only 192.168.56.0/21 unless /etc/vbox/networks.conf says "
                      "more: add a "
                      "line such as '* 192.168.56.0/21' to it (create the file as administrator).")
            .arg(command, firstError(err));
    if (has("VBOX_E_OBJECT_NOT_FOUND"))
        return Tr::tr(
                   "%1 failed: %2. The virtual machine is not registered in VirtualBox (any more).")
            .arg(command, firstError(err));
    return Tr::tr("%1 failed (exit code %2): %3").arg(command).arg(exitCode).arg(firstError(err));
}

QString VBoxResult::value() const
{
    for (const QByteArray &line : out.split('\n')) {
        if (line.startsWith("Value: "))
            return QString::fromUtf8(line.mid(7)).trimmed();
    }
    return QString();
}

VBoxManage::VBoxManage(const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_program(locate(environment))
{}

QString VBoxManage::notInstalledMessage()
{
    return Tr::tr(
        "VBoxManage, VirtualBox's command line, was not found (looked at SPARKDECK_VBOXMANAGE, on "
        "PATH and in VirtualBox's install folder). Install VirtualBox 7 from "
        "https://www.virtualbox.org/wiki/Downloads (Debian/Ubuntu: the virtualbox-7.0 package), or "
        "set "
        "SPARKDECK_VBOXMANAGE to the VBoxManage program.");
}

void VBoxManage::run(const QStringList &arguments, QObject *context, Callback done)
{
    auto *process = new QProcess(context);
    const auto finish = [process, arguments, done](bool started) {
        VBoxResult result;
        result.arguments = arguments;
        result.started = started;
        if (started) {
            result.exitCode
                = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
            result.out = process->readAllStandardOutput();
            result.err = process->readAllStandardError();
        }
        process->deleteLater();
        done(result);
    };
    connect(process, &QProcess::finished, process, [finish] { finish(true); });
    connect(process, &QProcess::errorOccurred, process,
            [process, finish](QProcess::ProcessError error) {
                if (error == QProcess::FailedToStart) {
                    process->disconnect();
                    finish(false);
                }
            });
    if (m_program.isEmpty()) {
        QMetaObject::invokeMethod(
            process, [finish] { finish(false); }, Qt::QueuedConnection);
        return;
    }
    process->start(m_program, arguments);
}

} // namespace SparkDeck
