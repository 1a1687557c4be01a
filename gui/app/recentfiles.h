#pragma once

#include <QObject>
#include <QStringList>

namespace SparkDeck {

/// The cluster files opened or saved lately, newest first, kept in QSettings (`recentFiles`)
/// so that they survive a restart. Holds absolute, clean paths; a path appears once.
class RecentFiles : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxCount = 8;

    explicit RecentFiles(QObject *parent = nullptr);

    QStringList files() const { return m_files; }
    /// Where file dialogs start: the folder of the last cluster file opened or saved, else the
    /// user's documents folder.
    static QString lastFolder();
    static void rememberFolderOf(const QString &path);
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

Q_SIGNALS:
    void filesChanged();

private:
    void store();

    QStringList m_files;
};

} // namespace SparkDeck
