#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>

namespace SparkDeck {

/// What one VBoxManage command did. VBoxManage sometimes exits 0 after printing an error, so
/// any "error:" on stderr counts as a failure too (as docker-machine found).
struct VBoxResult
{
    QStringList arguments;
    bool started = true;
    int exitCode = 0;
    QByteArray out;
    QByteArray err;

    bool ok() const { return started && exitCode == 0 && !err.contains("error:"); }
    /// What failed and what to do, with the classic failures spelled out: no VT-x or AMD-V
    /// (VERR_VMX_NO_VMX, VERR_SVM_NO_SVM, disabled in the BIOS, Hyper-V holding it, another
    /// hypervisor running), a host-only address VirtualBox does not allow, VBoxManage missing.
    QString describe() const;
    /// "Value: x" of getextradata / guestproperty get; empty for "No value set!".
    QString value() const;
};

/// Runs VirtualBox's command line, one command at a time per call, asynchronously (a QProcess
/// with an argument list: no shell, so names and paths are never re-read as shell text).
/// Finds the program as SPARKDECK_VBOXMANAGE names it, else VBoxManage on PATH, else in
/// VirtualBox's install folder (Windows, macOS).
class VBoxManage : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const VBoxResult &)>;

    explicit VBoxManage(const QProcessEnvironment &environment
                        = QProcessEnvironment::systemEnvironment(),
                        QObject *parent = nullptr);

    /// The program's path, or empty when it is not installed.
    QString program() const { return m_program; }
    /// `done` runs once, later, unless `context` was destroyed first.
    void run(const QStringList &arguments, QObject *context, Callback done);

    /// The message for a missing VBoxManage.
    static QString notInstalledMessage();

private:
    QString m_program;
};

} // namespace SparkDeck
