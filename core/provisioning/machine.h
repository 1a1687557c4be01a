#pragma once

#include "ssh/execresult.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace SparkDeck {

/// What to run on a machine: shell text composed with ShellCommand (never raw user input).
struct CommandRequest
{
    QString script;
    QByteArray standardInput;
    bool asRoot = false;   ///< through `sudo -n` when the login user is not root
    int timeoutMs = 0;     ///< 0: no limit
};

/// One command or transfer started on a Machine. Emits finished() exactly once; cancel()
/// makes it finish at once with a "cancelled" error.
class MachineJob : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void start() = 0;
    virtual void cancel() = 0;
    const ExecResult &result() const { return m_result; }

Q_SIGNALS:
    /// A line the command printed (standard output and error alike; never translated).
    void outputLine(const QString &line);
    void progress(qint64 bytesDone, qint64 bytesTotal);
    void finished(const SparkDeck::ExecResult &result);

protected:
    void finishWith(const ExecResult &result)
    {
        m_result = result;
        Q_EMIT finished(m_result);
    }

private:
    ExecResult m_result;
};

/// A machine where provisioning steps run: a host reached over SSH, or this computer.
/// Steps see only this interface, so the same plan runs on both (ARCHITECTURE: the local
/// provider is the embedded default that works with nothing else set up).
class Machine : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// For messages: "10.77.0.12" or "this computer".
    virtual QString displayName() const = 0;
    /// The private address cluster traffic uses (daemons bind to it).
    virtual QString address() const = 0;
    /// A job running `request`; the caller owns it (parent) and starts it.
    virtual MachineJob *run(const CommandRequest &request, QObject *parent) = 0;
    /// A job copying a local file to `remotePath` atomically (never seen half-written).
    virtual MachineJob *upload(const QString &localPath, const QString &remotePath, int mode,
                               QObject *parent) = 0;
};

} // namespace SparkDeck
