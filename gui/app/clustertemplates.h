#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace SparkDeck {

/// The cluster files a new document starts from, shipped in the app's resources
/// (`:/templates/<id>.yaml`). Each one loads without a single diagnostic; a test checks it.
class ClusterTemplates
{
public:
    struct Template
    {
        QString id;          ///< file name without `.yaml`, also the suggested file name
        QString title;       ///< translated menu text, with a mnemonic
        QString description; ///< translated one-line explanation (tooltip, status tip)
        QString summary;     ///< translated "what you get", as the start page lists it
    };

    static QList<Template> all();
    static QString resourcePath(const QString &id);
    /// The template's bytes, or an empty array when there is no such template.
    static QByteArray text(const QString &id);
};

} // namespace SparkDeck
