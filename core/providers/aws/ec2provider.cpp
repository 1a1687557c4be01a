#include "ec2provider.h"

#include "providers/aws/ec2client.h"
#include "providers/aws/ec2debianimages.h"
#include "providers/aws/ec2instance.h"
#include "providers/aws/ec2launch.h"
#include "providers/aws/ec2pricetable.h"
#include "providers/providerregistry.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::Ec2Provider)
};

/// States of an instance that still exists (terminated and shutting-down ones are going).
const QStringList LiveStates{QStringLiteral("pending"), QStringLiteral("running"),
                             QStringLiteral("stopping"), QStringLiteral("stopped")};
constexpr int GroupLooks = 120; // with the default 5 s between looks: ten minutes

QString tagFilterName()
{
    return QStringLiteral("tag:") + MachineProvider::tagKey();
}

/// Calls `done` from the event loop, as every provider callback must be called.
template<typename T>
void later(QObject *context, std::function<void(const T &)> done, T value)
{
    QTimer::singleShot(0, context,
                       [done = std::move(done), value = std::move(value)] { done(value); });
}
} // namespace

Ec2Provider::Ec2Provider(const QUrl &endpoint, const AwsCredentials &credentials,
                         const QString &region, QObject *parent)
    : MachineProvider(parent)
    , m_client(new Ec2Client(endpoint, credentials, region, this))
{}

Result<std::unique_ptr<MachineProvider>> Ec2Provider::create(const ProviderSettings &settings)
{
    const ProviderCredentials &credentials = settings.credentials;
    if (!credentials.has(QStringLiteral("access_key_id"))
        || !credentials.has(QStringLiteral("secret_access_key")))
        return Error{
            Tr::tr("No AWS access key found. Put one in ~/.aws/credentials (aws configure), or set "
                   "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.")};
    QString region = settings.spec.machines.region;
    if (region.isEmpty())
        region = credentials.value(QStringLiteral("region")).reveal();
    if (region.isEmpty())
        region = QStringLiteral("us-east-1");
    const AwsCredentials aws{credentials.value(QStringLiteral("access_key_id")).reveal(),
                             credentials.value(QStringLiteral("secret_access_key")),
                             credentials.value(QStringLiteral("session_token"))};
    const QUrl endpoint
        = settings.apiBaseUrl.isEmpty() ? Ec2Client::endpointFor(region) : settings.apiBaseUrl;
    return std::unique_ptr<MachineProvider>(std::make_unique<Ec2Provider>(endpoint, aws, region));
}

