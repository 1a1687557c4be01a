#include "passphraseprompter.h"

#include "ssh/sshsession.h"
#include "ssh/sshsessionpool.h"

#include <QDir>
#include <QInputDialog>
#include <QLineEdit>

namespace SparkDeck {

PassphrasePrompter::PassphrasePrompter(SshSessionPool *pool, QWidget *dialogParent)
    : QObject(pool), m_dialogParent(dialogParent)
{
    for (SshSession *session : pool->sessions())
        watch(session);
    connect(pool, &SshSessionPool::sessionCreated, this, &PassphrasePrompter::watch);
}

void PassphrasePrompter::watch(SshSession *session)
{
    connect(session, &SshSession::passphraseRequested, this,
            [this, session](const QString &keyFile, int attempt) { handleRequest(session, keyFile, attempt); });
}

void PassphrasePrompter::handleRequest(SshSession *session, const QString &keyFile, int attempt)
{
    if (attempt > 1)
        m_known.remove(keyFile); // what we gave was wrong
    m_requests.append({session, keyFile, attempt});
    askNext();
}

void PassphrasePrompter::askNext()
{
    for (int i = 0; i < m_requests.size();) {
        const Request request = m_requests.at(i);
        if (!request.session) {
            m_requests.removeAt(i);
        } else if (request.attempt == 1 && m_known.contains(request.keyFile)) {
            m_requests.removeAt(i);
            request.session->answerPassphrase(m_known.value(request.keyFile).reveal());
        } else {
            ++i;
        }
    }
    if (m_dialog || m_requests.isEmpty())
        return; // one question at a time
    const Request request = m_requests.constFirst();
    const QString file = QDir::toNativeSeparators(request.keyFile);
    auto *dialog = new QInputDialog(m_dialogParent);
    dialog->setObjectName(QStringLiteral("passphraseQuestion"));
    dialog->setWindowTitle(tr("Key Passphrase"));
    dialog->setLabelText(request.attempt > 1
                             ? tr("That passphrase was wrong. The passphrase of the key %1:").arg(file)
                             : tr("The key %1 is protected by a passphrase. Passphrase:").arg(file));
    dialog->setTextEchoMode(QLineEdit::Password);
    dialog->setProperty("keyFile", request.keyFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::finished, this, [this, dialog, keyFile = request.keyFile](int result) {
        m_dialog = nullptr;
        if (result == QDialog::Accepted) {
            m_known.insert(keyFile, Secret(dialog->textValue()));
            // Everyone waiting for this key gets it, the one who asked again included.
            for (Request &waiting : m_requests) {
                if (waiting.keyFile == keyFile)
                    waiting.attempt = 1;
            }
        } else {
            // Declined: every session waiting for this key skips it.
            for (int i = int(m_requests.size()) - 1; i >= 0; --i) {
                const Request waiting = m_requests.at(i);
                if (waiting.keyFile != keyFile)
                    continue;
                m_requests.removeAt(i);
                if (waiting.session)
                    waiting.session->answerPassphrase(std::nullopt);
            }
        }
        askNext();
    });
    m_dialog = dialog;
    dialog->open();
}

} // namespace SparkDeck
