#pragma once

#include "Entity.h"

#include <QList>
#include <QObject>

#include <optional>

namespace UpNext {

// The user's clients, read from entities.json: an array of
// {"id", "name", "revenue", "weight", "aliases"} objects.
class Entities final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Entities)

public:
    explicit Entities(QObject *parent = nullptr);

    // Reads path. A missing file means "no entities". On any error the
    // previously loaded entities stay in place and lastError() says why.
    bool load(const QString &path);
    bool reload();

    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }
    QList<Entity> all() const { return m_entities; }

    // Finds an entity by id or alias, case-insensitively.
    std::optional<Entity> find(const QString &idOrAlias) const;

    // Entity id from ClickUp tags ("client:<id>") or a GitHub title prefix
    // ("[CLIENT:<id>] …"). Known ids and aliases map to the entity's id;
    // unknown ones are returned lower-cased. Empty when there is no tag.
    QString fromClickUpTags(const QStringList &tags) const;
    QString fromGitHubTitle(const QString &title) const;
    // The title without the "[CLIENT:<id>] " prefix fromGitHubTitle() reads, for where the
    // client is shown beside it; the title as it is when it has none (or is nothing else).
    static QString withoutClientPrefix(const QString &title);

Q_SIGNALS:
    void changed();

private:
    QString canonicalId(const QString &raw) const;

    QString m_path;
    QString m_lastError;
    QList<Entity> m_entities;
};

} // namespace UpNext
