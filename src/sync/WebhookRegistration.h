#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <algorithm>

namespace UpNext {

// What one registration run did for one place: ClickUp's workspace, or one GitHub repo.
struct WebhookRegistration
{
    enum class Action {
        None,    // nothing to do, or the source is not set up (message says which)
        Created, // a new hook
        Updated, // the hook at the URL had other events or settings (or a new secret)
        Moved,   // UpNext's hook at an earlier URL now points at the current one
        Kept,    // the hook at the URL was already right
        Removed, // unregistering: UpNext's hooks there were deleted
        Failed,  // see message; what was done before the failure stays done
    };

    QString source; // Sources::ClickUp or Sources::GitHub
    QString target; // ClickUp: the workspace (team) id; GitHub: "owner/repo"; empty: the source
    Action action = Action::None;
    QString hookId;       // the hook that points at the URL now
    int removed = 0;      // UpNext's stale or duplicate hooks deleted on the way
    QString message;      // why it failed, or a note for the user
    QDateTime retryAfter; // with a rate limit: try again from then
};

struct WebhookRegistrationReport
{
    bool unregistering = false;
    QUrl publicUrl; // registering: where the hooks point now
    QList<WebhookRegistration> results;

    // Nothing failed.
    bool ok() const
    {
        return std::none_of(results.cbegin(), results.cend(), [](const WebhookRegistration &r) {
            return r.action == WebhookRegistration::Action::Failed;
        });
    }
};

} // namespace UpNext
