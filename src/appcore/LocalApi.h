#pragma once

#include "server/HttpServer.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>

namespace UpNext {

class AppCore;
struct Entity;
struct OutboxEntry;
struct Task;

// The original system's local JSON API on the app core: /health, /tasks, /next, /done, /skip,
// /sync, /morning, /tasks/{id}/complete, /tasks/{id}/comment, POST /tasks, /entities,
// /entities/{id}, /entities/reload, plus /outbox and /status. Served by the webhooks' server
// to loopback peers with the bearer token only; upnext-cli also calls dispatch() in process
// when no UpNext runs, so both paths give the same answers. Writes go through the outbox;
// with ?wait=SECONDS a write's answer waits for its source: confirmed (200), refused (502),
// still waiting when the time is up (202).
class LocalApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalApi)

public:
    static constexpr int MaxWaitSeconds = 600;

    explicit LocalApi(AppCore *core, QObject *parent = nullptr);
    ~LocalApi() override;

    void setToken(const QByteArray &token) { m_token = token; }
    QByteArray token() const { return m_token; }

    // A request from the network: refused unless from this machine with the token.
    void handle(const HttpRequest &request, const HttpServer::Reply &reply);
    // An answer when request may not be served (non-loopback peer 403, token 401).
    std::optional<HttpAnswer> refusal(const HttpRequest &request) const;
    // Serves a request that passed refusal() (or comes from this process).
    void dispatch(const HttpRequest &request, const HttpServer::Reply &reply);

    QJsonObject taskJson(const Task &task) const;
    static QJsonObject entryJson(const OutboxEntry &entry);

private:
    struct Write
    {
        QJsonObject answer;     // the ActionResponse
        QList<qint64> entries;  // the outbox entries it waits for, in order
        QString completedTitle; // a completion: for "(completed externally)"
    };

    void writeAnswer(Write write, int waitSeconds, const HttpServer::Reply &reply);
    HttpAnswer health() const;
    HttpAnswer tasks(const QUrlQuery &query) const;
    HttpAnswer next();
    void done(const HttpRequest &request, int wait, const HttpServer::Reply &reply);
    HttpAnswer skip();
    void sync(int wait, const HttpServer::Reply &reply);
    HttpAnswer morning();
    void complete(const QString &taskId, int wait, const HttpServer::Reply &reply);
    void comment(const QString &taskId, const HttpRequest &request, int wait,
                 const HttpServer::Reply &reply);
    void create(const HttpRequest &request, int wait, const HttpServer::Reply &reply);
    HttpAnswer entities() const;
    HttpAnswer entity(const QString &id) const;
    HttpAnswer reloadEntities();
    HttpAnswer outbox() const;
    // The outbox entry an id names, in *entryId; the answer (400, 404) when there is none.
    std::optional<HttpAnswer> findEntry(const QString &id, qint64 *entryId) const;
    HttpAnswer retry(const QString &id);
    HttpAnswer discard(const QString &id);
    HttpAnswer status() const;

    QJsonObject entityJson(const Entity &entity) const;
    // 400 or 404 for a task id that is not valid or not known; none when it is known.
    std::optional<HttpAnswer> checkTask(const QString &taskId) const;

    AppCore *m_core;
    QByteArray m_token;
};

} // namespace UpNext
