using System.Security.Cryptography;
using System.Text;

namespace AlgoSpace.Silo.Persistence;

/// <summary>
/// The file name of one grain's state: <c>{grain type}~{grain key}~{state name}.state</c>, each part escaped so
/// that no key can name another folder. Only ASCII letters, digits, '-', '_' and '.' are kept; every other byte of
/// the UTF-8 text (the separators '~', '/', '\', '%', NUL, ...) becomes %XX. The escaping is one-to-one, so two
/// grains never share a name, and the result never contains a path separator, so "../" in a key stays text.
/// Names longer than file systems allow keep a readable prefix and end in a hash of the whole escaped name.
/// </summary>
public static class StateFileName
{
    public const string Extension = ".state";

    /// <summary>Longest name kept whole: with the extension and a temporary suffix it stays under 255 bytes.</summary>
    internal const int MaxReadableLength = 160;

    private const int HashedPrefixLength = 64;

    public static string For(string stateName, GrainId grainId)
    {
        var name = new StringBuilder();
        Escape(grainId.Type.AsSpan(), name);
        name.Append('~');
        Escape(grainId.Key.AsSpan(), name);
        name.Append('~');
        Escape(Encoding.UTF8.GetBytes(stateName), name);

        if (name.Length > MaxReadableLength)
        {
            // '#' is escaped everywhere else, so a hashed name can never equal a readable one.
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(name.ToString())));
            name.Length = HashedPrefixLength;
            name.Append('#').Append(hash);
        }

        return name.Append(Extension).ToString();
    }

    private static void Escape(ReadOnlySpan<byte> utf8, StringBuilder name)
    {
        foreach (var b in utf8)
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'.')
            {
                name.Append((char)b);
            }
            else
            {
                name.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
