#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace SparkDeck {

/// An XML element read whole into memory, for the EC2 Query API's small answers: local names
/// (namespaces dropped), the element's own text and its child elements in order. Lookups of a
/// missing child give an empty node, so a path through an answer reads in one expression:
/// `root.child("instancesSet").items()`.
class XmlNode
{
public:
    static Result<XmlNode> parse(const QByteArray &xml);

    QString name() const { return m_name; }
    QString text() const { return m_text; }
    bool isNull() const { return m_name.isEmpty(); }

    /// The first child element named `name`, or an empty node.
    XmlNode child(const QString &name) const;
    /// The text of the first child named `name` ("" when there is none).
    QString text(const QString &name) const { return child(name).text(); }
    /// Child elements named `name`, in document order.
    QList<XmlNode> children(const QString &name) const;
    /// The `<item>` children: how EC2 writes every list.
    QList<XmlNode> items() const { return children(QStringLiteral("item")); }

private:
    QString m_name;
    QString m_text;
    QList<XmlNode> m_children;
};

} // namespace SparkDeck
