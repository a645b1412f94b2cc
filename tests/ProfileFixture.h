#pragma once

#include "ManualClock.h"
#include "TestTasks.h"

#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"

#include <QTemporaryDir>

#include <memory>

namespace UpNext::Test {

// The setup the suites share: a profile in a fresh temporary directory with its store and
// outbox, and where a suite wants it the task service, on a clock the test sets (m_now, a
// Tuesday morning, to begin with). A suite derives from it beside QObject and calls
// openProfile() in init().
class ProfileFixture
{
protected:
    // A new directory with a store opened in it and its outbox; the clock back at m_now.
    // False when the store cannot be opened.
    bool openProfile()
    {
        closeProfile();
        m_clock.set(m_now);
        m_dir = std::make_unique<QTemporaryDir>();
        return m_dir->isValid() && reopenProfile();
    }
    // The same profile opened again, as by the next start of the app: a new store and outbox
    // (and service, when there was one).
    bool reopenProfile()
    {
        const bool withService = m_service != nullptr;
        closeProfile();
        m_store = std::make_unique<TaskStore>();
        if (!m_store->open(m_dir->filePath(QStringLiteral("upnext.db"))))
            return false;
        m_outbox = std::make_unique<Outbox>(m_store.get());
        if (withService)
            startService(m_entities);
        return true;
    }
    // The task service on the profile, reading m_clock. It keeps a task current from now on.
    void startService(const Entities *entities = nullptr)
    {
        m_entities = entities;
        m_service = std::make_unique<TaskService>(m_store.get(), m_outbox.get(), entities);
        m_service->setClock(&m_clock);
    }
    void closeProfile()
    {
        m_service.reset();
        m_outbox.reset();
        m_store.reset();
    }

    const QDateTime m_now = TestTasks::utc(2026, 3, 10, 9);
    ManualClock m_clock{m_now};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TaskStore> m_store;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<TaskService> m_service;

private:
    const Entities *m_entities = nullptr;
};

} // namespace UpNext::Test
