#pragma once

#include "util/result.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <functional>

namespace SparkDeck {

/// The three files of a NoCloud seed.
struct SeedFiles
{
    QString userData;
    QString metaData;
    QString networkConfig;
};

/// Makes a NoCloud seed ISO: an ISO 9660 volume labelled `cidata` (cloud-init matches that
/// label exactly) holding user-data, meta-data and network-config, attached to the VM as a
/// DVD. Built with genisoimage, xorriso or mkisofs, whichever is on PATH; without one the
/// error says what to install.
class SeedIso : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Status &)>;

    explicit SeedIso(const QProcessEnvironment &environment
                     = QProcessEnvironment::systemEnvironment(),
                     QObject *parent = nullptr);

    /// The tool found, or an Error saying what to install.
    Result<QString> tool() const;
    /// Writes `files` beside `isoPath` and builds the ISO; `done` runs later, unless `context`
    /// went.
    void build(const SeedFiles &files, const QString &isoPath, QObject *context, Callback done);

private:
    QString m_tool;
};

} // namespace SparkDeck
