#include "codeeditor.h"

#include <QApplication>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QTextBlock>
#include <QToolTip>

namespace SparkDeck {

namespace Internal {

/// The gutter left of the text: line numbers and a marker on lines with problems.
class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(CodeEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {}

    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumberArea(event); }
    bool event(QEvent *event) override
    {
        return m_editor->lineNumberAreaEvent(event) || QWidget::event(event);
    }

private:
    CodeEditor *m_editor;
};

} // namespace Internal

namespace {

constexpr int kGutterPadding = 6;

/// The character offset in a line of a 1-based column counted in UTF-8 bytes.
int characterOffset(const QString &lineText, int column)
{
    const int bytes = std::max(column, 1) - 1;
    int offset = 0;
    int counted = 0;
    while (offset < lineText.size() && counted < bytes) {
        const char32_t codePoint
            = lineText.at(offset).isHighSurrogate() && offset + 1 < lineText.size()
                  ? QChar::surrogateToUcs4(lineText.at(offset), lineText.at(offset + 1))
                  : lineText.at(offset).unicode();
        counted += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        offset += codePoint >= 0x10000 ? 2 : 1;
    }
    return offset;
}

/// What to underline for a problem at `start` in a line: a key up to its colon, else the value
/// up to a trailing comment; the whole line's content when that leaves nothing.
std::pair<int, int> underlineRange(const QString &line, int start)
{
    const auto isSpace = [&](int i) {
        return line.at(i).isSpace();
    };
    int end = start;
    while (end < line.size() && !isSpace(end) && line.at(end) != QLatin1Char(':'))
        ++end;
    const bool isKey = end < line.size() && line.at(end) == QLatin1Char(':')
                       && (end + 1 == line.size() || isSpace(end + 1));
    if (!isKey) {
        const int comment = line.indexOf(QLatin1String(" #"), start);
        end = comment >= 0 ? comment : int(line.size());
    }
    while (end > start && isSpace(end - 1))
        --end;
    if (end > start)
        return {start, end};
    // Nothing at the column (a missing value, the end of the line): mark the line's content.
    int first = 0;
    while (first < line.size() && isSpace(first))
        ++first;
    int last = int(line.size());
    while (last > first && isSpace(last - 1))
        --last;
    if (last > first)
        return {first, last};
    return {0, 0};
}

QColor tint(Severity severity, int alpha)
{
    return severity == Severity::Error ? QColor(220, 50, 47, alpha) : QColor(230, 150, 0, alpha);
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumberArea(new Internal::LineNumberArea(this))
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    setFont(font);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * kIndent * 2);
    setMouseTracking(true);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::handleBlockCountChanged);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::handleUpdateRequest);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        updateExtraSelections();
        m_lineNumberArea->update();
    });
    handleBlockCountChanged();
    updateExtraSelections();
}

CodeEditor::~CodeEditor() = default;

QString CodeEditor::text() const
{
    QString raw = document()->toRawText();
    raw.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return raw;
}

void CodeEditor::setText(const QString &text)
{
    setPlainText(text);
    document()->setModified(false);
}

void CodeEditor::setDiagnostics(const QList<Diagnostic> &diagnostics)
{
    m_diagnostics = diagnostics;
    updateExtraSelections();
    m_lineNumberArea->update();
}

QList<Diagnostic> CodeEditor::diagnosticsOnLine(int line) const
{
    QList<Diagnostic> found;
    for (const Diagnostic &diagnostic : m_diagnostics) {
        if (diagnostic.location.line == line)
            found.append(diagnostic);
    }
    return found;
}

void CodeEditor::goTo(int line, int column)
{
    QTextBlock block = document()->findBlockByNumber(std::max(line, 1) - 1);
    if (!block.isValid())
        block = document()->lastBlock();
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + characterOffset(block.text(), column));
    setTextCursor(cursor);
    centerCursor();
}

int CodeEditor::cursorLine() const
{
    return textCursor().blockNumber() + 1;
}

int CodeEditor::cursorColumn() const
{
    return textCursor().positionInBlock() + 1;
}

int CodeEditor::lineNumberAreaWidth() const
{
    const int digits = int(QString::number(std::max(blockCount(), 99)).size());
    const int marker = fontMetrics().height();
    return kGutterPadding + marker + kGutterPadding
           + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits + kGutterPadding * 2;
}

void CodeEditor::handleBlockCountChanged()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void CodeEditor::handleUpdateRequest(const QRect &rect, int dy)
{
    if (dy != 0)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        handleBlockCountChanged();
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect contents = contentsRect();
    m_lineNumberArea->setGeometry(
        QRect(contents.left(), contents.top(), lineNumberAreaWidth(), contents.height()));
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        handleBlockCountChanged();
}

void CodeEditor::paintLineNumberArea(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(m_lineNumberArea->width() - 1, event->rect().top(),
                     m_lineNumberArea->width() - 1, event->rect().bottom());

    QHash<int, Severity> worst;
    for (const Diagnostic &diagnostic : m_diagnostics) {
        const int line = diagnostic.location.line;
        if (line > 0 && (!worst.contains(line) || diagnostic.severity == Severity::Error))
            worst.insert(line, diagnostic.severity);
    }
    const int markerSize = fontMetrics().height() - 2;
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, this);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this);
    const int currentBlock = textCursor().blockNumber();

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            const int lineHeight = fontMetrics().height();
            if (worst.contains(line)) {
                const QIcon &icon = worst.value(line) == Severity::Error ? errorIcon : warningIcon;
                icon.paint(&painter, QRect(kGutterPadding, top + (lineHeight - markerSize) / 2,
                                           markerSize, markerSize));
            }
            QFont numberFont = font();
            numberFont.setBold(block.blockNumber() == currentBlock);
            painter.setFont(numberFont);
            painter.setPen(block.blockNumber() == currentBlock
                               ? pal.color(QPalette::Text)
                               : pal.color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_lineNumberArea->width() - kGutterPadding * 2, lineHeight,
                             Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

bool CodeEditor::lineNumberAreaEvent(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return false;
    auto *help = static_cast<QHelpEvent *>(event);
    const QTextCursor cursor = cursorForPosition(QPoint(0, help->pos().y()));
    const QString tip = toolTipForLine(cursor.blockNumber() + 1);
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), tip, m_lineNumberArea);
    return true;
}

