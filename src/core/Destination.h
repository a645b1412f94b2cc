#pragma once

#include <QString>

namespace UpNext {

// Where a new task can go: a GitHub repository or a ClickUp list.
struct Destination
{
    QString source;    // Sources::GitHub or Sources::ClickUp
    QString container; // "owner/repo" or the list id
    QString label;     // what the user sees, e.g. "GitHub: acme/web"

    bool operator==(const Destination &other) const = default;
};

} // namespace UpNext
