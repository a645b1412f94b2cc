#include "WebhookSignature.h"

#include <QMessageAuthenticationCode>

namespace UpNext {

QByteArray WebhookSignature::sign(const QByteArray &secret, const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

bool WebhookSignature::matches(const QByteArray &secret, const QByteArray &body,
                               const QByteArray &hex)
{
    const QByteArray expected = sign(secret, body);
    const QByteArray given = hex.toLower();
    if (given.size() != expected.size())
        return false; // the length is public: always 64
    unsigned char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected.at(i) ^ given.at(i));
    return difference == 0;
}

} // namespace UpNext
