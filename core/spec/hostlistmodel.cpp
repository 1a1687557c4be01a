#include "hostlistmodel.h"

#include "spec/clusterspecvalidator.h"
#include "spec/diagnostic.h"

#include <QCoreApplication>
#include <QSet>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::HostListModel)
};

} // namespace

HostListModel::HostListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QList<HostSpec> HostListModel::hosts() const
{
    QList<HostSpec> hosts;
    hosts.reserve(m_rows.size());
    for (const Row &row : m_rows)
        hosts << row.host;
    return hosts;
}

void HostListModel::setHosts(const QList<HostSpec> &hosts)
{
    beginResetModel();
    m_rows.clear();
    for (const HostSpec &host : hosts)
        m_rows << Row{host, CheckState::NotChecked, QString()};
    endResetModel();
    Q_EMIT hostsChanged();
}

void HostListModel::setSshDefaults(const QString &user, int port)
{
    if (user == m_defaultUser && port == m_defaultPort)
        return;
    m_defaultUser = user;
    m_defaultPort = port;
    if (!m_rows.isEmpty()) {
        // Defaults decide which hosts are duplicates and what the rows show.
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

QString HostListModel::hostKey(const HostSpec &host) const
{
    return host.address.toLower() + QLatin1Char(':')
           + QString::number(host.port.value_or(m_defaultPort));
}

int HostListModel::addAddresses(const QStringList &addresses)
{
    QSet<QString> listed;
    for (const Row &row : std::as_const(m_rows))
        listed.insert(hostKey(row.host));
    QList<HostSpec> added;
    for (const QString &address : addresses) {
        HostSpec host;
        host.address = address.trimmed();
        if (host.address.isEmpty() || listed.contains(hostKey(host)))
            continue;
        listed.insert(hostKey(host));
        added << host;
    }
    if (added.isEmpty())
        return 0;
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
    for (const HostSpec &host : std::as_const(added))
        m_rows << Row{host, CheckState::NotChecked, QString()};
    endInsertRows();
    // Roles are effective roles: the first host may have become the master.
    Q_EMIT dataChanged(index(0, RoleColumn), index(rowCount() - 1, RoleColumn));
    Q_EMIT hostsChanged();
    return int(added.size());
}

int HostListModel::masterRow() const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).host.role == HostRole::Master)
            return i;
    }
    return m_rows.isEmpty() ? -1 : 0;
}

void HostListModel::setMaster(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    for (int i = 0; i < m_rows.size(); ++i) {
        HostSpec &host = m_rows[i].host;
        if (i == row)
            host.role = HostRole::Master;
        else if (host.role == HostRole::Master)
            host.role = HostRole::Unassigned;
    }
    Q_EMIT dataChanged(index(0, RoleColumn), index(rowCount() - 1, StatusColumn));
    Q_EMIT hostsChanged();
}

void HostListModel::setCheckState(int row, CheckState state, const QString &text)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].state = state;
    m_rows[row].stateText = text;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

HostListModel::CheckState HostListModel::checkState(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).state : CheckState::NotChecked;
}

QString HostListModel::checkText(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).stateText : QString();
}

