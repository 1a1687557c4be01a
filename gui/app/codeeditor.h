#pragma once

#include "spec/diagnostic.h"

#include <QPlainTextEdit>

namespace SparkDeck {

namespace Internal {
class LineNumberArea;
}

/// The cluster file editor: a monospace QPlainTextEdit with line numbers and the file's
/// problems shown in place (a tinted line, a wavy underline under the value, a marker in the
/// gutter, the message as a tooltip). It edits the user's text exactly: what text() returns is
/// what setText() got plus the user's edits, byte for byte once encoded as UTF-8.
///
/// Keys: Tab indents with spaces (YAML forbids tabs), Shift+Tab unindents, Return keeps the
/// indentation, Ctrl+Tab and Ctrl+Shift+Tab leave the editor for the next or previous widget.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    static constexpr int kIndent = 2;

    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    /// The exact text, unlike toPlainText(), which turns non-breaking spaces into spaces.
    QString text() const;
    /// Replaces the text and clears undo history and the modified flag.
    void setText(const QString &text);

    void setDiagnostics(const QList<Diagnostic> &diagnostics);
    const QList<Diagnostic> &diagnostics() const { return m_diagnostics; }
    QList<Diagnostic> diagnosticsOnLine(int line) const;

    /// Puts the cursor at a 1-based line and column as the loader reports them (a column counts
    /// UTF-8 bytes, as yaml-cpp does); out-of-range values are clamped to the text.
    void goTo(int line, int column);
    int cursorLine() const;
    /// The cursor's 1-based column, counted in characters as a person sees them.
    int cursorColumn() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class Internal::LineNumberArea;

    int lineNumberAreaWidth() const;
    void paintLineNumberArea(QPaintEvent *event);
    bool lineNumberAreaEvent(QEvent *event);
    QString toolTipForLine(int line) const;
    void handleBlockCountChanged();
    void handleUpdateRequest(const QRect &rect, int dy);
    void updateExtraSelections();
    void indentSelection(bool indent);
    void insertNewLineKeepingIndent();

    Internal::LineNumberArea *m_lineNumberArea = nullptr;
    QList<Diagnostic> m_diagnostics;
};

} // namespace SparkDeck
