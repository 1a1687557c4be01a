#include "publicaddresslookup.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::PublicAddressLookup)
};
} // namespace

PublicAddressLookup::PublicAddressLookup(const QUrl &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_client(service)
{}

QUrl PublicAddressLookup::serviceFor(const QProcessEnvironment &environment)
{
    return QUrl(environment.value(QStringLiteral("SPARKDECK_ADDRESS_LOOKUP_URL"),
                                  QStringLiteral("https://checkip.amazonaws.com/")));
}

Result<QString> PublicAddressLookup::cidrFrom(const QByteArray &answer)
{
    const QString text = QString::fromLatin1(answer).trimmed();
    QHostAddress address;
    if (text.size() > 64 || !address.setAddress(text) || address.isNull()) {
        return Error{Tr::tr("The address service answered '%1', which is not an IP address; set "
                            "SPARKDECK_ADDRESS_LOOKUP_URL to another service.")
                         .arg(text.left(64))};
    }
    return address.toString()
           + (address.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("/128")
                                                                  : QStringLiteral("/32"));
}

void PublicAddressLookup::lookUp(QObject *context,
                                 std::function<void(const Result<QString> &)> done)
{
    HttpRequest request;
    request.url = m_service; // as it is: a base URL would gain a trailing slash
    m_client.send(request, context, [this, done](const HttpResponse &response) {
        if (!response.isSuccess()) {
            done(Error{Tr::tr("Cannot learn this computer's public address (for the firewall): %1")
                           .arg(RestClient::describe(response, m_client.baseUrl().host()))});
            return;
        }
        done(cidrFrom(response.body));
    });
}

} // namespace SparkDeck
