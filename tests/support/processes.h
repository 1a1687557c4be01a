#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStringList>

namespace SparkDeck::Test {

/// The live processes (zombies excluded: this machine's init reaps them lazily) whose
/// environment or command line mentions `text`. Lab hosts share this process table, so this
/// sees every host's processes too.
inline QStringList processesMentioning(const QByteArray &text)
{
    QStringList found;
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray fields = stat.readAll();
        const int close = fields.lastIndexOf(')');
        if (close < 0 || fields.mid(close + 2, 1) == "Z")
            continue;
        for (const char *part : {"environ", "cmdline"}) {
            QFile file(QStringLiteral("/proc/%1/%2").arg(pid, QString::fromLatin1(part)));
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text)) {
                found << pid;
                break;
            }
        }
    }
    return found;
}

} // namespace SparkDeck::Test