void Ec2Provider::listChoices(QObject *context, Callback<ProviderChoices> done)
{
    // Three listings in parallel; the answer when the last one is in.
    struct Gathering
    {
        ProviderChoices choices;
        QString error;
        int pending = 3;
    };
    auto gathering = std::make_shared<Gathering>();
    // Each listing reads its pages, then says it arrived.
    const auto arrived = [gathering, done](const Ec2Pages &pages) {
        if (!pages.ok() && gathering->error.isEmpty())
            gathering->error = pages.last.describe();
        if (--gathering->pending > 0)
            return;
        if (!gathering->error.isEmpty())
            done(Error{gathering->error});
        else
            done(gathering->choices);
    };

    m_client->callPages(
        QStringLiteral("DescribeRegions"), {}, context,
        [gathering, arrived](const Ec2Pages &pages) {
            for (const XmlNode &page : pages.pages) {
                for (const XmlNode &item : page.child(QStringLiteral("regionInfo")).items()) {
                    const QString name = item.text(QStringLiteral("regionName"));
                    gathering->choices.regions.append({name, name,
                                                       item.text(QStringLiteral("optInStatus"))
                                                           != QLatin1String("not-opted-in")});
                }
            }
            arrived(pages);
        });

    Ec2Client::Parameters types
        = Ec2Client::filter(1, QStringLiteral("current-generation"), {QStringLiteral("true")});
    types.append(Ec2Client::filter(2, QStringLiteral("processor-info.supported-architecture"),
                                   {QStringLiteral("x86_64")}));
    types.append({QStringLiteral("MaxResults"), QStringLiteral("100")});
    m_client->callPages(
        QStringLiteral("DescribeInstanceTypes"), types, context,
        [gathering, arrived](const Ec2Pages &pages) {
            for (const XmlNode &page : pages.pages) {
                for (const XmlNode &item : page.child(QStringLiteral("instanceTypeSet")).items()) {
                    SizeChoice size;
                    size.id = item.text(QStringLiteral("instanceType"));
                    size.cpus = item.child(QStringLiteral("vCpuInfo"))
                                    .text(QStringLiteral("defaultVCpus"))
                                    .toInt();
                    size.memoryMiB = item.child(QStringLiteral("memoryInfo"))
                                         .text(QStringLiteral("sizeInMiB"))
                                         .toLongLong();
                    size.hourlyPrice = Ec2PriceTable::hourlyUsd(size.id);
                    gathering->choices.sizes.append(size);
                }
            }
            std::sort(gathering->choices.sizes.begin(), gathering->choices.sizes.end(),
                      [](const SizeChoice &a, const SizeChoice &b) {
                          return std::tie(a.cpus, a.memoryMiB, a.id)
                                 < std::tie(b.cpus, b.memoryMiB, b.id);
                      });
            arrived(pages);
        });

    m_client->callPages(QStringLiteral("DescribeImages"), Ec2DebianImages::query(), context,
                        [this, gathering, arrived](const Ec2Pages &pages) {
                            gathering->choices.images
                                = Ec2DebianImages::fromPages(pages.pages, m_client->region());
                            arrived(pages);
                        });
}

void Ec2Provider::createMachines(const MachineRequest &request, ResourceJournal *journal,
                                 QObject *context, Callback<QList<ProvidedMachine>> done)
{
    auto *launch = new Ec2Launch(m_client, request, journal, context, std::move(done));
    QTimer::singleShot(0, launch, &Ec2Launch::start);
}

void Ec2Provider::describeMachines(const QStringList &ids, QObject *context,
                                   Callback<QList<ProvidedMachine>> done)
{
    if (ids.isEmpty()) {
        later<Result<QList<ProvidedMachine>>>(context, std::move(done), QList<ProvidedMachine>());
        return;
    }
    m_client->callPages(
        QStringLiteral("DescribeInstances"), Ec2Client::list(QStringLiteral("InstanceId"), ids),
        context, [ids, done](const Ec2Pages &pages) {
            QList<ProvidedMachine> machines;
            for (const QString &id : ids) {
                ProvidedMachine machine; // Pending until EC2 lists it
                machine.id = id;
                machine.statusText = QStringLiteral("not visible yet");
                machines << machine;
            }
            // EC2 is eventually consistent: an instance launched a moment ago
            // may be unknown to DescribeInstances for a while.
            if (!pages.ok()
                && pages.last.errorCode != QLatin1String("InvalidInstanceID.NotFound")) {
                done(Error{pages.last.describe()});
                return;
            }
            for (const XmlNode &page : pages.pages) {
                for (const XmlNode &item : Ec2Instance::inReservations(page)) {
                    const ProvidedMachine machine = Ec2Instance::toMachine(item);
                    const int index = ids.indexOf(machine.id);
                    if (index >= 0)
                        machines[index] = machine;
                }
            }
            done(machines);
        });
}

void Ec2Provider::destroy(const CloudResource &resource, QObject *context, StatusCallback done)
{
    if (resource.isMachine()) {
        if (!resource.id.isEmpty())
            terminate({resource.id}, context, std::move(done));
        else if (!resource.idempotencyKey.isEmpty())
            terminateByClientToken(resource.idempotencyKey, context, std::move(done));
        else
            later<Status>(context, std::move(done), success());
    } else if (resource.kind == QLatin1String("security_group")) {
        deleteSecurityGroup(resource, context, std::move(done));
    } else if (resource.kind == QLatin1String("key_pair")) {
        deleteKeyPair(resource, context, std::move(done));
    } else {
        later<Status>(
            context, std::move(done),
            Error{
                Tr::tr("SparkDeck does not know how to delete an EC2 %1 (%2); delete it in the AWS "
                       "console.")
                    .arg(resource.kind, resource.id)});
    }
}

