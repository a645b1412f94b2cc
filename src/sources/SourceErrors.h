#pragma once

#include "RestClient.h"
#include "SourceWriter.h"

#include <QPointer>

#include <optional>

namespace UpNext {

// How ClickUp's and GitHub's answers read, shared by the readers and writers:
// error messages in the source's words, rate limits, and for writes the
// WriteResult (what the outbox should do next) and how it reaches the caller.
namespace SourceErrors {

enum class Source { ClickUp, GitHub };

Source sourceOf(const QString &source); // Sources::ClickUp or Sources::GitHub
QString serviceName(Source source);
bool isSuccess(const HttpReply &reply); // any 2xx
// GET /task/{id} said the ClickUp task does not exist (any more): 404, or the 401 OAUTH_027
// ClickUp gives for a task id it does not know.
bool isClickUpTaskGone(const HttpReply &reply);

// No connection, no answer in time, or the service is down (5xx): it may work later.
bool isUnreachable(const HttpReply &reply);
// The token is refused (not ClickUp's 401 for a task the token cannot see).
bool isUnauthorized(Source source, const HttpReply &reply);

// "GitHub error: 404 (Not Found)", "ClickUp error: 401 (Token invalid)", "Connection error: …".
QString describe(Source source, const HttpReply &reply);

// An answer that is not a success, received at now. Network errors, timeouts, 5xx and rate
// limits → Retry (with retryAfter when the source says); 401 → Unauthorized; the rest →
// Permanent.
WriteResult failure(Source source, const HttpReply &reply, const QDateTime &now);
// A 2xx answer that cannot be read (what, e.g. "not a comment"). The write may have
// happened: Retry, and the outbox checks with findComment/findCreated before sending again.
WriteResult malformed(Source source, const HttpReply &reply, const QString &what);
// Bad input caught before anything was sent.
WriteResult rejected(const QString &message);

// When the answer (received at now) is a rate-limit refusal, the time the limit lifts.
std::optional<QDateTime> rateLimitedUntil(Source source, const HttpReply &reply,
                                          const QDateTime &now);

using Done = std::function<void(const WriteResult &)>;
// Hands each result to callback on context's thread, always from the event loop (never
// before the writer's call returns), and not at all once context is gone.
Done deliverTo(QObject *context, SourceWriter::Callback callback);

} // namespace SourceErrors

} // namespace UpNext
