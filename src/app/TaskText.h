#pragma once

#include "core/Task.h"

namespace UpNext {
struct ExternalChange;
struct SourceSyncResult;
} // namespace UpNext

namespace UpNext::TaskText {

// How the window words a task's parts, the same in the list, the Now card and the details.

// "To do", "In progress", "Done".
QString statusName(TaskStatus status);
// What the list's status column says of a task set aside for today.
QString skippedToday();
// The title as shown: a GitHub title without its "[CLIENT:x] " prefix when the task has a
// client, which is shown beside it.
QString shownTitle(const QString &source, const QString &entity, const QString &title);
QString shownTitle(const Task &task);
// The shown title in typographic quotes, as every message quotes a task: “Fix login”.
QString quoted(const Task &task);
// The title as rich text, escaped, linked to the task at its source when it has a URL.
QString linkedTitle(const Task &task);
// A score as the list, the Now card and the tray show it: "42", "57.5".
QString score(double value);
// A score's part with its sign: "+40", "-5", "+3.5".
QString points(double value);
// What someone else did to the task, for its details: "Closed by bob at 14:03". The time is
// the task's last change at its source (when it says), else `received`. Empty when the change
// is not worth showing (a title edit).
QString outsideChange(const ExternalChange &change, const Task &task, const QDateTime &received,
                      const QDateTime &now);
// What a sync changed: "GitHub: 2 new, 1 closed", "ClickUp: no changes".
QString syncChanges(const SourceSyncResult &result);

} // namespace UpNext::TaskText
