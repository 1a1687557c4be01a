#include "clustertemplates.h"

#include "guiresources.h"

#include <QCoreApplication>
#include <QFile>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::ClusterTemplates)
};

} // namespace

QList<ClusterTemplates::Template> ClusterTemplates::all()
{
    return {
        {QStringLiteral("this-computer"), Tr::tr("&This Computer"),
         Tr::tr("A master and two workers on this computer: the quickest way to try Spark"),
         Tr::tr("This computer: 1 master + 2 workers")},
        {QStringLiteral("classroom"), Tr::tr("&Classroom or Lab Machines"),
         Tr::tr("A master and three workers on machines you already have, reached over SSH"),
         Tr::tr("Classroom: 1 master + 3 workers on existing hosts")},
    };
}

QString ClusterTemplates::resourcePath(const QString &id)
{
    return QStringLiteral(":/templates/%1.yaml").arg(id);
}

QByteArray ClusterTemplates::text(const QString &id)
{
    ensureGuiResources();
    QFile file(resourcePath(id));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace SparkDeck
