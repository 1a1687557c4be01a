#include "expirecommand.h"

#include "providers/costestimate.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

namespace SparkDeck::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}
} // namespace

QString ExpireCommand::summary() const
{
    return tr(
        "Tear the cluster down once machines.expires_after has passed since its machines were "
        "created (the cost guard); --watch waits for that moment.");
}

void ExpireCommand::addOptions(QCommandLineParser &parser) const
{
    ClusterCommand::addOptions(parser);
    parser.addOption(
        {QStringLiteral("watch"), tr("Wait until the cluster expires, then tear it down.")});
}

int ExpireCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    if (!prepare(parser, err))
        return BadInput;
    CostEstimate cost = CostEstimate::of(operations().resources(), QDateTime::currentDateTimeUtc());
    if (!cost.expires) {
        out << tr("Cluster '%1' has no expiry: its machines were not created by SparkDeck, or the "
                  "file sets no "
                  "machines.expires_after.")
                   .arg(spec().name)
            << '\n';
        return Success;
    }
    if (!cost.isExpired() && !parser.isSet(QStringLiteral("watch"))) {
        out << tr("Cluster '%1': %2").arg(spec().name, cost.describe()) << '\n';
        return Success;
    }
    while (!cost.isExpired()) {
        out << tr("Cluster '%1' expires in %2; waiting.")
                   .arg(spec().name, CostEstimate::duration(cost.secondsLeft))
            << '\n';
        out.flush();
        QEventLoop loop;
        // Wake at most hourly to say how long is left; the last wait ends at the expiry itself.
        QTimer::singleShot(int(qMin<qint64>(cost.secondsLeft, 3600) * 1000), &loop,
                           &QEventLoop::quit);
        loop.exec();
        cost = CostEstimate::of(operations().resources(), QDateTime::currentDateTimeUtc());
    }
    out << tr("Cluster '%1' expired at %2: tearing it down.")
               .arg(spec().name, cost.expires->toUTC().toString(Qt::ISODate))
        << '\n';
    const int code = tearDown(false, out, err);
    if (code == Success)
        out << tr("Cluster '%1' is down: its machines and everything made for them are deleted.")
                   .arg(spec().name)
            << '\n';
    return code;
}

} // namespace SparkDeck::Cli
