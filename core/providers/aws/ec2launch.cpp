#include "ec2launch.h"

#include "providers/aws/ec2debianimages.h"
#include "providers/aws/ec2instance.h"
#include "providers/aws/ec2pricetable.h"
#include "providers/resourcejournal.h"

#include <QCoreApplication>
#include <QUuid>

#include <algorithm>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::Ec2Launch)
};

const QString KeyPairKind = QStringLiteral("key_pair");
const QString SecurityGroupKind = QStringLiteral("security_group");

/// A definite "no": the call reached EC2 and it refused, so nothing was created.
bool refused(const Ec2Answer &answer)
{
    return answer.response.status >= 400 && answer.response.status < 500;
}
} // namespace

Ec2Launch::Ec2Launch(Ec2Client *client, const MachineRequest &request, ResourceJournal *journal,
                     QObject *context, MachineProvider::Callback<QList<ProvidedMachine>> done)
    : QObject(context)
    , m_client(client)
    , m_request(request)
    , m_journal(journal)
    , m_done(std::move(done))
{}

QString Ec2Launch::resourceName(const QString &clusterName)
{
    return QStringLiteral("sparkdeck-") + clusterName;
}

Ec2Client::Parameters Ec2Launch::tagSpecification(int n, const QString &resourceType,
                                                  const QString &clusterName,
                                                  const QList<std::pair<QString, QString>> &more)
{
    const QString prefix = QStringLiteral("TagSpecification.%1.").arg(n);
    Ec2Client::Parameters parameters{{prefix + QStringLiteral("ResourceType"), resourceType}};
    const QList<std::pair<QString, QString>> tags
        = QList<std::pair<QString, QString>>{{MachineProvider::tagKey(), clusterName}} + more;
    for (int t = 0; t < tags.size(); ++t) {
        parameters.append({prefix + QStringLiteral("Tag.%1.Key").arg(t + 1), tags.at(t).first});
        parameters.append({prefix + QStringLiteral("Tag.%1.Value").arg(t + 1), tags.at(t).second});
    }
    return parameters;
}

QString Ec2Launch::batchTagValue(const QString &clusterName, const QStringList &names)
{
    QStringList suffixes;
    for (const QString &name : names) {
        if (!name.startsWith(clusterName + QLatin1Char('-')))
            return QString();
        suffixes << name.mid(clusterName.size() + 1);
    }
    const QString value = suffixes.join(QLatin1Char(','));
    return value.size() <= 256 ? value : QString(); // EC2's limit for a tag value
}

QString Ec2Launch::nameInBatch(const QString &clusterName, const QString &batchTagValue,
                               int launchIndex)
{
    const QString suffix = batchTagValue.split(QLatin1Char(',')).value(launchIndex);
    return batchTagValue.isEmpty() || suffix.isEmpty() ? QString()
                                                       : clusterName + QLatin1Char('-') + suffix;
}

void Ec2Launch::start()
{
    if (m_request.names.isEmpty()) {
        finish(QList<ProvidedMachine>());
        return;
    }
    if (m_request.sshSourceCidr.isEmpty()) {
        fail(Tr::tr(
            "SparkDeck could not tell this computer's public address, and it opens SSH on the "
            "EC2 machines to that address only. Check the internet connection and run again."));
        return;
    }
    if (m_request.size.isEmpty())
        m_request.size = defaultInstanceType();
    if (!m_request.image.isEmpty()) {
        importKeyPair();
        return;
    }
    // No image named: the newest Debian 12 AMI of the region.
    m_client->callPages(
        QStringLiteral("DescribeImages"), Ec2DebianImages::query(), this,
        [this](const Ec2Pages &pages) {
            const QList<ImageChoice> images
                = Ec2DebianImages::fromPages(pages.pages, m_client->region());
            if (!pages.ok() || images.isEmpty()) {
                fail(pages.ok()
                         ? Tr::tr(
                               "No Debian 12 image was found in %1; name an AMI in machines.image.")
                               .arg(m_client->region())
                         : pages.last.describe());
                return;
            }
            m_request.image = images.first().id;
            importKeyPair();
        });
}

