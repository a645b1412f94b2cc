#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace UpNext {

// One prepared statement on the SQLite connection under a QSqlDatabase, for the store's bulk
// reads and writes: QtSql wraps every value in a QVariant and looks placeholders up by name,
// which costs more than SQLite's own work for 100,000 rows. Strings go in and out as UTF-8,
// the file's encoding, which Qt converts fastest. Columns and parameters count from 0.
class SqliteStatement final
{
    Q_DISABLE_COPY_MOVE(SqliteStatement)

public:
    SqliteStatement(sqlite3 *db, const QString &sql);
    ~SqliteStatement();

    bool isValid() const { return m_statement != nullptr; }
    // SQLite's message for the last failure.
    QString errorText() const;

    void bind(int index, const QString &value);
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bindNull(int index);
    // A QtSql-style value: null, a boolean or integer, a floating point number, or text.
    void bind(int index, const QVariant &value);
    // Back to the first row with nothing bound, for the next use of a kept statement.
    void reset();

    // Runs a statement that returns no rows, then resets it for the next binds.
    bool run();
    // Steps to the next row; false at the end or on an error (then errorText() is set).
    bool next();
    bool failed() const { return m_failed; }
    // After run(): the rows the statement changed, and the row an INSERT added.
    qint64 changes() const;
    qint64 lastInsertId() const;

    bool isNull(int column) const;
    QString text(int column) const;
    QByteArray bytes(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    // UTC milliseconds, as the store keeps times; invalid for NULL.
    QDateTime time(int column) const;

private:
    bool stepped(int result);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    bool m_failed = false;
    QString m_error;
};

} // namespace UpNext
