#include "SqliteStatement.h"

#include <sqlite3.h>

namespace UpNext {

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql)
    : m_db(db)
{
    if (!db || sqlite3_prepare16_v2(db, sql.utf16(), int(sql.size() * sizeof(char16_t)),
                                    &m_statement, nullptr) != SQLITE_OK)
        m_statement = nullptr;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

QString SqliteStatement::errorText() const
{
    if (!m_error.isEmpty())
        return m_error;
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db))
                : QStringLiteral("the database is not SQLite");
}

bool SqliteStatement::stepped(int result)
{
    m_failed = result != SQLITE_DONE && result != SQLITE_ROW;
    if (m_failed)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db)); // before a reset clears it
    return !m_failed;
}

void SqliteStatement::bind(int index, const QString &value)
{
    // A null QString has no data; '' is what a NOT NULL text column wants.
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_statement, index + 1, utf8.isNull() ? "" : utf8.constData(),
                      int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index + 1, value);
}

void SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index + 1, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index + 1);
}

void SqliteStatement::bind(int index, const QVariant &value)
{
    if (value.isNull())
        return bindNull(index);
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return bind(index, value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return bind(index, value.toDouble());
    default:
        return bind(index, value.toString());
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_failed = false;
    m_error.clear();
}

bool SqliteStatement::run()
{
    const bool ok = stepped(sqlite3_step(m_statement));
    sqlite3_reset(m_statement);
    return ok;
}

qint64 SqliteStatement::changes() const
{
    return sqlite3_changes64(sqlite3_db_handle(m_statement));
}

qint64 SqliteStatement::lastInsertId() const
{
    return sqlite3_last_insert_rowid(sqlite3_db_handle(m_statement));
}

bool SqliteStatement::next()
{
    const int result = sqlite3_step(m_statement);
    return stepped(result) && result == SQLITE_ROW;
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column)) : QString();
}

QByteArray SqliteStatement::bytes(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

QDateTime SqliteStatement::time(int column) const
{
    return isNull(column) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(integer(column), Qt::UTC);
}

} // namespace UpNext
