#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace UpNext::Sim {

// What a simulated service was asked, for tests and benchmarks to query.
class SimRequestLog final
{
public:
    struct Entry
    {
        QString endpoint; // route name, e.g. "GET /issues"
        QString target;   // path and query as requested
        int status = 0;
        int rateLimitCost = 0; // 0 for requests the service does not count (GitHub 304s)
    };

    void record(const Entry &entry);
    void clear();

    QList<Entry> entries() const { return m_entries; }
    int count() const { return int(m_entries.size()); }
    int count(const QString &endpoint) const;
    int countWithStatus(int status) const;
    int rateLimitCost() const;

private:
    QList<Entry> m_entries;
};

} // namespace UpNext::Sim
