#pragma once

#include "core/Task.h"

namespace UpNext::TaskText {

// How the window words a task's parts, the same in the list, the Now card and the details.

// "To do", "In progress", "Done".
QString statusName(TaskStatus status);
// The title as rich text, escaped, linked to the task at its source when it has a URL.
QString linkedTitle(const Task &task);

} // namespace UpNext::TaskText
