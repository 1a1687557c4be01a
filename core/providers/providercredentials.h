#pragma once

#include "util/secret.h"

#include <QHash>
#include <QString>

namespace SparkDeck {

/// A provider's credentials as the CredentialResolver found them: named values, each a Secret
/// (so they print as "********"), and where they came from, for messages. Never written to a
/// file of ours, never logged.
///
/// Value names: digitalocean "token"; ec2 "access_key_id", "secret_access_key",
/// "session_token" (optional), "region" (optional); gce "service_account_file" (a path);
/// openstack "auth_url", "username", "password", "project_name", "user_domain_name",
/// "project_domain_name", "region_name" (or "application_credential_id"/"_secret"; ids where
/// openrc or clouds.yaml give them: "project_id", "user_domain_id", "project_domain_id").
struct ProviderCredentials
{
    QString source; ///< "the keychain", "DIGITALOCEAN_TOKEN", "~/.aws/credentials [default]"
    QHash<QString, Secret> values;

    Secret value(const QString &name) const { return values.value(name); }
    bool has(const QString &name) const { return !values.value(name).isEmpty(); }
};

} // namespace SparkDeck
