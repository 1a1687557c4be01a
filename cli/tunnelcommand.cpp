#include "tunnelcommand.h"

#include "clustertargets.h"
#include "interruptwatcher.h"
#include "sshprompts.h"

#include "render/sparkconfig.h"
#include "ssh/sshsession.h"
#include "ssh/sshsessionpool.h"
#include "ssh/sshtunnel.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>

#include <memory>

namespace SparkDeck::Cli {

namespace {

constexpr int kUnreachableExitCode = 255;
constexpr quint16 kDefaultPort = 8080;
constexpr quint16 kDefaultSocksPort = 1080;

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

std::optional<quint16> portOption(const QCommandLineParser &parser, const QString &option,
                                  QTextStream &err)
{
    bool ok = false;
    const int port = parser.value(option).toInt(&ok);
    if (!ok || port < 0 || port > 65535) {
        err << tr("--%1 needs a port number (0 picks a free one).").arg(option) << '\n';
        return std::nullopt;
    }
    return quint16(port);
}

// Listens on the loopback interface at `port`; when the port was not asked for explicitly and
// is taken, on a free one instead (and says so).
Status listenOn(SshTunnel &tunnel, quint16 port, bool explicitPort, QTextStream &err)
{
    Status listening = tunnel.listen(QHostAddress::LocalHost, port);
    if (!listening && !explicitPort) {
        err << tr("Port %1 is taken here; using a free port instead (choose one with --port).").arg(port)
            << '\n';
        listening = tunnel.listen(QHostAddress::LocalHost, 0);
    }
    return listening;
}

} // namespace

QString TunnelCommand::summary() const
{
    return tr("Open an SSH tunnel to the Spark master's web UI, print its local URL, hold until "
              "Ctrl+C (--socks: also a SOCKS5 proxy to every worker).");
}

void TunnelCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("port"),
                      tr("Local port of the web UI forward (default 8080, or a free one if taken; "
                         "0 picks a free one)."),
                      QStringLiteral("P"), QString::number(kDefaultPort)});
    parser.addOption({QStringLiteral("socks"),
                      tr("Also open a SOCKS5 proxy through the master, for the workers' pages.")});
    parser.addOption({QStringLiteral("socks-port"),
                      tr("Local port of the SOCKS5 proxy (default 1080, or a free one if taken)."),
                      QStringLiteral("S"), QString::number(kDefaultSocksPort)});
    parser.addOption({QStringLiteral("ui-port"),
                      tr("The master web UI's port on the master (default 8080)."),
                      QStringLiteral("PORT"), QString::number(SparkPorts::kMasterWebUi)});
    parser.addOption({QStringLiteral("verbose"), tr("Log the SSH engine's work to stderr.")});
    addStateOption(parser);
}

int TunnelCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << usageLine() << '\n';
        return BadInput;
    }
    const auto port = portOption(parser, QStringLiteral("port"), err);
    const auto socksPort = portOption(parser, QStringLiteral("socks-port"), err);
    const auto uiPort = portOption(parser, QStringLiteral("ui-port"), err);
    if (!port || !socksPort || !uiPort || *uiPort == 0)
        return BadInput;
    const auto cluster = loadClusterTargets(positional.first(), QString(), name(), err,
                                            parser.value(QStringLiteral("state")));
    if (!cluster)
        return BadInput;
    const std::optional<HostSpec> master = cluster->spec.masterHost();
    if (!master)
        return BadInput; // loadClusterTargets() already refused a cluster without hosts
    const SshTarget target = SshTarget::fromSpec(cluster->spec.machines.ssh, *master);
    // The UI listens on the master's cluster address; SSH reaches its public one.
    const QString masterAddress = cluster->clusterAddressOf(*master);

    QLoggingCategory::setFilterRules(parser.isSet(QStringLiteral("verbose"))
                                         ? QStringLiteral("sparkdeck.ssh.debug=true")
                                         : QStringLiteral("sparkdeck.ssh.warning=false"));
    SshSessionPool pool;
    askAtTerminal(pool);
    SshSession *session = pool.session(target);
    InterruptWatcher interrupts;

    // Connect first, so that a refused login is reported before any URL is printed.
    {
        QEventLoop loop;
        QString failure;
        bool interrupted = false;
        QObject::connect(session, &SshSession::connected, &loop, &QEventLoop::quit);
        QObject::connect(session, &SshSession::connectionFailed, &loop, [&](const QString &message) {
            failure = message;
            loop.quit();
        });
        QObject::connect(&interrupts, &InterruptWatcher::interrupted, &loop, [&] {
            interrupted = true;
            session->abort();
            loop.quit();
        });
        session->connectToHost();
        if (!session->isConnected())
            loop.exec();
        if (interrupted)
            return Success;
        if (!session->isConnected()) {
            err << (failure.isEmpty() ? session->errorMessage() : failure) << '\n';
            return kUnreachableExitCode;
        }
    }

    SshTunnel web(session);
    web.setDestination(masterAddress, *uiPort);
    const Status webListening = listenOn(web, *port, parser.isSet(QStringLiteral("port")), err);
    if (!webListening) {
        err << webListening.errorMessage() << '\n';
        return Failure;
    }
    std::unique_ptr<SshTunnel> socks;
    if (parser.isSet(QStringLiteral("socks"))) {
        socks = std::make_unique<SshTunnel>(session);
        socks->setSocks5(true);
        const Status socksListening = listenOn(*socks, *socksPort,
                                               parser.isSet(QStringLiteral("socks-port")), err);
        if (!socksListening) {
            err << socksListening.errorMessage() << '\n';
            return Failure;
        }
    }

    // stdout: the addresses only, one per line, for scripts; the explanation goes to stderr.
    out << QStringLiteral("http://127.0.0.1:%1/").arg(web.localPort()) << '\n';
    if (socks)
        out << QStringLiteral("socks5://127.0.0.1:%1").arg(socks->localPort()) << '\n';
    out.flush();
    err << tr("Spark master web UI of %1 (%2:%3 through %4): http://127.0.0.1:%5/")
               .arg(cluster->spec.name, masterAddress)
               .arg(*uiPort)
               .arg(target.displayName())
               .arg(web.localPort())
        << '\n';
    if (socks) {
        err << tr("SOCKS5 proxy to the cluster's private addresses: 127.0.0.1:%1. Set it as your "
                  "browser's SOCKS5 proxy (with remote DNS) to open the workers' pages, e.g.\n"
                  "  chromium --proxy-server=socks5://127.0.0.1:%1 http://%2:%3/")
                   .arg(socks->localPort())
                   .arg(masterAddress)
                   .arg(*uiPort)
            << '\n';
    }
    err << tr("Press Ctrl+C to close the tunnel.") << '\n';
    err.flush();

    auto reportClosed = [&](const QString &error) {
        if (!error.isEmpty()) {
            err << error << '\n';
            err.flush();
        }
    };
    QObject::connect(&web, &SshTunnel::connectionClosed, &web, reportClosed);
    if (socks)
        QObject::connect(socks.get(), &SshTunnel::connectionClosed, socks.get(), reportClosed);
    QObject::connect(session, &SshSession::connectionLost, session, [&](const QString &message) {
        err << message << ' ' << tr("The tunnel stays open and reconnects on the next connection.")
            << '\n';
        err.flush();
    });

    QEventLoop hold;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &hold, &QEventLoop::quit);
    hold.exec();

    web.close();
    if (socks)
        socks->close();
    session->disconnectFromHost();
    err << tr("Tunnel closed.") << '\n';
    return Success;
}

} // namespace SparkDeck::Cli
