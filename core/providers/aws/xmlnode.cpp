#include "xmlnode.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::XmlNode)
};
} // namespace

Result<XmlNode> XmlNode::parse(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    QList<XmlNode> open; // the elements being read, innermost last
    XmlNode root;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            XmlNode node;
            node.m_name = reader.name().toString();
            open.append(node);
            break;
        }
        case QXmlStreamReader::Characters:
            if (!open.isEmpty())
                open.last().m_text += reader.text();
            break;
        case QXmlStreamReader::EndElement: {
            XmlNode node = open.takeLast();
            node.m_text = node.m_text.trimmed();
            if (open.isEmpty())
                root = node;
            else
                open.last().m_children.append(node);
            break;
        }
        default:
            break;
        }
    }
    if (reader.hasError() || root.isNull())
        return Error{Tr::tr("The answer is not well-formed XML (%1, line %2).")
                         .arg(reader.hasError() ? reader.errorString() : Tr::tr("no element"))
                         .arg(reader.lineNumber())};
    return root;
}

XmlNode XmlNode::child(const QString &name) const
{
    for (const XmlNode &node : m_children) {
        if (node.m_name == name)
            return node;
    }
    return {};
}

QList<XmlNode> XmlNode::children(const QString &name) const
{
    QList<XmlNode> found;
    for (const XmlNode &node : m_children) {
        if (node.m_name == name)
            found.append(node);
    }
    return found;
}

} // namespace SparkDeck
