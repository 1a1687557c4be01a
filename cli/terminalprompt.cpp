#include "terminalprompt.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace SparkDeck::Cli {

bool TerminalPrompt::isInteractive()
{
    return ::isatty(STDIN_FILENO) && ::isatty(STDERR_FILENO);
}

std::optional<bool> TerminalPrompt::askYesNo(const QString &question)
{
    if (!isInteractive())
        return std::nullopt;
    std::cerr << question.toStdString() << " [y/N] " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer))
        return std::nullopt;
    return answer == "y" || answer == "Y" || answer == "yes";
}

std::optional<QString> TerminalPrompt::askSecret(const QString &prompt)
{
    if (!isInteractive())
        return std::nullopt;
    std::cerr << prompt.toStdString() << std::flush;
    termios saved{};
    ::tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~tcflag_t(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    std::string answer;
    const bool ok = bool(std::getline(std::cin, answer));
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::cerr << '\n';
    if (!ok)
        return std::nullopt;
    return QString::fromStdString(answer);
}

} // namespace SparkDeck::Cli
