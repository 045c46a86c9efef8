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
            var distance = Distance(normalized, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
