#include "guiresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initSparkDeckResources()
{
    Q_INIT_RESOURCE(sparkdeck);
}

namespace SparkDeck {

void ensureGuiResources()
{
    static const bool initialized = [] {
        initSparkDeckResources();
        return true;
    }();
    Q_UNUSED(initialized)
}

} // namespace SparkDeck
