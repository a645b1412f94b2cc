#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class AboutDialog;
}

namespace UpNext {

// Help → About UpNext: UpNext's version, the Qt it was built with and runs on, and the licence.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    // "Qt 6.4.2 (built with 6.4.2)".
    static QString versions();

private:
    std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace UpNext
