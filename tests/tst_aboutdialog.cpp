#include "app/AboutDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace UpNext;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsVersionsAndLicence();
};

void TestAboutDialog::showsVersionsAndLicence()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    const auto *title = dialog.findChild<QLabel *>(QStringLiteral("title"));
    QVERIFY(title);
    QCOMPARE(title->text(), QStringLiteral("UpNext " UPNEXT_VERSION));
    const auto *versions = dialog.findChild<QLabel *>(QStringLiteral("versions"));
    QVERIFY(versions);
    QVERIFY(versions->text().contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())));
    QVERIFY(versions->text().contains(QStringLiteral(QT_VERSION_STR)));
    const auto *icon = dialog.findChild<QLabel *>(QStringLiteral("icon"));
    QVERIFY(icon && !icon->pixmap().isNull());

    // The licence the project ships, whole.
    const auto *licence = dialog.findChild<QPlainTextEdit *>(QStringLiteral("licence"));
    QVERIFY(licence);
    QVERIFY(licence->isReadOnly());
    QVERIFY(licence->toPlainText().startsWith(QStringLiteral("MIT License")));
    QVERIFY(licence->toPlainText().contains(QStringLiteral("WITHOUT WARRANTY OF ANY KIND")));

    if (qEnvironmentVariableIsSet("UPNEXT_SCREENSHOTS"))
        dialog.grab().save(
            QDir(qEnvironmentVariable("UPNEXT_SCREENSHOTS")).filePath(QStringLiteral("about.png")));

    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttons"));
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Close), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
