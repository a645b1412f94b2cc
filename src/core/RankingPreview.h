#pragma once

#include "Entity.h"
#include "ScoreWeights.h"
#include "Scorer.h"
#include "Task.h"

#include <QDateTime>
#include <QList>

#include <optional>
#include <utility>

namespace UpNext {

class Entities;

// How the open tasks would rank with other weights, for the settings' live preview: takes the
// tasks and their clients once, then ranks them again for each set of weights without touching
// the store (which keeps the scores of the saved weights).
class RankingPreview final
{
public:
    RankingPreview(const QList<Task> &tasks, const Entities *entities, const QDateTime &now);

    // The best `limit` tasks under weights, best first, each with its score (task.score is set
    // to it) and the reasons; ties go by id as everywhere (Scorer::ranksBefore).
    QList<std::pair<Task, ScoreResult>> top(const ScoreWeights &weights, int limit) const;

private:
    QList<std::pair<Task, std::optional<Entity>>> m_tasks;
    QDateTime m_now;
};

} // namespace UpNext
