#pragma once

#include "util/secret.h"

#include <QString>

namespace SparkDeck {

/// An AWS access key, as ~/.aws/credentials or the AWS_* variables give it. The secret key and
/// the session token (present for temporary credentials from STS) print as "********".
struct AwsCredentials
{
    QString accessKeyId;
    Secret secretAccessKey;
    Secret sessionToken;
};

} // namespace SparkDeck
