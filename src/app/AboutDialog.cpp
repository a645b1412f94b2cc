#include "AboutDialog.h"
#include "ui_AboutDialog.h"

#include <QFile>
#include <QIcon>

namespace UpNext {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    m_ui->icon->setPixmap(QIcon(QStringLiteral(":/icons/upnext.svg")).pixmap(64, 64));
    m_ui->title->setText(tr("UpNext %1").arg(QStringLiteral(UPNEXT_VERSION)));
    QFont font = m_ui->title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_ui->title->setFont(font);
    m_ui->versions->setText(versions());
    // The file's paragraphs are wrapped at 80 columns; the box wraps them at its own width.
    QFile file(QStringLiteral(":/LICENSE"));
    QStringList paragraphs;
    if (file.open(QIODevice::ReadOnly)) {
        const QString text = QString::fromUtf8(file.readAll()).trimmed();
        for (const QString &paragraph : text.split(QStringLiteral("\n\n")))
            paragraphs.append(paragraph.simplified());
    }
    m_ui->licence->setPlainText(paragraphs.isEmpty() ? tr("MIT License")
                                                     : paragraphs.join(QStringLiteral("\n\n")));
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::versions()
{
    return tr("Qt %1 (built with %2)")
        .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
}

} // namespace UpNext
