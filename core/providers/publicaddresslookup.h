#pragma once

#include "providers/restclient.h"
#include "util/result.h"

#include <QProcessEnvironment>

namespace SparkDeck {

/// Learns the user's current public address from a "what is my IP" service (plain text, one
/// address), so that a cloud firewall opens port 22 to that address only. The service is
/// https://checkip.amazonaws.com/ unless SPARKDECK_ADDRESS_LOOKUP_URL names another (tests, or
/// a network whose egress address a local service knows better).
class PublicAddressLookup : public QObject
{
    Q_OBJECT
public:
    explicit PublicAddressLookup(const QUrl &service, QObject *parent = nullptr);

    static QUrl serviceFor(const QProcessEnvironment &environment);
    /// "198.51.100.7/32" or "2001:db8::7/128" from the service's answer.
    static Result<QString> cidrFrom(const QByteArray &answer);

    void lookUp(QObject *context, std::function<void(const Result<QString> &)> done);

private:
    QUrl m_service;
    RestClient m_client;
};

} // namespace SparkDeck
