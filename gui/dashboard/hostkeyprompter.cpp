#include "hostkeyprompter.h"

#include "ssh/sshsession.h"
#include "ssh/sshsessionpool.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace SparkDeck {

HostKeyPrompter::HostKeyPrompter(SshSessionPool *pool, QWidget *dialogParent)
    : QObject(pool), m_dialogParent(dialogParent)
{
    for (SshSession *session : pool->sessions())
        handleSessionCreated(session);
    connect(pool, &SshSessionPool::sessionCreated, this, &HostKeyPrompter::handleSessionCreated);
}

QMessageBox *HostKeyPrompter::currentQuestion() const
{
    return m_box;
}

void HostKeyPrompter::handleSessionCreated(SshSession *session)
{
    connect(session, &SshSession::hostKeyConfirmationRequested, this,
            [this, session](const QString &host, int port, const QString &keyType, const QString &fingerprint) {
                m_questions.append({session, host, port, keyType, fingerprint});
                Q_EMIT questionQueued(host, port, fingerprint);
                askNext();
            });
}

void HostKeyPrompter::withdrawQuestions()
{
    m_questions.clear();
    if (m_box) {
        m_box->disconnect(this);
        m_box->close();
        m_box = nullptr;
    }
}

void HostKeyPrompter::askNext()
{
    if (m_box)
        return; // one question at a time
    while (!m_questions.isEmpty() && !m_questions.constFirst().session)
        m_questions.removeFirst();
    if (m_questions.isEmpty())
        return;
    const Question question = m_questions.takeFirst();
    const QString hostName = question.port == 22 ? question.host
                                                 : QStringLiteral("[%1]:%2").arg(question.host).arg(question.port);
    auto *box = new QMessageBox(QMessageBox::Question, tr("New Host Key"),
                                tr("SparkDeck has not seen %1 before. Do you trust its host key?").arg(hostName),
                                QMessageBox::Yes | QMessageBox::No, m_dialogParent);
    box->setObjectName(QStringLiteral("hostKeyQuestion"));
    box->setTextFormat(Qt::PlainText);
    // Rich text, so that the fingerprint stays on one line, in a fixed font, to compare.
    box->setInformativeText(
        tr("<p>Its %1 key has the fingerprint</p><p style=\"white-space:pre\"><tt>%2</tt></p><p>Trust it "
           "only if it matches what the machine itself shows (<tt>ssh-keygen -lf "
           "/etc/ssh/ssh_host_*_key.pub</tt>, or ask its administrator). A trusted key is saved to %3.</p>")
            .arg(question.keyType.toHtmlEscaped(), question.fingerprint.toHtmlEscaped(),
                 QDir::toNativeSeparators(question.session->target().knownHostsFile).toHtmlEscaped()));
    box->button(QMessageBox::Yes)->setText(tr("&Trust and Save"));
    box->button(QMessageBox::No)->setText(tr("&Refuse"));
    box->setDefaultButton(QMessageBox::No);
    box->setEscapeButton(QMessageBox::No);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setProperty("fingerprint", question.fingerprint);
    box->setProperty("host", question.host);
    const QPointer<SshSession> session = question.session;
    connect(box, &QMessageBox::finished, this, [this, box, session](int) {
        const bool trust = box->clickedButton() == box->button(QMessageBox::Yes);
        if (session)
            session->answerHostKeyQuestion(trust);
        m_box = nullptr;
        askNext();
    });
    m_box = box;
    box->open();
}

} // namespace SparkDeck
