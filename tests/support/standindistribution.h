#pragma once

#include <QProcess>
#include <QString>

namespace SparkDeck::Test {

/// Builds the Spark stand-in distribution (tests/lab/spark-standin) into `directory` and
/// returns the tarball's path, or an empty string (with `error` set) when it cannot.
inline QString buildStandinDistribution(const QString &directory, QString *error)
{
    QProcess make;
    make.start(QStringLiteral("bash"), {QStringLiteral(SPARKDECK_SOURCE_DIR "/tests/lab/spark-standin/make-distribution.sh"),
                                        directory});
    if (!make.waitForFinished(120000) || make.exitCode() != 0) {
        *error = QString::fromUtf8(make.readAllStandardError());
        return {};
    }
    return QString::fromUtf8(make.readAllStandardOutput()).trimmed().split(QLatin1Char('\n')).last();
}

} // namespace SparkDeck::Test
