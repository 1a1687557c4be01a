#pragma once

#include "spec/clusterspec.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>

namespace SparkDeck {

/// The hosts of provider `existing` as an editable table: address, user, port, role, and the
/// result of the last connection check. The wizard's hosts page shows it; the CLI or a test can
/// drive it headless.
///
/// Rules: user and port left empty fall back to the cluster's `ssh` section (setSshDefaults),
/// and say so with IsDefaultRole; each row is checked in place with ClusterSpecValidator's rules
/// (ProblemRole holds the message, empty when the row is fine), duplicates included; the role
/// shown is the effective one (the first host runs the master unless another is marked); any
/// edit of a row clears its check result, since the result was about another host.
class HostListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { AddressColumn, UserColumn, PortColumn, RoleColumn, StatusColumn, ColumnCount };
    Q_ENUM(Column)

    /// What "Check hosts" found out about a host.
    enum class CheckState { NotChecked, Checking, AwaitingHostKey, Reachable, Failed };
    Q_ENUM(CheckState)

    enum Roles {
        ProblemRole = Qt::UserRole + 1, ///< QString: what is wrong with the row, empty if nothing
        IsDefaultRole,                  ///< bool: the cell shows a default, not a value of its own
        CheckStateRole,                 ///< int (CheckState), on every column
    };

    explicit HostListModel(QObject *parent = nullptr);

    QList<HostSpec> hosts() const;
    void setHosts(const QList<HostSpec> &hosts);
    /// The `ssh` section's user and port, shown in cells left empty.
    void setSshDefaults(const QString &user, int port);

    /// Appends hosts by address; addresses already listed (same address, default port) are
    /// skipped. Returns how many rows were added.
    int addAddresses(const QStringList &addresses);
    /// Marks one host as the master (`role: master`); the others lose an explicit master role.
    void setMaster(int row);
    /// The row of the host that runs the master, -1 when there are no hosts.
    int masterRow() const;

    void setCheckState(int row, CheckState state, const QString &text = QString());
    CheckState checkState(int row) const;
    QString checkText(int row) const;
    void clearCheckStates();
    /// Editing off while a check runs, so that rows keep their meaning until it ends.
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    QString problem(int row) const;
    int problemCount() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;

Q_SIGNALS:
    /// The hosts themselves changed (not their check results): rows added, removed or edited.
    void hostsChanged();

private:
    struct Row
    {
        HostSpec host;
        CheckState state = CheckState::NotChecked;
        QString stateText;
    };

    QString hostKey(const HostSpec &host) const;
    void rowsEdited(int first, int last);

    QList<Row> m_rows;
    QString m_defaultUser = QStringLiteral("root");
    int m_defaultPort = 22;
    bool m_editable = true;
};

} // namespace SparkDeck
