#pragma once

#include <QString>

namespace SparkDeck::Internal {

/// Something that drives libssh2 channels of an SshSession (exec, SFTP, tunnel). The session
/// calls pumpChannel() whenever its socket may have moved data; the client calls libssh2's
/// non-blocking functions until they answer EAGAIN and never waits itself.
///
/// Rules: a client never frees the libssh2 session; after sessionClosed() every libssh2
/// pointer it holds is already freed with the session and must be forgotten, not freed.
class SshChannelClient
{
public:
    virtual ~SshChannelClient() = default;
    /// Advance as far as possible without waiting; true if anything moved or changed.
    virtual bool pumpChannel() = 0;
    virtual void sessionClosed(const QString &reason) = 0;
};

} // namespace SparkDeck::Internal
