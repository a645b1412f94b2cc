#pragma once

#include "OutboxEntry.h"
#include "ScoreWeights.h"
#include "Scorer.h"
#include "Task.h"

#include <QObject>

#include <optional>

namespace UpNext {

class Entities;
class Outbox;
class TaskStore;

// The answer of a TaskService call: an error, or the task it is about (which may
// be absent, e.g. when there is nothing left to do).
struct TaskResult
{
    QString error;
    std::optional<Task> task;

    bool ok() const { return error.isEmpty(); }
};

struct Briefing
{
    QList<std::pair<Task, ScoreResult>> top; // the best five, with why
    QList<Task> overdue;
    QList<Task> dueToday;
    QList<Task> changedElsewhere; // changed at the source since the last briefing
    QList<OutboxEntry> failedWrites;
};

// The task flow — next, done, skip, complete, comment, create, the morning
// briefing — in one place for the window, the tray, the local API and the CLI.
// Local effects happen at once; writes to the sources go through the Outbox.
class TaskService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskService)

public:
    TaskService(TaskStore *store, Outbox *outbox, const Entities *entities,
                QObject *parent = nullptr);

    void setScoreWeights(const ScoreWeights &weights) { m_scorer = Scorer(weights); }

    // The current task, or else the best open task of the user not skipped today,
    // which becomes current.
    TaskResult next(const QDateTime &now);
    // Completes the current task and makes the next one current, in one step.
    TaskResult done(const QDateTime &now);
    // Sets the current task aside for the rest of the day; the next one becomes current.
    TaskResult skip(const QDateTime &now);

    TaskResult complete(const QString &taskId, const QDateTime &now);
    TaskResult comment(const QString &taskId, const QString &text, const QDateTime &now);
    // source: Sources::ClickUp or Sources::GitHub; container: the list or repo to create in.
    TaskResult create(const QString &source, const QString &container, const QString &title,
                      const QString &entity, const QString &description, const QDateTime &now);

    // What the morning briefing shows; remembers `now` as the last briefing.
    Briefing briefing(const QDateTime &now);

    ScoreResult explain(const Task &task, const QDateTime &now) const;

Q_SIGNALS:
    void currentChanged(const QString &taskId);
    // A write waits in the outbox to be sent.
    void queued();

private:
    TaskResult knownTask(const QString &taskId) const;
    // The answer to a write the outbox stored (or refused, saying why in lastError()).
    TaskResult fromOutbox(const QString &taskId, bool stored);

    TaskStore *m_store;
    Outbox *m_outbox;
    const Entities *m_entities;
    Scorer m_scorer;
};

} // namespace UpNext
