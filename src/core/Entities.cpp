#include "Entities.h"
#include "Logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace UpNext {

namespace {

// 1-based line and column of a byte offset, for parse errors a user can find.
std::pair<int, int> lineAndColumn(const QByteArray &data, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < std::min(offset, data.size()); ++i) {
        if (data.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((data.at(i) & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return {line, column};
}

std::optional<Entity> entityFromJson(const QJsonValue &value, QString *error)
{
    if (!value.isObject()) {
        *error = QStringLiteral("must be an object");
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    Entity entity;
    const QJsonValue id = object.value(QLatin1String("id"));
    if (!id.isString() || id.toString().trimmed().isEmpty()) {
        *error = QStringLiteral("\"id\" must be a non-empty string");
        return std::nullopt;
    }
    entity.id = id.toString().trimmed();

    const QJsonValue name = object.value(QLatin1String("name"));
    if (!name.isUndefined() && !name.isString()) {
        *error = QStringLiteral("\"name\" must be a string");
        return std::nullopt;
    }
    entity.name = name.toString(entity.id);

    const QJsonValue revenue = object.value(QLatin1String("revenue"));
    if (!revenue.isUndefined() && !revenue.isBool()) {
        *error = QStringLiteral("\"revenue\" must be true or false");
        return std::nullopt;
    }
    entity.revenue = revenue.toBool(false);

    const QJsonValue weight = object.value(QLatin1String("weight"));
    if (!weight.isUndefined() &&
        (!weight.isDouble() || weight.toDouble() < 0 || weight.toDouble() > 100)) {
        *error = QStringLiteral("\"weight\" must be a number from 0 to 100");
        return std::nullopt;
    }
    entity.weight = weight.toDouble(1.0);

    const QJsonValue aliases = object.value(QLatin1String("aliases"));
    if (!aliases.isUndefined() && !aliases.isArray()) {
        *error = QStringLiteral("\"aliases\" must be an array of strings");
        return std::nullopt;
    }
    for (const QJsonValue &alias : aliases.toArray()) {
        if (!alias.isString() || alias.toString().trimmed().isEmpty()) {
            *error = QStringLiteral("\"aliases\" must be an array of strings");
            return std::nullopt;
        }
        entity.aliases.append(alias.toString().trimmed());
    }
    return entity;
}

} // namespace

Entities::Entities(QObject *parent)
    : QObject(parent)
{}

bool Entities::load(const QString &path)
{
    m_path = path;
    m_lastError.clear();
    auto fail = [this](const QString &message) {
        m_lastError = message;
        qCWarning(lcEntities).noquote() << message << "- keeping the previous entities";
        return false;
    };

    QFile file(path);
    if (!file.exists()) {
        qCInfo(lcEntities).noquote() << "No entities file at" << path;
        if (!m_entities.isEmpty()) {
            m_entities.clear();
            Q_EMIT changed();
        }
        return true;
    }
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read %1: %2").arg(path, file.errorString()));

    const QByteArray data = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(data, parseError.offset);
        return fail(
            tr("%1:%2:%3: %4").arg(path).arg(line).arg(column).arg(parseError.errorString()));
    }
    if (!document.isArray())
        return fail(tr("%1: expected an array of entities").arg(path));

    QList<Entity> entities;
    QSet<QString> names; // ids and aliases, lower-cased, must be unique
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString error;
        const std::optional<Entity> entity = entityFromJson(array.at(i), &error);
        if (!entity)
            return fail(tr("%1: entity %2: %3").arg(path).arg(i + 1).arg(error));
        for (const QString &name : QStringList{entity->id} + entity->aliases) {
            if (names.contains(name.toLower()))
                return fail(
                    tr("%1: entity %2: \"%3\" is used twice").arg(path).arg(i + 1).arg(name));
            names.insert(name.toLower());
        }
        entities.append(*entity);
    }

    if (entities != m_entities) {
        m_entities = entities;
        Q_EMIT changed();
    }
    qCInfo(lcEntities) << "Loaded" << m_entities.size() << "entities from" << path;
    return true;
}

bool Entities::reload()
{
    return load(m_path);
}

std::optional<Entity> Entities::find(const QString &idOrAlias) const
{
    const QString wanted = idOrAlias.trimmed();
    for (const Entity &entity : m_entities) {
        if (entity.id.compare(wanted, Qt::CaseInsensitive) == 0 ||
            entity.aliases.contains(wanted, Qt::CaseInsensitive))
            return entity;
    }
    return std::nullopt;
}

QString Entities::canonicalId(const QString &raw) const
{
    if (const std::optional<Entity> entity = find(raw))
        return entity->id;
    return raw.trimmed().toLower();
}

QString Entities::fromClickUpTags(const QStringList &tags) const
{
    static const QRegularExpression clientTag(QStringLiteral(R"(^\s*client\s*:\s*(\S.*?)\s*$)"),
                                              QRegularExpression::CaseInsensitiveOption);
    for (const QString &tag : tags) {
        const QRegularExpressionMatch match = clientTag.match(tag);
        if (match.hasMatch())
            return canonicalId(match.captured(1));
    }
    return {};
}

QString Entities::fromGitHubTitle(const QString &title) const
{
    static const QRegularExpression clientPrefix(
        QStringLiteral(R"(^\s*\[\s*client\s*:\s*([^\]]*?)\s*\])"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = clientPrefix.match(title);
    if (!match.hasMatch() || match.captured(1).isEmpty())
        return {};
    return canonicalId(match.captured(1));
}

QString Entities::withoutClientPrefix(const QString &title)
{
    // By hand, not with the expression above: the list strips every GitHub title at startup.
    qsizetype at = 0;
    const auto skipSpaces = [&title, &at] {
        while (at < title.size() && title.at(at).isSpace())
            ++at;
    };
    skipSpaces();
    if (at == title.size() || title.at(at) != u'[')
        return title;
    ++at;
    skipSpaces();
    if (!QStringView(title).sliced(at).startsWith(u"client", Qt::CaseInsensitive))
        return title;
    at += 6;
    skipSpaces();
    if (at == title.size() || title.at(at) != u':')
        return title;
    const qsizetype close = title.indexOf(u']', at);
    if (close < 0 || QStringView(title).sliced(at + 1, close - at - 1).trimmed().isEmpty())
        return title;
    at = close + 1;
    skipSpaces();
    return at == title.size() ? title : title.sliced(at);
}

} // namespace UpNext
