#include "provideraccess.h"

#include "providers/credentialresolver.h"
#include "providers/providerregistry.h"
#include "providers/publicaddresslookup.h"
#include "ssh/sshtarget.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>

namespace SparkDeck::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

/// Runs `start` and the event loop until it calls back.
template<typename T>
Result<T> waitFor(const std::function<void(QObject *, std::function<void(const Result<T> &)>)> &start)
{
    std::optional<Result<T>> answer;
    QEventLoop loop;
    QObject context;
    start(&context, [&](const Result<T> &result) {
        answer = result;
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return *answer;
}
} // namespace

ProviderAccess::ProviderAccess(const ClusterSpec &spec) : m_spec(spec) {}

ProviderAccess::~ProviderAccess() = default;

Result<MachineProvider *> ProviderAccess::open(QTextStream &err)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    CredentialResolver resolver(environment, QDir::homePath());
    QObject::connect(&resolver, &CredentialResolver::keychainNotice, &resolver, [&err](const QString &notice) {
        err << notice << '\n';
        err.flush();
    });
    const Provider provider = m_spec.machines.provider;
    const Result<ProviderCredentials> credentials = waitFor<ProviderCredentials>(
        [&](QObject *context, std::function<void(const Result<ProviderCredentials> &)> done) {
            resolver.resolve(provider, context, std::move(done));
        });
    if (!credentials)
        return Error{credentials.errorMessage()};
    Result<std::unique_ptr<MachineProvider>> made = ProviderRegistry::create(
        ProviderSettings{m_spec, *credentials, ProviderRegistry::apiBaseUrl(provider, environment)});
    if (!made)
        return Error{made.errorMessage()};
    m_provider = std::move(made).value();
    return m_provider.get();
}

Result<MachineCreationOptions> ProviderAccess::creationOptions(bool oneAtATime) const
{
    MachineCreationOptions options;
    options.oneAtATime = oneAtATime;
    const QString keyFile = SshTarget::expandHome(m_spec.machines.ssh.identity) + QStringLiteral(".pub");
    QFile key(keyFile);
    if (!key.open(QIODevice::ReadOnly)) {
        return Error{tr("The new machines need your public key, %1, which cannot be read (%2). Create a key pair "
                        "with 'sparkdeck-cli keys FILE --generate' or name yours in machines.ssh.identity.")
                         .arg(keyFile, key.errorString())};
    }
    options.sshPublicKey = QString::fromUtf8(key.readLine()).trimmed();

    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    bool isNumber = false;
    const int pollMs = environment.value(QStringLiteral("SPARKDECK_PROVIDER_POLL_MS")).toInt(&isNumber);
    if (isNumber && pollMs > 0) {
        options.poll.intervalMs = pollMs;
        options.poll.maxPolls = qMax(1, 15 * 60 * 1000 / pollMs);
        options.ssh.intervalMs = pollMs;
        options.ssh.attempts = qMax(1, 5 * 60 * 1000 / pollMs);
        options.lookupIntervalMs = pollMs;
    }
    PublicAddressLookup lookup(PublicAddressLookup::serviceFor(environment));
    const Result<QString> cidr = waitFor<QString>([&](QObject *context, std::function<void(const Result<QString> &)> done) {
        lookup.lookUp(context, std::move(done));
    });
    if (!cidr)
        return Error{cidr.errorMessage()};
    options.sshSourceCidr = *cidr;
    return options;
}

} // namespace SparkDeck::Cli