void HostListModel::clearCheckStates()
{
    for (Row &row : m_rows) {
        row.state = CheckState::NotChecked;
        row.stateText.clear();
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void HostListModel::setEditable(bool editable)
{
    // Views ask for flags when an edit starts; nothing shown depends on them.
    m_editable = editable;
}

QString HostListModel::problem(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return QString();
    const HostSpec &host = m_rows.at(row).host;
    QStringList problems;
    if (host.address.isEmpty()) {
        problems << Tr::tr("enter an address or a host name");
    } else if (!ClusterSpecValidator::isValidHostAddress(host.address)) {
        problems << Tr::tr("not an IP address or a host name");
    } else {
        const QString key = hostKey(host);
        for (int i = 0; i < row; ++i) {
            if (hostKey(m_rows.at(i).host) == key) {
                problems << Tr::tr("listed twice: row %1 has the same host and port").arg(i + 1);
                break;
            }
        }
    }
    if (!host.user.isEmpty() && !ClusterSpecValidator::isValidUserName(host.user))
        problems << Tr::tr("user '%1' is not a valid login name").arg(displayText(host.user));
    return problems.join(QLatin1String("; "));
}

int HostListModel::problemCount() const
{
    int count = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (!problem(i).isEmpty())
            ++count;
    }
    return count;
}

int HostListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HostListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HostListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const HostSpec &host = row.host;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case AddressColumn:
            return host.address;
        case UserColumn:
            return host.user.isEmpty() ? m_defaultUser : host.user;
        case PortColumn:
            return QString::number(host.port.value_or(m_defaultPort));
        case RoleColumn:
            return index.row() == masterRow() ? Tr::tr("master") : Tr::tr("worker");
        case StatusColumn: {
            const QString problemText = problem(index.row());
            if (!problemText.isEmpty())
                return problemText;
            if (row.state == CheckState::NotChecked)
                return Tr::tr("not checked");
            return row.stateText;
        }
        }
        break;
    case Qt::EditRole:
        switch (column) {
        case AddressColumn:
            return host.address;
        case UserColumn:
            return host.user;
        case PortColumn:
            return host.port ? QString::number(*host.port) : QString();
        case RoleColumn:
            return toString(host.role);
        case StatusColumn:
            return row.stateText;
        }
        break;
    case Qt::ToolTipRole: {
        const QString problemText = problem(index.row());
        if (!problemText.isEmpty())
            return problemText;
        if (column == UserColumn && host.user.isEmpty())
            return Tr::tr("The SSH user below; type a name to use another one for this host");
        if (column == PortColumn && !host.port)
            return Tr::tr("The SSH port below; type a number to use another one for this host");
        if (column == RoleColumn && host.role != HostRole::Master && index.row() == masterRow())
            return Tr::tr("The first host runs the master unless you choose another one");
        return row.stateText.isEmpty() ? QVariant() : QVariant(row.stateText);
    }
    case ProblemRole:
        return problem(index.row());
    case IsDefaultRole:
        switch (column) {
        case UserColumn:
            return host.user.isEmpty();
        case PortColumn:
            return !host.port.has_value();
        case RoleColumn:
            return host.role != HostRole::Master;
        default:
            return false;
        }
    case CheckStateRole:
        return int(row.state);
    default:
        break;
    }
    return {};
}

bool HostListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !(flags(index) & Qt::ItemIsEditable)) {
        return false;
    }
    HostSpec &host = m_rows[index.row()].host;
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case AddressColumn:
        // "[2001:db8::1]" as URLs write it is the address inside the brackets.
        if (text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']')))
            host.address = text.mid(1, text.size() - 2);
        else
            host.address = text;
        break;
    case UserColumn:
        host.user = text == m_defaultUser ? QString() : text;
        break;
    case PortColumn: {
        if (text.isEmpty()) {
            host.port.reset();
            break;
        }
        bool ok = false;
        const int port = text.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return false;
        host.port = port;
        break;
    }
    default:
        return false;
    }
    rowsEdited(index.row(), index.row());
    return true;
}

void HostListModel::rowsEdited(int first, int last)
{
    for (int i = first; i <= last; ++i) {
        m_rows[i].state = CheckState::NotChecked;
        m_rows[i].stateText.clear();
    }
    // An edit can make or end a duplicate anywhere in the list.
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT hostsChanged();
}

QVariant HostListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case AddressColumn:
        return Tr::tr("Address");
    case UserColumn:
        return Tr::tr("User");
    case PortColumn:
        return Tr::tr("Port");
    case RoleColumn:
        return Tr::tr("Role");
    case StatusColumn:
        return Tr::tr("Status");
    }
    return {};
}

Qt::ItemFlags HostListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const int column = index.column();
    if (m_editable && (column == AddressColumn || column == UserColumn || column == PortColumn))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool HostListModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT hostsChanged();
    return true;
}

} // namespace SparkDeck
