using Spectre.Console;

namespace AlgoSpace.Client.Rendering;

/// <summary>
/// Where a command writes: Spectre.Console tables to <see cref="Console"/> when <see cref="Rich"/> (stdout is a
/// terminal), plain aligned text and JSON to <see cref="Out"/> otherwise; errors always to <see cref="Error"/>.
/// </summary>
public sealed class ClientOutput(IAnsiConsole console, TextWriter @out, TextWriter error, bool rich)
{
    public IAnsiConsole Console { get; } = console;
    public TextWriter Out { get; } = @out;
    public TextWriter Error { get; } = error;
    public bool Rich { get; } = rich;

    public void Write(IReadOnlyList<Block> report)
    {
        if (Rich) Console.Write(RichWriter.Render(report));
        else PlainWriter.Write(Out, report);
    }

    /// <summary>A line of text, toned in a terminal.</summary>
    public void Line(params Cell[] parts) => Write([new LineBlock(parts)]);

    /// <summary>Text as it is (YAML, JSON): never markup, never re-wrapped.</summary>
    public void Verbatim(string text)
    {
        if (Rich) Console.Profile.Out.Writer.Write(text.EndsWith('\n') ? text : text + "\n");
        else Out.Write(text.EndsWith('\n') ? text : text + "\n");
    }

    public void Fail(string message) => Error.WriteLine($"error: {message}");

    /// <summary>The output of the real process: rich when stdout is a terminal that Spectre.Console can draw on.</summary>
    public static ClientOutput ForProcess()
    {
        var rich = !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Out) });
        return new ClientOutput(console, System.Console.Out, System.Console.Error, rich);
    }
}
