namespace AlgoSpace.Silo.Terminal;

/// <summary>
/// Owns the terminal while a run is shown live: the display stays at the bottom, redrawn in place, and lines
/// written meanwhile (warnings, errors, milestones) go above it, so that neither breaks the other. It erases
/// itself (cursor up over its own lines, clear to the end of the screen), writes the line, and draws itself
/// again, all under one lock. Once closed, the last frame stays and lines are written plainly below it.
/// </summary>
public sealed class LiveDisplay(TextWriter terminal, Func<int> width)
{
    private readonly Lock _lock = new();
    private RunFigures? _figures;
    private string _frame = "";
    private int _frameLines;
    private bool _closed;

    /// <summary>Whether the display has been drawn and not yet closed.</summary>
    public bool Showing
    {
        get { lock (_lock) return _frameLines > 0 && !_closed; }
    }

    /// <summary>Writes <paramref name="text"/> (one or more lines) above the display.</summary>
    public void WriteAbove(string text)
    {
        lock (_lock)
        {
            Erase();
            terminal.Write(text);
            terminal.Write('\n');
            Draw();
            terminal.Flush();
        }
    }

    /// <summary>Redraws the display with <paramref name="figures"/>.</summary>
    public void Show(RunFigures figures)
    {
        lock (_lock)
        {
            if (!_closed) Redraw(figures);
        }
    }

    /// <summary>Leaves the last frame where it is (redrawn once with <paramref name="final"/> if given) and stops managing the terminal.</summary>
    public void Close(RunFigures? final = null)
    {
        lock (_lock)
        {
            if (_closed) return;
            if (final is not null && !ReferenceEquals(final, _figures)) Redraw(final);
            _closed = true;
            _frameLines = 0;
            terminal.Flush();
        }
    }

    private void Redraw(RunFigures figures)
    {
        _figures = figures;
        Erase();
        // One column short of the width: some terminals wrap when the last column is written.
        _frame = RunFiguresView.Render(figures, width() - 1, ansi: true);
        Draw();
        terminal.Flush();
    }

    private void Erase()
    {
        if (_closed || _frameLines == 0) return;
        // CSI n F: to the start of the line n lines up; CSI J: clear from there to the end of the screen.
        terminal.Write($"\u001b[{_frameLines}F\u001b[J");
        _frameLines = 0;
    }

    private void Draw()
    {
        if (_closed || _frame.Length == 0) return;
        terminal.Write(_frame);
        if (!_frame.EndsWith('\n')) terminal.Write('\n');
        _frameLines = _frame.TrimEnd('\n').Split('\n').Length;
    }
}
