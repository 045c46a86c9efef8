using System.Buffers;
using System.Text;

namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// Reads a settings file as text: at most <see cref="SettingsLimits.MaxFileBytes"/> bytes, strictly UTF-8 and free
/// of the control characters YAML forbids. A decoder that silently turned bad bytes into U+FFFD would let a
/// corrupted file pass, or fail later with a message about a value the user never wrote.
/// </summary>
public static class SettingsFileReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The file's text, or null with an error naming the line and column of the first fault.</summary>
    public static string? Read(string fullPath, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        long? length;
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            length = stream.CanSeek ? stream.Length : null;
            bytes = ReadAtMost(stream, SettingsLimits.MaxFileBytes + 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var found = File.Exists(fullPath) || Directory.Exists(fullPath) ? $"a file that cannot be read ({ex.Message})" : $"no file at {fullPath}";
            diagnostics.Error("", null, found, "a readable settings file", "Pass the file with --config PATH (default settings/settings.yaml).");
            return null;
        }

        if (bytes.Length > SettingsLimits.MaxFileBytes)
        {
            var size = length is { } n ? $"{n:N0} bytes" : "more bytes";
            diagnostics.Error("", PositionOf(bytes, SettingsLimits.MaxFileBytes), $"a file of {size} (the 1 MiB limit falls on this line)",
                $"at most {SettingsLimits.MaxFileBytes:N0} bytes (1 MiB)", "A settings file is a few kilobytes; check that --config names the right file.");
            return null;
        }

        var start = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        if (FirstInvalidUtf8(bytes, start) is { } bad)
        {
            var shown = string.Join(" ", bytes.Skip(bad).Take(Math.Min(4, bytes.Length - bad)).Select(b => $"0x{b:X2}"));
            diagnostics.Error("", PositionOf(bytes, bad), $"bytes that are not UTF-8 ({shown})", "UTF-8 text",
                "Save the file as UTF-8 (a file saved as UTF-16 or Latin-1, or a binary file, reads like this).");
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
        if (FirstForbiddenCharacter(text) is { } index)
        {
            diagnostics.Error("", PositionOf(text, index), $"the control character U+{(int)text[index]:X4}", "printable text (tabs and line breaks are allowed)",
                "YAML does not allow control characters in a file, even in comments; remove it.");
            return null;
        }

        return text;
    }

    private static byte[] ReadAtMost(Stream stream, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count && stream.Read(buffer, read, count - read) is var n and > 0) read += n;
        return read == count ? buffer : buffer[..read];
    }

    private static int? FirstInvalidUtf8(byte[] bytes, int start)
    {
        for (var i = start; i < bytes.Length;)
        {
            if (bytes[i] < 0x80)
            {
                i++;
                continue;
            }

            if (Rune.DecodeFromUtf8(bytes.AsSpan(i), out _, out var consumed) != OperationStatus.Done) return i;
            i += consumed;
        }

        return null;
    }

    /// <summary>YAML 1.2's printable set (section 5.1) without tab and line breaks: C0 and C1 controls, DEL, U+FFFE and U+FFFF.</summary>
    private static int? FirstForbiddenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var forbidden = c < 0x20 ? c is not ('\t' or '\n' or '\r')
                : c is >= '\u007F' and <= '\u009F' ? c != '\u0085'
                : c is '\uFFFE' or '\uFFFF';
            if (forbidden) return i;
        }

        return null;
    }

    /// <summary>The line and column of a byte offset; the column counts characters, as YAML positions do.</summary>
    private static SourcePosition PositionOf(byte[] bytes, int offset)
    {
        var prefix = bytes.AsSpan(0, offset);
        var lineStart = prefix.LastIndexOf((byte)'\n') + 1;
        var line = prefix.Count((byte)'\n') + 1;
        return new SourcePosition(line, Encoding.UTF8.GetCharCount(prefix[lineStart..]) + 1);
    }

    private static SourcePosition PositionOf(string text, int index)
    {
        var prefix = text.AsSpan(0, index);
        return new SourcePosition(prefix.Count('\n') + 1, index - (prefix.LastIndexOf('\n') + 1) + 1);
    }
}
