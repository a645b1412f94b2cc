#pragma once

#include <QIODevice>

namespace UpNext {

// A request body that can be read only once. Qt 6.4's HTTP/1.1 code quietly
// sends a request again when the connection drops before the answer; for a
// POST the server may already have acted on it (a comment posted twice).
// Refusing to rewind turns that resend into an error the outbox handles by
// looking at the source before it sends again.
class SendOnceBody final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendOnceBody)

public:
    explicit SendOnceBody(QByteArray data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

} // namespace UpNext