void Ec2Launch::importKeyPair()
{
    const QString name = resourceName(m_request.clusterName);
    const std::optional<CloudResource> existing = journalEntry(KeyPairKind, name);
    if (existing && existing->state == CloudResource::State::Created) {
        createSecurityGroup();
        return;
    }
    const QString key = intentFor(KeyPairKind, name);
    if (key.isEmpty())
        return;
    Ec2Client::Parameters parameters{
        {QStringLiteral("KeyName"), name},
        {QStringLiteral("PublicKeyMaterial"),
         QString::fromLatin1(m_request.sshPublicKey.trimmed().toUtf8().toBase64())}};
    parameters.append(tagSpecification(1, QStringLiteral("key-pair"), m_request.clusterName));
    m_client->call(QStringLiteral("ImportKeyPair"), parameters, this,
                   [this, key, name](const Ec2Answer &answer) {
                       if (answer.ok()
                           || answer.errorCode == QLatin1String("InvalidKeyPair.Duplicate")) {
                           const QString id = answer.xml.text(QStringLiteral("keyPairId"));
                           if (record(m_journal->recordCreated(key, id.isEmpty() ? name : id)))
                               createSecurityGroup();
                           return;
                       }
                       if (refused(answer) && !record(m_journal->recordNotCreated(key)))
                           return;
                       fail(answer.describe());
                   });
}

void Ec2Launch::createSecurityGroup()
{
    const QString name = resourceName(m_request.clusterName);
    const std::optional<CloudResource> existing = journalEntry(SecurityGroupKind, name);
    if (existing && existing->state == CloudResource::State::Created) {
        m_groupId = existing->id;
        authorizeSsh(); // again: the user's address may have changed since
        return;
    }
    const QString key = intentFor(SecurityGroupKind, name);
    if (key.isEmpty())
        return;
    Ec2Client::Parameters parameters{
        {QStringLiteral("GroupName"), name},
        {QStringLiteral("GroupDescription"),
         QStringLiteral(
             "SparkDeck cluster %1: SSH from its owner's address, all traffic between members")
             .arg(m_request.clusterName)}};
    parameters.append(tagSpecification(1, QStringLiteral("security-group"), m_request.clusterName));
    m_client->call(QStringLiteral("CreateSecurityGroup"), parameters, this,
                   [this, key](const Ec2Answer &answer) {
                       if (answer.ok()) {
                           m_groupId = answer.xml.text(QStringLiteral("groupId"));
                           if (record(m_journal->recordCreated(key, m_groupId)))
                               authorizeSsh();
                           return;
                       }
                       if (answer.errorCode == QLatin1String("InvalidGroup.Duplicate")) {
                           findSecurityGroup(key); // made by a run whose answer was lost
                           return;
                       }
                       if (refused(answer) && !record(m_journal->recordNotCreated(key)))
                           return;
                       fail(answer.describe());
                   });
}

void Ec2Launch::findSecurityGroup(const QString &intentKey)
{
    const QString name = resourceName(m_request.clusterName);
    m_client->call(
        QStringLiteral("DescribeSecurityGroups"),
        Ec2Client::filter(1, QStringLiteral("group-name"), {name}), this,
        [this, intentKey, name](const Ec2Answer &answer) {
            m_groupId = answer.xml.child(QStringLiteral("securityGroupInfo"))
                            .child(QStringLiteral("item"))
                            .text(QStringLiteral("groupId"));
            if (!answer.ok() || m_groupId.isEmpty()) {
                fail(answer.ok()
                         ? Tr::tr("EC2 says the security group %1 exists but does not list it; "
                                  "run again in a minute.")
                               .arg(name)
                         : answer.describe());
                return;
            }
            if (record(m_journal->recordCreated(intentKey, m_groupId)))
                authorizeSsh();
        });
}

