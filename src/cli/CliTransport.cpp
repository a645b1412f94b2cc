#include "CliTransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace UpNext {

CliTransport::~CliTransport() = default;

QJsonValue CliResponse::json() const
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject())
        return document.object();
    if (document.isArray())
        return document.array();
    return {};
}

QString CliResponse::detail() const
{
    if (!networkError.isEmpty())
        return networkError;
    const QString detail = json().toObject().value(QStringLiteral("detail")).toString();
    return detail.isEmpty() ? QString::fromUtf8(body) : detail;
}

} // namespace UpNext
