// Fuzz target: any bytes given to the cluster-file loader yield diagnostics, never a crash, a
// hang or an exception; and whatever it accepts, the writer saves and the loader reads back
// to the same spec (the round trip the GUI's Save relies on).
#include "spec/clusterfileloader.h"
#include "spec/clusterfilewriter.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SparkDeck;
    const QByteArray input(reinterpret_cast<const char *>(data), int(size));
    const LoadedClusterFile loaded = ClusterFileLoader::loadText(input);
    for (const Diagnostic &diagnostic : loaded.diagnostics) {
        if (diagnostic.message.isEmpty() || diagnostic.message.contains(QLatin1Char('\n')))
            std::abort(); // every problem is one readable line
    }
    if (loaded.ok()) {
        const QByteArray saved = ClusterFileWriter::toYaml(loaded.spec);
        const LoadedClusterFile reloaded = ClusterFileLoader::loadText(saved);
        if (!(reloaded.spec == loaded.spec)) {
            std::fprintf(stderr, "round trip changed the spec; saved:\n%s\n", saved.constData());
            std::abort();
        }
    }
    return 0;
}