void Ec2Launch::authorizeSsh()
{
    const Ec2Client::Parameters parameters{
        {QStringLiteral("GroupId"), m_groupId},
        {QStringLiteral("IpPermissions.1.IpProtocol"), QStringLiteral("tcp")},
        {QStringLiteral("IpPermissions.1.FromPort"), QStringLiteral("22")},
        {QStringLiteral("IpPermissions.1.ToPort"), QStringLiteral("22")},
        {QStringLiteral("IpPermissions.1.IpRanges.1.CidrIp"), m_request.sshSourceCidr},
        {QStringLiteral("IpPermissions.1.IpRanges.1.Description"),
         QStringLiteral("SparkDeck: SSH from its owner")}};
    // One rule per call: EC2 rejects a whole call when one of its rules already exists.
    m_client->call(QStringLiteral("AuthorizeSecurityGroupIngress"), parameters, this,
                   [this](const Ec2Answer &answer) {
                       if (answer.ok()
                           || answer.errorCode == QLatin1String("InvalidPermission.Duplicate"))
                           authorizeGroup();
                       else
                           fail(answer.describe());
                   });
}

void Ec2Launch::authorizeGroup()
{
    const Ec2Client::Parameters parameters{
        {QStringLiteral("GroupId"), m_groupId},
        {QStringLiteral("IpPermissions.1.IpProtocol"), QStringLiteral("-1")},
        {QStringLiteral("IpPermissions.1.Groups.1.GroupId"), m_groupId}};
    m_client->call(QStringLiteral("AuthorizeSecurityGroupIngress"), parameters, this,
                   [this](const Ec2Answer &answer) {
                       if (answer.ok()
                           || answer.errorCode == QLatin1String("InvalidPermission.Duplicate"))
                           runInstances();
                       else
                           fail(answer.describe());
                   });
}

void Ec2Launch::runInstances()
{
    // A RunInstances sent before but never answered left these names Intended under one
    // ClientToken: sending the same token for the same batch makes EC2 answer with what it
    // launched then. Otherwise a new token, recorded before the call.
    QStringList keys;
    QString token;
    for (const QString &name : std::as_const(m_request.names)) {
        const std::optional<CloudResource> entry = journalEntry(CloudResource::kMachineKind, name);
        if (!entry || entry->state != CloudResource::State::Intended
            || entry->idempotencyKey.isEmpty()
            || (!token.isEmpty() && entry->idempotencyKey != token))
            break;
        token = entry->idempotencyKey;
        keys << entry->key;
    }
    const auto sameToken = [&token](const CloudResource &resource) {
        return resource.state == CloudResource::State::Intended && resource.idempotencyKey == token;
    };
    const QList<CloudResource> all = m_journal->resources();
    if (keys.size() != m_request.names.size()
        || std::count_if(all.begin(), all.end(), sameToken) != keys.size()) {
        token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QList<CloudResource> intents;
        for (const QString &name : std::as_const(m_request.names)) {
            CloudResource machine;
            machine.provider = QStringLiteral("ec2");
            machine.kind = CloudResource::kMachineKind;
            machine.name = name;
            machine.region = m_client->region();
            machine.idempotencyKey = token;
            machine.hourlyPrice = Ec2PriceTable::hourlyUsd(m_request.size);
            intents << machine;
        }
        const Result<QStringList> recorded = m_journal->recordIntents(intents);
        if (!recorded) {
            fail(recorded.errorMessage());
            return;
        }
        keys = *recorded;
    }

    Ec2Client::Parameters parameters{
        {QStringLiteral("ImageId"), m_request.image},
        {QStringLiteral("InstanceType"), m_request.size},
        {QStringLiteral("MinCount"), QStringLiteral("1")},
        {QStringLiteral("MaxCount"), QString::number(m_request.names.size())},
        {QStringLiteral("ClientToken"), token},
        {QStringLiteral("KeyName"), resourceName(m_request.clusterName)},
        {QStringLiteral("SecurityGroupId.1"), m_groupId},
        {QStringLiteral("UserData"), QString::fromLatin1(m_request.userData.toUtf8().toBase64())}};
    QList<std::pair<QString, QString>> batch;
    if (const QString value = batchTagValue(m_request.clusterName, m_request.names);
        !value.isEmpty())
        batch.append({batchTagKey(), value});
    parameters.append(
        tagSpecification(1, QStringLiteral("instance"), m_request.clusterName, batch));
    parameters.append(tagSpecification(2, QStringLiteral("volume"), m_request.clusterName));
    m_client->call(QStringLiteral("RunInstances"), parameters, this,
                   [this, keys](const Ec2Answer &answer) { handleLaunched(answer, keys); });
}

