#pragma once

#include <QLoggingCategory>

namespace SparkDeck {

/// Logging for the SSH engine (`sparkdeck.ssh`). Passwords, passphrases and key material are
/// never written to it; commands are logged at debug level only.
Q_DECLARE_LOGGING_CATEGORY(lcSsh)

} // namespace SparkDeck
