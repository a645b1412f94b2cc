#include "SimRequestLog.h"

#include <algorithm>

namespace UpNext::Sim {

void SimRequestLog::record(const Entry &entry)
{
    m_entries.append(entry);
}

void SimRequestLog::clear()
{
    m_entries.clear();
}

int SimRequestLog::count(const QString &endpoint) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [&endpoint](const Entry &entry) {
        return entry.endpoint == endpoint;
    }));
}

int SimRequestLog::countWithStatus(int status) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [status](const Entry &entry) { return entry.status == status; }));
}

int SimRequestLog::rateLimitCost() const
{
    int cost = 0;
    for (const Entry &entry : m_entries)
        cost += entry.rateLimitCost;
    return cost;
}

} // namespace UpNext::Sim
