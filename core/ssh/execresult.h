#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace SparkDeck {

/// What one remote command did: its exit code or signal, its output, or why it did not run to
/// completion. `error` is empty when the command finished on its own, whatever its exit code.
struct ExecResult
{
    int exitCode = -1;          ///< -1 when the command did not finish (see error)
    QString exitSignal;         ///< "TERM", "KILL", ... when a signal ended it
    QString error;              ///< connection lost, timeout, cancel, sudo wants a password, ...
    QByteArray standardOutput;  ///< kept up to RemoteProcess::kMaxKeptOutput bytes
    QByteArray standardError;
    bool outputTruncated = false;

    bool finished() const { return error.isEmpty(); }
    bool succeeded() const { return error.isEmpty() && exitCode == 0; }
    /// One line for a user: "exit 0", "exit 3", "killed by signal TERM" or the error.
    QString summary() const;
};

} // namespace SparkDeck

Q_DECLARE_METATYPE(SparkDeck::ExecResult)
