#pragma once

#include <QString>

#include <optional>

namespace SparkDeck::Cli {

/// Questions to the person at the terminal: yes/no and secrets (echo off). Answers nullopt
/// when stdin is not a terminal, so that scripts never hang on a prompt.
class TerminalPrompt
{
public:
    static bool isInteractive();
    static std::optional<bool> askYesNo(const QString &question);
    static std::optional<QString> askSecret(const QString &prompt);
};

} // namespace SparkDeck::Cli
