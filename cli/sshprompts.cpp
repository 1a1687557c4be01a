#include "sshprompts.h"

#include "terminalprompt.h"

#include "ssh/sshsession.h"
#include "ssh/sshsessionpool.h"

#include <QCoreApplication>

namespace SparkDeck::Cli {

void askAtTerminal(SshSessionPool &pool)
{
    pool.setPassphraseProvider([](const QString &keyFile) {
        return TerminalPrompt::askSecret(QCoreApplication::translate("Cli", "Passphrase for %1: ").arg(keyFile));
    });
    if (!TerminalPrompt::isInteractive())
        return;
    QObject::connect(&pool, &SshSessionPool::sessionCreated, &pool, [](SshSession *session) {
        QObject::connect(session, &SshSession::hostKeyConfirmationRequested, session,
                         [session](const QString &host, int port, const QString &type, const QString &fingerprint) {
                             const auto answer = TerminalPrompt::askYesNo(
                                 QCoreApplication::translate("Cli", "The authenticity of host %1 (port %2) can't be "
                                                                    "established.\n%3 key fingerprint is %4.\nTrust it "
                                                                    "and add it to known hosts?")
                                     .arg(host)
                                     .arg(port)
                                     .arg(type, fingerprint));
                             session->answerHostKeyQuestion(answer.value_or(false));
                         });
    });
}

} // namespace SparkDeck::Cli
