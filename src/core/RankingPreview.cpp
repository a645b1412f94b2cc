#include "RankingPreview.h"
#include "Entities.h"

#include <algorithm>

namespace UpNext {

RankingPreview::RankingPreview(const QList<Task> &tasks, const Entities *entities,
                               const QDateTime &now)
    : m_now(now)
{
    m_tasks.reserve(tasks.size());
    for (const Task &task : tasks)
        m_tasks.append({task, entities ? entities->find(task.entity) : std::nullopt});
}

QList<std::pair<Task, ScoreResult>> RankingPreview::top(const ScoreWeights &weights,
                                                        int limit) const
{
    const Scorer scorer(weights);
    QList<std::pair<Task, ScoreResult>> ranked;
    ranked.reserve(m_tasks.size());
    for (const auto &[task, entity] : m_tasks) {
        ScoreResult result = scorer.score(task, entity ? &*entity : nullptr, m_now);
        Task scored = task;
        scored.score = result.score;
        ranked.append({std::move(scored), std::move(result)});
    }
    const auto before = [](const auto &a, const auto &b) {
        return Scorer::ranksBefore(a.first, b.first);
    };
    const qsizetype count = std::clamp<qsizetype>(limit, 0, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + count, ranked.end(), before);
    ranked.resize(count);
    return ranked;
}

} // namespace UpNext