void Ec2Launch::handleLaunched(const Ec2Answer &answer, const QStringList &keys)
{
    if (!answer.ok()) {
        if (refused(answer)) {
            for (const QString &key : keys) {
                if (!record(m_journal->recordNotCreated(key)))
                    return;
            }
            fail(answer.describe());
        } else {
            fail(answer.describe()
                 + Tr::tr(
                     ". The machines may exist: run again to continue (the same ClientToken makes "
                     "EC2 "
                     "answer with them instead of launching more), or run down to delete them."));
        }
        return;
    }
    QList<XmlNode> launched = answer.xml.child(QStringLiteral("instancesSet")).items();
    std::stable_sort(launched.begin(), launched.end(), [](const XmlNode &a, const XmlNode &b) {
        return a.text(QStringLiteral("amiLaunchIndex")).toInt()
               < b.text(QStringLiteral("amiLaunchIndex")).toInt();
    });
    QList<ProvidedMachine> machines;
    for (int i = 0; i < keys.size(); ++i) {
        if (i >= launched.size()) {
            if (!record(m_journal->recordNotCreated(keys.at(i))))
                return;
            continue;
        }
        ProvidedMachine machine = Ec2Instance::toMachine(launched.at(i));
        machine.name = m_request.names.at(i);
        machine.hourlyPrice = Ec2PriceTable::hourlyUsd(m_request.size);
        if (!record(m_journal->recordCreated(keys.at(i), machine.id)))
            return;
        machines << machine;
    }
    if (machines.size() < keys.size()) {
        fail(Tr::tr("EC2 launched %1 of the %2 machines asked for (its capacity for %3 may be "
                    "exhausted). "
                    "The %1 are recorded and down deletes them; run again for the rest, or choose "
                    "another "
                    "size or region.")
                 .arg(machines.size())
                 .arg(keys.size())
                 .arg(m_request.size));
        return;
    }
    finish(machines);
}

std::optional<CloudResource> Ec2Launch::journalEntry(const QString &kind, const QString &name) const
{
    return m_journal->outstandingEntry(QStringLiteral("ec2"), kind, name);
}

QString Ec2Launch::intentFor(const QString &kind, const QString &name)
{
    if (const std::optional<CloudResource> entry = journalEntry(kind, name))
        return entry->key;
    CloudResource resource;
    resource.provider = QStringLiteral("ec2");
    resource.kind = kind;
    resource.name = name;
    resource.region = m_client->region();
    const Result<QString> key = m_journal->recordIntent(resource);
    if (!key) {
        fail(key.errorMessage());
        return QString();
    }
    return *key;
}

bool Ec2Launch::record(const Status &status)
{
    if (!status)
        fail(status.errorMessage());
    return status.ok();
}

void Ec2Launch::fail(const QString &message)
{
    finish(Error{message});
}

void Ec2Launch::finish(const Result<QList<ProvidedMachine>> &result)
{
    deleteLater();
    auto done = std::move(m_done);
    done(result);
}

} // namespace SparkDeck