bool CodeEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipForLine(cursorForPosition(help->pos()).blockNumber() + 1);
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

QString CodeEditor::toolTipForLine(int line) const
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnosticsOnLine(line)) {
        const QString kind = diagnostic.severity == Severity::Error ? tr("Error") : tr("Warning");
        lines << tr("%1 at line %2, column %3: %4")
                     .arg(kind)
                     .arg(diagnostic.location.line)
                     .arg(diagnostic.location.column)
                     .arg(diagnostic.message);
    }
    return lines.join(QLatin1Char('\n'));
}

void CodeEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;

    QTextEdit::ExtraSelection currentLine;
    QColor lineColor = palette().color(QPalette::Highlight);
    lineColor.setAlpha(22);
    currentLine.format.setBackground(lineColor);
    currentLine.format.setProperty(QTextFormat::FullWidthSelection, true);
    currentLine.cursor = textCursor();
    currentLine.cursor.clearSelection();
    selections.append(currentLine);

    // Warnings first, so that an error on the same line paints over them.
    for (const Severity severity : {Severity::Warning, Severity::Error}) {
        for (const Diagnostic &diagnostic : m_diagnostics) {
            if (diagnostic.severity != severity || !diagnostic.location.isKnown())
                continue;
            const QTextBlock block = document()->findBlockByNumber(diagnostic.location.line - 1);
            if (!block.isValid())
                continue;
            QTextEdit::ExtraSelection line;
            line.format.setBackground(tint(severity, 34));
            line.format.setProperty(QTextFormat::FullWidthSelection, true);
            line.cursor = QTextCursor(block);
            selections.append(line);

            const QString text = block.text();
            const auto [start, end]
                = underlineRange(text, characterOffset(text, diagnostic.location.column));
            if (end <= start)
                continue;
            QTextEdit::ExtraSelection word;
            word.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            word.format.setUnderlineColor(tint(severity, 255));
            word.cursor = QTextCursor(block);
            word.cursor.setPosition(block.position() + start);
            word.cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
            selections.append(word);
        }
    }
    setExtraSelections(selections);
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    // QPlainTextEdit::focusNextPrevChild() refuses to move while Tab is text: skip it.
    if (event->key() == Qt::Key_Tab && modifiers == Qt::ControlModifier) {
        QAbstractScrollArea::focusNextPrevChild(true);
        return;
    }
    if ((event->key() == Qt::Key_Backtab || event->key() == Qt::Key_Tab)
        && modifiers == (Qt::ControlModifier | Qt::ShiftModifier)) {
        QAbstractScrollArea::focusNextPrevChild(false);
        return;
    }
    if (isReadOnly()) {
        QPlainTextEdit::keyPressEvent(event);
        return;
    }
    if (event->key() == Qt::Key_Tab && modifiers == Qt::NoModifier) {
        indentSelection(true);
        return;
    }
    if (event->key() == Qt::Key_Backtab
        && (modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier)) {
        indentSelection(false);
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && modifiers == Qt::NoModifier) {
        insertNewLineKeepingIndent();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void CodeEditor::indentSelection(bool indent)
{
    QTextCursor cursor = textCursor();
    const bool multiLine = cursor.hasSelection()
                           && document()->findBlock(cursor.selectionStart())
                                  != document()->findBlock(cursor.selectionEnd());
    if (indent && !multiLine) {
        // Spaces up to the next indentation stop, where the cursor is.
        const int column = cursor.positionInBlock() - (cursor.position() - cursor.selectionStart());
        cursor.insertText(QString(kIndent - column % kIndent, QLatin1Char(' ')));
        return;
    }
    QTextBlock block = document()->findBlock(cursor.selectionStart());
    int end = cursor.selectionEnd();
    if (multiLine && document()->findBlock(end).position() == end)
        --end; // a selection ending at the start of a line leaves that line alone
    const QTextBlock last = document()->findBlock(end);
    cursor.beginEditBlock();
    while (block.isValid()) {
        QTextCursor lineCursor(block);
        if (indent) {
            lineCursor.insertText(QString(kIndent, QLatin1Char(' ')));
        } else {
            int spaces = 0;
            while (spaces < kIndent && spaces < block.text().size()
                   && block.text().at(spaces) == QLatin1Char(' '))
                ++spaces;
            lineCursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, spaces);
            lineCursor.removeSelectedText();
        }
        if (block == last)
            break;
        block = block.next();
    }
    cursor.endEditBlock();
}

void CodeEditor::insertNewLineKeepingIndent()
{
    QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    int indent = 0;
    while (indent < line.size() && line.at(indent) == QLatin1Char(' '))
        ++indent;
    indent = std::min(indent, int(cursor.positionInBlock()));
    const QString before = line.left(cursor.positionInBlock()).trimmed();
    // "key:" opens a mapping: the next line goes one level deeper. "- " lists stay aligned.
    if (before.endsWith(QLatin1Char(':')) && !before.startsWith(QLatin1Char('#')))
        indent += kIndent;
    cursor.beginEditBlock();
    cursor.insertText(QLatin1Char('\n') + QString(indent, QLatin1Char(' ')));
    cursor.endEditBlock();
    setTextCursor(cursor);
}

} // namespace SparkDeck
