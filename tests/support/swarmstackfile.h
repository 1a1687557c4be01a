#pragma once

#include "render/swarmstack.h"

#include <QFile>
#include <QTemporaryDir>

namespace SparkDeck::Test {

/// Renders `stack` into `dir`/stack.yml, for `docker stack config|deploy -c` and
/// `docker-compose -f`; the path, or an empty string when it could not be written.
inline QString writeStackFile(const QTemporaryDir &dir, const SwarmStack &stack)
{
    const QString path = dir.filePath(QStringLiteral("stack.yml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(renderSwarmStack(stack).toUtf8()) < 0)
        return QString();
    return path;
}

} // namespace SparkDeck::Test
