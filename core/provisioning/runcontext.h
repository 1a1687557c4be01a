#pragma once

#include "util/secret.h"

#include <QString>

namespace SparkDeck {

/// Values learnt while a run is under way and shared by the steps that need them (standalone
/// and swarm recipes alike). Secrets stay Secret values: redacted wherever they are printed.
struct RunContext
{
    QString sha512;      ///< of the distribution
    Secret secret;       ///< spark.authenticate.secret: read from the master, or new
    Secret jupyterToken; ///< Jupyter's login token: read from the master, or new
    QString imageSha512; ///< of the image archive (deploy: swarm)
    Secret joinToken;    ///< the swarm's worker join token, read from the manager
};

} // namespace SparkDeck
