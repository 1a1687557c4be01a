#include "execresult.h"

#include <QCoreApplication>

namespace SparkDeck {

QString ExecResult::summary() const
{
    if (!error.isEmpty())
        return error;
    if (!exitSignal.isEmpty())
        return QCoreApplication::translate("SparkDeck::ExecResult", "killed by signal %1")
            .arg(exitSignal);
    return QCoreApplication::translate("SparkDeck::ExecResult", "exit %1").arg(exitCode);
}

} // namespace SparkDeck
