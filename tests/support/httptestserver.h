#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace SparkDeck::Test {

/// A request as the HttpTestServer received it.
struct HttpTestRequest
{
    QByteArray method;
    QString path; ///< without the query: "/v2/droplets"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< names in lowercase
    QByteArray body;

    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

/// What the HttpTestServer answers. `hold` keeps the connection open and never answers (a
/// crash between "request sent" and "response received"); `drop` closes it unanswered.
struct HttpTestResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool hold = false;
    bool drop = false;

    static HttpTestResponse json(int status, const QJsonDocument &document)
    {
        return {status,
                document.toJson(QJsonDocument::Compact),
                {{"Content-Type", "application/json"}},
                false,
                false};
    }
    static HttpTestResponse empty(int status) { return {status, {}, {}, false, false}; }
};

/// A small HTTP/1.1 server on 127.0.0.1 for provider tests (Qt 6.4 on Debian has no
/// QHttpServer): it parses each request (Content-Length bodies, keep-alive), hands it to the
/// handler the test gives, and writes the answer. It keeps every request, so a test can check
/// what the provider sent. Runs on the test's thread; answers as the event loop turns.
class HttpTestServer : public QObject
{
public:
    using Handler = std::function<HttpTestResponse(const HttpTestRequest &)>;

    explicit HttpTestServer(QObject *parent = nullptr)
        : QObject(parent)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this,
                                 [this, socket] { serve(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_buffers.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    quint16 port() const { return m_server.serverPort(); }
    /// http://127.0.0.1:<port><path>
    QUrl url(const QString &path = QStringLiteral("/")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
    }
    const QList<HttpTestRequest> &requests() const { return m_requests; }
    QList<HttpTestRequest> requests(const QByteArray &method, const QString &path) const
    {
        QList<HttpTestRequest> found;
        for (const HttpTestRequest &request : m_requests) {
            if (request.method == method && request.path == path)
                found << request;
        }
        return found;
    }
    /// Closes every held connection unanswered.
    void dropHeld()
    {
        for (const QPointer<QTcpSocket> &socket : std::as_const(m_held)) {
            if (socket)
                socket->abort();
        }
        m_held.clear();
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const int headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            HttpTestRequest request;
            request.method = requestLine.value(0);
            const QUrl target(QString::fromLatin1(requestLine.value(1)));
            request.path = target.path();
            request.query = QUrlQuery(target);
            for (int i = 1; i < lines.size(); ++i) {
                const int colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                           lines[i].mid(colon + 1).trimmed());
            }
            const int length = request.headers.value("content-length", "0").toInt();
            if (buffer.size() < headerEnd + 4 + length)
                return;
            request.body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);
            m_requests << request;
            const HttpTestResponse response
                = m_handler ? m_handler(request) : HttpTestResponse::empty(404);
            if (response.drop) {
                socket->abort();
                return;
            }
            if (response.hold) {
                m_held << socket;
                return;
            }
            QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
            for (const auto &header : response.headers)
                out += header.first + ": " + header.second + "\r\n";
            out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n"
                   + response.body;
            socket->write(out);
        }
    }

    QTcpServer m_server;
    Handler m_handler;
    QList<HttpTestRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_held;
};

} // namespace SparkDeck::Test
