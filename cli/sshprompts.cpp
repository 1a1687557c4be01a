#include "sshprompts.h"

#include "terminalprompt.h"

#include "ssh/sshsession.h"
#include "ssh/sshsessionpool.h"

#include <QCoreApplication>

namespace SparkDeck::Cli {

void askAtTerminal(SshSessionPool &pool)
{
    const bool interactive = TerminalPrompt::isInteractive();
    QObject::connect(&pool, &SshSessionPool::sessionCreated, &pool, [interactive](SshSession *session) {
        QObject::connect(session, &SshSession::passphraseRequested, session, [session](const QString &keyFile, int attempt) {
            const QString prompt = attempt > 1
                                       ? QCoreApplication::translate("Cli", "Wrong passphrase. Passphrase for %1: ")
                                       : QCoreApplication::translate("Cli", "Passphrase for %1: ");
            session->answerPassphrase(TerminalPrompt::askSecret(prompt.arg(keyFile)));
        });
        if (!interactive)
            return;
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
