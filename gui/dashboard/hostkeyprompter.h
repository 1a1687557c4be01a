#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QMessageBox;
class QWidget;
QT_END_NAMESPACE

namespace SparkDeck {

class SshSession;
class SshSessionPool;

/// Asks the person at the window whether to trust a host key SparkDeck has not seen, for every
/// session of a pool whose cluster says host_key_policy "ask": the fingerprint in a fixed font,
/// where to compare it, Trust and Save or Refuse (the default). One question at a time; the
/// others wait. Without this, "ask" refuses, as the SSH engine does when nobody listens.
class HostKeyPrompter : public QObject
{
    Q_OBJECT
public:
    HostKeyPrompter(SshSessionPool *pool, QWidget *dialogParent);

    /// The question shown now, or nullptr.
    QMessageBox *currentQuestion() const;
    /// Drops every question not answered yet, the one shown included, without answering:
    /// for when the sessions that asked are going away.
    void withdrawQuestions();

Q_SIGNALS:
    /// A host's key awaits the person's answer (shown now, or after the questions before it).
    void questionQueued(const QString &host, int port, const QString &fingerprint);

private:
    struct Question
    {
        QPointer<SshSession> session;
        QString host;
        int port = 22;
        QString keyType;
        QString fingerprint;
    };

    void handleSessionCreated(SshSession *session);
    void askNext();

    QPointer<QWidget> m_dialogParent;
    QList<Question> m_questions;
    QPointer<QMessageBox> m_box;
};

} // namespace SparkDeck
