#pragma once

#include "util/secret.h"

#include <QHash>
#include <QInputDialog>
#include <QList>
#include <QObject>
#include <QPointer>

namespace SparkDeck {

class SshSession;
class SshSessionPool;

/// Asks the person at the window for the passphrase of an encrypted key, for every session of a
/// pool: one question at a time, once per key file however many hosts use it (the answer stays
/// in memory, as a Secret, while the pool lives; never on disk), and again, saying so, when it
/// was wrong. Cancel skips the key (ssh-agent is tried next). Without this, such a key is
/// skipped with the advice to load it into ssh-agent.
class PassphrasePrompter : public QObject
{
    Q_OBJECT
public:
    PassphrasePrompter(SshSessionPool *pool, QWidget *dialogParent);

    /// The question shown now, or nullptr.
    QInputDialog *currentQuestion() const { return m_dialog; }

private:
    struct Request
    {
        QPointer<SshSession> session;
        QString keyFile;
        int attempt = 1;
    };

    void watch(SshSession *session);
    void handleRequest(SshSession *session, const QString &keyFile, int attempt);
    /// Answers what the known passphrases can answer, then asks about the first other request.
    void askNext();

    QPointer<QWidget> m_dialogParent;
    QList<Request> m_requests;
    QHash<QString, Secret> m_known;
    QPointer<QInputDialog> m_dialog;
};

} // namespace SparkDeck