void Ec2Provider::terminate(const QStringList &ids, QObject *context, StatusCallback done)
{
    m_client->call(
        QStringLiteral("TerminateInstances"), Ec2Client::list(QStringLiteral("InstanceId"), ids),
        context, [done](const Ec2Answer &answer) {
            if (answer.ok() || answer.errorCode == QLatin1String("InvalidInstanceID.NotFound"))
                done(success());
            else
                done(Error{answer.describe()});
        });
}

void Ec2Provider::terminateByClientToken(const QString &token, QObject *context,
                                         StatusCallback done)
{
    // A RunInstances whose answer was lost: what it launched carries its ClientToken.
    Ec2Client::Parameters parameters
        = Ec2Client::filter(1, QStringLiteral("client-token"), {token});
    parameters.append(Ec2Client::filter(2, QStringLiteral("instance-state-name"), LiveStates));
    m_client->callPages(QStringLiteral("DescribeInstances"), parameters, context,
                        [this, context, done](const Ec2Pages &pages) {
                            if (!pages.ok()) {
                                done(Error{pages.last.describe()});
                                return;
                            }
                            QStringList ids;
                            for (const XmlNode &page : pages.pages) {
                                for (const XmlNode &item : Ec2Instance::inReservations(page))
                                    ids << item.text(QStringLiteral("instanceId"));
                            }
                            if (ids.isEmpty())
                                done(success());
                            else
                                terminate(ids, context, done);
                        });
}

void Ec2Provider::deleteSecurityGroup(const CloudResource &resource, QObject *context,
                                      StatusCallback done)
{
    if (!resource.id.isEmpty()) {
        deleteGroupWhenEmpty(resource.id, GroupLooks, context, std::move(done));
        return;
    }
    m_client->call(QStringLiteral("DescribeSecurityGroups"),
                   Ec2Client::filter(1, QStringLiteral("group-name"), {resource.name}), context,
                   [this, context, done](const Ec2Answer &answer) {
                       if (!answer.ok()) {
                           done(Error{answer.describe()});
                           return;
                       }
                       const QString groupId = answer.xml.child(QStringLiteral("securityGroupInfo"))
                                                   .child(QStringLiteral("item"))
                                                   .text(QStringLiteral("groupId"));
                       if (groupId.isEmpty())
                           done(success()); // never created
                       else
                           deleteGroupWhenEmpty(groupId, GroupLooks, context, done);
                   });
}

void Ec2Provider::deleteGroupWhenEmpty(const QString &groupId, int looksLeft, QObject *context,
                                       StatusCallback done)
{
    // Terminating instances keep their group until they are gone: EC2 refuses to delete it
    // before (DependencyViolation). Wait for that, then delete.
    const auto again = [this, groupId, looksLeft, context, done](const QString &why) {
        if (looksLeft <= 0) {
            done(Error{Tr::tr("The security group %1 still has instances after waiting (%2). Run "
                              "down again in "
                              "a few minutes.")
                           .arg(groupId, why)});
            return;
        }
        QTimer::singleShot(m_pollIntervalMs, context, [this, groupId, looksLeft, context, done] {
            deleteGroupWhenEmpty(groupId, looksLeft - 1, context, done);
        });
    };
    Ec2Client::Parameters parameters
        = Ec2Client::filter(1, QStringLiteral("instance.group-id"), {groupId});
    parameters.append(Ec2Client::filter(2, QStringLiteral("instance-state-name"),
                                        LiveStates + QStringList{QStringLiteral("shutting-down")}));
    m_client->callPages(
        QStringLiteral("DescribeInstances"), parameters, context,
        [this, groupId, context, done, again](const Ec2Pages &pages) {
            if (!pages.ok()) {
                done(Error{pages.last.describe()});
                return;
            }
            for (const XmlNode &page : pages.pages) {
                if (!Ec2Instance::inReservations(page).isEmpty()) {
                    again(Tr::tr("instances are still shutting down"));
                    return;
                }
            }
            m_client->call(
                QStringLiteral("DeleteSecurityGroup"), {{QStringLiteral("GroupId"), groupId}},
                context, [done, again](const Ec2Answer &answer) {
                    if (answer.ok() || answer.errorCode == QLatin1String("InvalidGroup.NotFound"))
                        done(success());
                    else if (answer.errorCode == QLatin1String("DependencyViolation"))
                        again(answer.errorMessage);
                    else
                        done(Error{answer.describe()});
                });
        });
}

