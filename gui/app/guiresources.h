#pragma once

namespace SparkDeck {

/// Registers the app's resources (icon, templates). They live in the
/// static library sparkdeck-gui, whose initializer a linker drops unless something refers to it,
/// so everything that reads `:/icons` or `:/templates` calls this first. Cheap after the first
/// call.
void ensureGuiResources();

} // namespace SparkDeck
