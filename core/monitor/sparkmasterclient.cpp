#include "sparkmasterclient.h"

#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace SparkDeck {

SparkMasterClient::SparkMasterClient(QObject *parent) : QObject(parent)
{
    // The master answers from a private address through a tunnel: never through a proxy.
    m_network.setProxy(QNetworkProxy::NoProxy);
}

void SparkMasterClient::refresh()
{
    cancel();
    QUrl url = m_baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/json/"));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network.get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { handleReply(reply); });
}

void SparkMasterClient::cancel()
{
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void SparkMasterClient::handleReply(QNetworkReply *reply)
{
    reply->deleteLater();
    if (m_reply != reply)
        return;
    m_reply = nullptr;
    if (reply->error() != QNetworkReply::NoError) {
        Q_EMIT failed(tr("Cannot read the Spark master's status at %1: %2. Is the master running, "
                         "and the tunnel to it open?")
                          .arg(reply->url().toString(), reply->errorString()));
        return;
    }
    const Result<MasterStatus> status = MasterStatus::fromJson(reply->readAll());
    if (!status) {
        Q_EMIT failed(status.errorMessage());
        return;
    }
    Q_EMIT statusReceived(*status);
}

} // namespace SparkDeck
