#include "WebhookSignature.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace UpNext {

QByteArray WebhookSignature::sign(const QByteArray &secret, const QByteArray &body)
{
    // OpenSSL's SHA-256 uses the CPU's SHA instructions: several times Qt's for a 10 KB
    // delivery, which counts at thousands of deliveries a second.
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!HMAC(EVP_sha256(), secret.constData(), int(secret.size()),
              reinterpret_cast<const unsigned char *>(body.constData()), size_t(body.size()),
              digest, &size))
        return {};
    return QByteArray::fromRawData(reinterpret_cast<const char *>(digest), int(size)).toHex();
}

bool WebhookSignature::matches(const QByteArray &secret, const QByteArray &body,
                               const QByteArray &hex)
{
    const QByteArray expected = sign(secret, body);
    const QByteArray given = hex.toLower();
    // The length is public (always 64); the contents are compared in constant time.
    return !expected.isEmpty() && given.size() == expected.size() &&
           CRYPTO_memcmp(expected.constData(), given.constData(), size_t(expected.size())) == 0;
}

} // namespace UpNext