void Ec2Provider::deleteKeyPair(const CloudResource &resource, QObject *context,
                                StatusCallback done)
{
    m_client->call(QStringLiteral("DeleteKeyPair"), {{QStringLiteral("KeyName"), resource.name}},
                   context, [done](const Ec2Answer &answer) {
                       if (answer.ok()
                           || answer.errorCode == QLatin1String("InvalidKeyPair.NotFound"))
                           done(success());
                       else
                           done(Error{answer.describe()});
                   });
}

void Ec2Provider::findTagged(const QString &clusterName, QObject *context,
                             Callback<QList<CloudResource>> done)
{
    const auto resource
        = [this](const QString &kind, const QString &resourceId, const QString &name) {
              CloudResource found;
              found.provider = id();
              found.kind = kind;
              found.id = resourceId;
              found.name = name;
              found.region = m_client->region();
              found.state = CloudResource::State::Created;
              return found;
          };
    Ec2Client::Parameters instances = Ec2Client::filter(1, tagFilterName(), {clusterName});
    instances.append(Ec2Client::filter(2, QStringLiteral("instance-state-name"), LiveStates));
    instances.append({QStringLiteral("MaxResults"), QStringLiteral("100")});
    const Ec2Client::Parameters tagged = Ec2Client::filter(1, tagFilterName(), {clusterName});

    // Machines first, then security groups, then key pairs: the order a sweep deletes them in.
    m_client->callPages(
        QStringLiteral("DescribeInstances"), instances, context, [=](const Ec2Pages &machinePages) {
            if (!machinePages.ok()) {
                done(Error{machinePages.last.describe()});
                return;
            }
            QList<CloudResource> found;
            for (const XmlNode &page : machinePages.pages) {
                for (const XmlNode &item : Ec2Instance::inReservations(page)) {
                    const QString instanceId = item.text(QStringLiteral("instanceId"));
                    const QString name = Ec2Launch::nameInBatch(
                        clusterName, Ec2Instance::tag(item, Ec2Launch::batchTagKey()),
                        item.text(QStringLiteral("amiLaunchIndex")).toInt());
                    found << resource(CloudResource::kMachineKind, instanceId,
                                      name.isEmpty() ? instanceId : name);
                }
            }
            m_client->callPages(
                QStringLiteral("DescribeSecurityGroups"), tagged, context,
                [=](const Ec2Pages &groupPages) mutable {
                    if (!groupPages.ok()) {
                        done(Error{groupPages.last.describe()});
                        return;
                    }
                    for (const XmlNode &page : groupPages.pages) {
                        for (const XmlNode &item :
                             page.child(QStringLiteral("securityGroupInfo")).items())
                            found << resource(QStringLiteral("security_group"),
                                              item.text(QStringLiteral("groupId")),
                                              item.text(QStringLiteral("groupName")));
                    }
                    m_client->callPages(QStringLiteral("DescribeKeyPairs"), tagged, context,
                                        [=](const Ec2Pages &keyPages) mutable {
                                            if (!keyPages.ok()) {
                                                done(Error{keyPages.last.describe()});
                                                return;
                                            }
                                            for (const XmlNode &page : keyPages.pages) {
                                                for (const XmlNode &item :
                                                     page.child(QStringLiteral("keySet")).items())
                                                    found << resource(
                                                        QStringLiteral("key_pair"),
                                                        item.text(QStringLiteral("keyPairId")),
                                                        item.text(QStringLiteral("keyName")));
                                            }
                                            done(found);
                                        });
                });
        });
}

} // namespace SparkDeck
