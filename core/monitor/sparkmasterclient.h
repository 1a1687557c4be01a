#pragma once

#include "monitor/masterstatus.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkReply;

namespace SparkDeck {

/// Reads the standalone master's status over HTTP: GET <base>/json/ (following Spark's 302
/// from /json), with a timeout. The base URL is usually the local end of an SSH tunnel to the
/// master's web UI, which stays bound to the master's private address.
class SparkMasterClient : public QObject
{
    Q_OBJECT
public:
    explicit SparkMasterClient(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    /// Starts one request; statusReceived() or failed() follows. A request still running is
    /// abandoned: only the newest answer is reported.
    void refresh();
    void cancel();

Q_SIGNALS:
    void statusReceived(const SparkDeck::MasterStatus &status);
    void failed(const QString &message);

private:
    void handleReply(QNetworkReply *reply);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    int m_timeoutMs = 10000;
    QPointer<QNetworkReply> m_reply;
};

} // namespace SparkDeck
