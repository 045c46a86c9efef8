namespace AlgoSpace.Silo.Configuration;

/// <summary>Suggests the closest known name for a misspelt one.</summary>
public static class DidYouMean
{
    /// <summary>The candidate nearest to <paramref name="input"/> by edit distance, if it is near enough to be a typo.</summary>
    public static string? Suggest(string input, IEnumerable<string> candidates)
    {
        var normalized = input.ToLowerInvariant().Replace('-', '_');
        string? best = null;
        var bestDistance = int.MaxValue;
        var allowed = Math.Max(2, input.Length / 3);
        foreach (var candidate in candidates)
        {
            // The distance is at least the difference in length: skip the table (a 1 MB key would need gigabytes).
            if (Math.Abs(normalized.Length - candidate.Length) > allowed) continue;
            var distance = Distance(normalized, candidate.ToLowerInvariant(), allowed);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.</summary>
    /// <remarks>
    /// Three rolling rows instead of a full table: a file of thousands of unknown keys asks for a suggestion for each,
    /// against every known key of its section.
    /// </remarks>
    public static int Distance(string a, string b) => Distance(a, b, int.MaxValue);

    /// <summary>The distance, or a number above <paramref name="limit"/> as soon as a row shows it cannot be within it.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var width = b.Length + 1;
        Span<int> rows = width <= 256 ? stackalloc int[3 * width] : new int[3 * width];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            // Every later cell derives from this row or the one before, each cell at most one below its source.
            if (Min(current) > limit && Min(previous) + 1 > limit) return limit + 1;
            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    private static int Min(Span<int> row)
    {
        var min = int.MaxValue;
        foreach (var value in row) min = Math.Min(min, value);
        return min;
    }
}
