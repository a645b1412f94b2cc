#pragma once

namespace UpNext {

// Points each scoring signal contributes; defaults, overridable in Settings.
struct ScoreWeights
{
    double revenue = 40;        // task's client brings revenue
    double entityWeight = 10;   // multiplied by the client's priority weight
    double blocking = 30;       // task blocks someone else
    double overdue = 25;        // due date before today
    double dueToday = 20;       //
    double dueThisWeek = 10;    // due within the next 7 days
    double dueLater = 0;        //
    double noDueDate = 0;       //
    double stalePerDay = 0.5;   // per day without activity, once stale
    int staleAfterDays = 7;     // days without activity before a task counts as stale
    int staleMaxDays = 30;      // staleness stops growing after this many days
    double inProgress = 15;     //
    double priorityUrgent = 20; // source priority 1
    double priorityHigh = 10;   // source priority 2
    double priorityNormal = 0;  // source priority 3
    double priorityLow = -5;    // source priority 4

    bool operator==(const ScoreWeights &other) const = default;
};

} // namespace UpNext
