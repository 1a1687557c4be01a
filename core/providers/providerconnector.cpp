#include "providerconnector.h"

#include "providers/credentialresolver.h"
#include "providers/providerregistry.h"
#include "providers/publicaddresslookup.h"
#include "ssh/sshtarget.h"

#include <QCoreApplication>
#include <QFile>
#include <QPointer>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::ProviderConnector)
};
} // namespace

ProviderConnector::ProviderConnector(const ClusterSpec &spec, const QProcessEnvironment &environment,
                                     const QString &homeDirectory, QObject *parent)
    : QObject(parent), m_spec(spec), m_environment(environment), m_home(homeDirectory)
{
}

ProviderConnector::~ProviderConnector() = default;

void ProviderConnector::open(QObject *context, Callback<MachineProvider *> done)
{
    if (m_provider) {
        QMetaObject::invokeMethod(context, [this, done] { done(m_provider.get()); }, Qt::QueuedConnection);
        return;
    }
    auto *resolver = new CredentialResolver(m_environment, m_home, this);
    connect(resolver, &CredentialResolver::keychainNotice, this, &ProviderConnector::keychainNotice);
    const QPointer<QObject> guard(context);
    resolver->resolve(m_spec.machines.provider, context,
                      [this, resolver, guard, done](const Result<ProviderCredentials> &credentials) {
                          resolver->deleteLater();
                          if (!guard)
                              return;
                          if (!credentials) {
                              done(Error{credentials.errorMessage()});
                              return;
                          }
                          const Provider provider = m_spec.machines.provider;
                          Result<std::unique_ptr<MachineProvider>> made = ProviderRegistry::create(ProviderSettings{
                              m_spec, *credentials, ProviderRegistry::apiBaseUrl(provider, m_environment)});
                          if (!made) {
                              done(Error{made.errorMessage()});
                              return;
                          }
                          m_provider = std::move(made).value();
                          m_credentialsSource = credentials->source;
                          done(m_provider.get());
                      });
}

void ProviderConnector::creationOptions(bool oneAtATime, QObject *context, Callback<MachineCreationOptions> done)
{
    MachineCreationOptions options;
    options.oneAtATime = oneAtATime;
    const QString keyFile = SshTarget::expandHome(m_spec.machines.ssh.identity) + QStringLiteral(".pub");
    QFile key(keyFile);
    if (!key.open(QIODevice::ReadOnly)) {
        const Error error{Tr::tr("The new machines need your public key, %1, which cannot be read (%2). Create "
                                 "a key pair with 'sparkdeck-cli keys FILE --generate' or name yours in "
                                 "machines.ssh.identity.")
                              .arg(keyFile, key.errorString())};
        QMetaObject::invokeMethod(context, [done, error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    options.sshPublicKey = QString::fromUtf8(key.readLine()).trimmed();

    bool isNumber = false;
    const int pollMs = m_environment.value(QStringLiteral("SPARKDECK_PROVIDER_POLL_MS")).toInt(&isNumber);
    if (isNumber && pollMs > 0) {
        options.poll.intervalMs = pollMs;
        options.poll.maxPolls = qMax(1, 15 * 60 * 1000 / pollMs);
        options.ssh.intervalMs = pollMs;
        options.ssh.attempts = qMax(1, 5 * 60 * 1000 / pollMs);
        options.lookupIntervalMs = pollMs;
    }
    if (m_spec.machines.provider == Provider::VirtualBox) {
        // VMs on this computer's host-only network: no port is opened to the internet.
        QMetaObject::invokeMethod(context, [done, options] { done(options); }, Qt::QueuedConnection);
        return;
    }
    auto *lookup = new PublicAddressLookup(PublicAddressLookup::serviceFor(m_environment), this);
    lookup->lookUp(context, [lookup, options, done](const Result<QString> &cidr) mutable {
        lookup->deleteLater();
        if (!cidr) {
            done(Error{cidr.errorMessage()});
            return;
        }
        options.sshSourceCidr = *cidr;
        done(options);
    });
}

} // namespace SparkDeck
