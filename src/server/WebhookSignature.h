#pragma once

#include <QByteArray>

namespace UpNext {

// The HMAC-SHA256 signatures ClickUp (X-Signature: hex) and GitHub (X-Hub-Signature-256:
// sha256=hex) put on their deliveries.
class WebhookSignature final
{
public:
    // Lower-case hex HMAC-SHA256 of body with secret.
    static QByteArray sign(const QByteArray &secret, const QByteArray &body);
    // Whether hex (either case) is body's signature; compared in constant time.
    static bool matches(const QByteArray &secret, const QByteArray &body, const QByteArray &hex);
};

} // namespace UpNext
