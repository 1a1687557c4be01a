#pragma once

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QWidget>
#include <QtTest>

namespace SparkDeck::Test {

/// Saves `widget` as <SPARKDECK_ARTIFACTS_DIR or the working folder>/<prefix>-<name>.png and
/// returns the path (empty when it could not be saved).
inline QString saveScreenshot(QWidget *widget, const QString &prefix, const QString &name)
{
    QApplication::processEvents();
    const QImage image = widget->grab().toImage();
    if (image.isNull())
        return {};
    const QString dir = qEnvironmentVariable("SPARKDECK_ARTIFACTS_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    const QString png = QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(prefix, name));
    if (!image.save(png))
        return {};
    qInfo("screenshot: %s", qPrintable(png));
    return png;
}

} // namespace SparkDeck::Test
