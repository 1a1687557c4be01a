#include "sshlogging.h"

namespace SparkDeck {

Q_LOGGING_CATEGORY(lcSsh, "sparkdeck.ssh", QtWarningMsg)

} // namespace SparkDeck
