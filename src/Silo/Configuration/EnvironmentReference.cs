using System.Text.RegularExpressions;

namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// <c>${env:NAME}</c> and <c>${env:NAME:-default}</c> references in setting values (NFR-SK-10). A value may hold
/// several references and text around them; a credential must be exactly one reference without a default.
/// </summary>
public static partial class EnvironmentReference
{
    [GeneratedRegex(@"\$\{env:(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\$\{")]
    private static partial Regex AnyReferenceStart();

    /// <summary>Whether the text is exactly one reference; <paramref name="hasDefault"/> tells whether it has a default.</summary>
    public static bool IsSingleReference(string text, out bool hasDefault)
    {
        var match = Reference().Match(text.Trim());
        hasDefault = match.Success && match.Groups["default"].Success;
        return match.Success && match.Length == text.Trim().Length;
    }

    /// <summary>Expands every reference in each scalar of the tree, reporting missing variables and malformed references.</summary>
    public static void ExpandAll(YamlNodeBase node, string path, Func<string, string?> environment, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case YamlScalar scalar:
                Expand(scalar, path, environment, diagnostics);
                break;
            case YamlList list:
                for (var i = 0; i < list.Items.Count; i++) ExpandAll(list.Items[i], SettingsPath.Item(path, i), environment, diagnostics);
                break;
            case YamlMap map:
                foreach (var (key, value) in map.Entries) ExpandAll(value, SettingsPath.Child(path, key.Value), environment, diagnostics);
                break;
        }
    }

    private static void Expand(YamlScalar scalar, string path, Func<string, string?> environment, DiagnosticBag diagnostics)
    {
        var text = scalar.RawValue;
        var references = Reference().Matches(text);
        if (AnyReferenceStart().Count(text) != references.Count)
        {
            diagnostics.Error(path, scalar.Position, $"the malformed reference '{Shorten(text)}'", "${env:NAME} or ${env:NAME:-default}",
                "Environment references are written ${env:NAME}; the name is letters, digits and underscores.");
            scalar.ExpansionFailed = true;
            return;
        }

        if (references.Count == 0) return;
        scalar.Value = Reference().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            scalar.EnvironmentVariables.Add(name);
            var value = environment(name);
            if (value is not null) return value;
            if (match.Groups["default"].Success) return match.Groups["default"].Value;
            scalar.ExpansionFailed = true;
            diagnostics.Error(path, scalar.Position, $"the environment variable {name} unset", $"{name} to be set",
                $"Export {name} before starting, or give a default with ${{env:{name}:-value}} (not for credentials).");
            return "";
        });
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
