#pragma once

#include "Entity.h"
#include "ScoreWeights.h"
#include "Task.h"

#include <QList>

namespace UpNext {

// One named reason a task scored what it did, e.g. {"blocking", "Blocks others", 30}.
struct ScoreContribution
{
    QString key;   // stable identifier, for the API and tests
    QString label; // human-readable, translated
    double points = 0;

    bool operator==(const ScoreContribution &other) const = default;
};

struct ScoreResult
{
    double score = 0;
    QList<ScoreContribution> breakdown;
};

// Pure function of (task, entity, now, weights): the same inputs always give
// the same score and breakdown, so a user can always see why a task is next.
// Days (due today, overdue, idle) are the user's local days (LocalDay).
class Scorer final
{
public:
    explicit Scorer(const ScoreWeights &weights = {});

    const ScoreWeights &weights() const { return m_weights; }

    // entity is the task's client, or nullptr when it has none or is unknown.
    ScoreResult score(const Task &task, const Entity *entity, const QDateTime &now) const;

    // The ranking order used everywhere: higher score first, then id, so ties are stable.
    static bool ranksBefore(const Task &a, const Task &b);

private:
    ScoreWeights m_weights;
};

} // namespace UpNext
