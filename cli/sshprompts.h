#pragma once

namespace SparkDeck {
class SshSessionPool;
}

namespace SparkDeck::Cli {

/// Makes a session pool ask the person at the terminal: key passphrases (echo off) and, for
/// host_key_policy "ask", whether to trust an unknown host key, shown as OpenSSH shows it.
/// Without a terminal nothing is asked: the key is refused and the error says what to do.
void askAtTerminal(SshSessionPool &pool);

} // namespace SparkDeck::Cli
