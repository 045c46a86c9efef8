using System.Text;

namespace AlgoSpace.Tests.Secrets;

/// <summary>
/// Looks for secrets in text and in bytes, and keeps what it found and how much it looked at. A secret counts as
/// shown when any <see cref="Window"/> characters of it in a row appear, in either case: that also catches a
/// truncated or partly masked value ("3fa9c0…"). Bytes are searched in UTF-8, UTF-16LE and UTF-16BE.
/// </summary>
public sealed class SecretScan(IReadOnlyDictionary<string, string> secrets)
{
    /// <summary>12 hex characters: a chance match among a few megabytes is about one in a million.</summary>
    public const int Window = 12;

    private static readonly Encoding[] Encodings = [new UTF8Encoding(false), new UnicodeEncoding(false, false), new UnicodeEncoding(true, false)];

    private readonly List<string> _findings = [];
    private readonly Dictionary<string, long> _scanned = [];

    public IReadOnlyList<string> Findings => _findings;

    /// <summary>Characters or bytes looked at per source (a source is scanned even when it is empty).</summary>
    public IReadOnlyDictionary<string, long> Scanned => _scanned;

    public void Text(string source, string text)
    {
        Count(source, text.Length);
        foreach (var (what, secret) in secrets)
        {
            var pieces = Pieces(secret).ToList();
            if (!pieces.Any(piece => text.Contains(piece, StringComparison.OrdinalIgnoreCase))) continue;
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (pieces.Any(piece => lines[i].Contains(piece, StringComparison.OrdinalIgnoreCase)))
                {
                    _findings.Add($"{source} line {i + 1} shows {what}: {lines[i].Trim()}");
                }
            }
        }
    }

    public void Bytes(string source, byte[] content)
    {
        Count(source, content.Length);
        foreach (var (what, secret) in secrets)
        {
            var hit = Pieces(secret)
                .SelectMany(piece => new[] { piece, piece.ToUpperInvariant() })
                .SelectMany(piece => Encodings.Select(encoding => (encoding.WebName, Bytes: encoding.GetBytes(piece))))
                .Select(piece => (piece.WebName, At: content.AsSpan().IndexOf(piece.Bytes)))
                .FirstOrDefault(piece => piece.At >= 0);
            if (hit.WebName is not null) _findings.Add($"{source} holds {what} ({hit.WebName}, byte {hit.At})");
        }
    }

    /// <summary>Every file under <paramref name="folder"/>, as bytes; returns the files scanned.</summary>
    public IReadOnlyList<string> Folder(string folder)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        foreach (var file in files) Bytes(Path.GetRelativePath(folder, file), File.ReadAllBytes(file));
        return files;
    }

    private void Count(string source, long length) => _scanned[source] = _scanned.GetValueOrDefault(source) + length;

    private static IEnumerable<string> Pieces(string secret) =>
        Enumerable.Range(0, Math.Max(1, secret.Length - Window + 1)).Select(i => secret.Substring(i, Math.Min(Window, secret.Length)));
}
