#pragma once

// upnext_core: the data model (Task, CurrentTask, Entity), its SQLite store,
// the explainable Scorer, entities.json, typed settings, the profile directory
// and the keychain-backed secrets. QtCore and QtSql only: no widgets, no network.

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace UpNext {

namespace Sources {
inline const QString ClickUp = QStringLiteral("clickup");
inline const QString GitHub = QStringLiteral("github");
} // namespace Sources

enum class TaskStatus { Todo, InProgress, Done };

struct Task
{
    QString id;        // "<source>:<sourceId>", see makeId()
    QString source;    // Sources::ClickUp or Sources::GitHub
    QString sourceId;  // ClickUp task id, or "owner/repo#42"
    QString container; // ClickUp list id, or GitHub "owner/repo"
    QString title;
    QString description;
    TaskStatus status = TaskStatus::Todo;
    QString assignee;
    bool assignedToMe = true;
    QDate dueDate;
    QString url;
    QString entity; // client id, empty when none
    bool isRevenue = false;
    bool isBlocking = false;
    int sourcePriority = 0; // ClickUp 1 (urgent) … 4 (low); 0 when the source has none
    QDateTime lastActivity;
    QDateTime updatedAt;      // time of the source's last change
    QDateTime localUpdatedAt; // time of our last local change
    double score = 0;

    bool isOpen() const { return status != TaskStatus::Done; }
    bool operator==(const Task &other) const = default;

    static QString makeId(const QString &source, const QString &sourceId);
    // True when id is "clickup:<id>" or "github:owner/repo#<n>"; fills the parts.
    // "GitHub" or "ClickUp", as the user reads it (translated).
    static QString sourceName(const QString &source);
    static bool parseId(const QString &id, QString *source = nullptr, QString *sourceId = nullptr);
    // True when id is makeId(source, sourceId) and parseId() takes it; makes no copies.
    static bool isValidId(const QString &id, const QString &source, const QString &sourceId);

    // A task created here whose source has not confirmed it yet ("clickup:local-3").
    static bool isLocalId(const QString &id);

    // The longest title each source takes, in characters (code points, so an emoji is one).
    static constexpr qsizetype GitHubMaxTitle = 256;
    static constexpr qsizetype ClickUpMaxTitle = 2048;
    static qsizetype characterCount(const QString &text) { return text.toUcs4().size(); }

    static QString statusName(TaskStatus status);
    static std::optional<TaskStatus> statusFromName(const QString &name);
};

} // namespace UpNext
