using System.Text.RegularExpressions;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Tests.Configuration;

/// <summary>Properties of the settings model and its helpers that hold for every key.</summary>
public sealed partial class SettingsModelTests
{
    [GeneratedRegex("(password|passwd|secret|token|api_?key|credential|^user$|connection)", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialLike();

    [Fact]
    public void Every_key_that_looks_like_a_credential_is_marked_secret()
    {
        var credentialLike = SettingsKeyIndex.Paths.Where(p => CredentialLike().IsMatch(p.Split('.')[^1])).ToList();
        Assert.NotEmpty(credentialLike);
        var secretMembers = AllMembers(typeof(AlgoSpaceSettings)).Where(m => m.Secret).Select(m => m.Key).ToHashSet();
        Assert.All(credentialLike, path => Assert.Contains(path.Split('.')[^1], secretMembers));
    }

    [Fact]
    public void Every_key_is_documented()
    {
        Assert.All(AllMembers(typeof(AlgoSpaceSettings)), m => Assert.False(
            string.IsNullOrWhiteSpace(m.Description) && !IsSelfExplanatory(m), $"{m.Property.DeclaringType!.Name}.{m.Property.Name} has no description"));
    }

    [Theory]
    [InlineData("MaxQueueSize", "max_queue_size")]
    [InlineData("DModel", "d_model")]
    [InlineData("NHeads", "n_heads")]
    [InlineData("StreamPullPeriodMs", "stream_pull_period_ms")]
    [InlineData("H", "h")]
    [InlineData("PriceMomentum5", "price_momentum5")]
    public void Property_names_become_snake_case_keys(string property, string key) =>
        Assert.Equal(key, SettingMember.SnakeCase(property));

    [Theory]
    [InlineData("shutdown_timout", "shutdown_timeout")]
    [InlineData("eventbus", "event_bus")]
    [InlineData("backtset", "backtest")]
    [InlineData("completely_different", null)]
    public void Did_you_mean_suggests_near_misses_only(string input, string? expected) =>
        Assert.Equal(expected, DidYouMean.Suggest(input, ["shutdown_timeout", "event_bus", "backtest", "mode"]));

    [Fact]
    public void Printed_configuration_loads_back_to_the_same_configuration()
    {
        using var tree = new TestProjectTree();
        var first = SettingsLoader.Load(tree.WriteSettings("a.yaml", File.ReadAllText(RepositoryRoot.File("settings", "backtest.yaml"))
            .Replace("../data/sample/ES-ticks-sample.csv", "../data/ticks.csv", StringComparison.Ordinal)));
        Assert.True(first.IsValid, string.Join("\n", first.Errors));
        var printed = SettingsPrinter.ToYaml(first.Settings!);

        var second = SettingsLoader.Load(tree.WriteSettings("b.yaml", printed));
        Assert.True(second.IsValid, string.Join("\n", second.Errors));
        Assert.Equal(printed, SettingsPrinter.ToYaml(second.Settings!));
    }

    [Fact]
    public void Expansion_replaces_each_reference_and_records_the_variables()
    {
        var diagnostics = new DiagnosticBag();
        var scalar = new YamlScalar(new SourcePosition(1, 1), "wss://${env:HOST}:${env:PORT:-443}/feed", false);
        EnvironmentReference.ExpandAll(scalar, "url", name => name == "HOST" ? "feed.example" : null, diagnostics);

        Assert.False(diagnostics.HasErrors);
        Assert.Equal("wss://feed.example:443/feed", scalar.Value);
        Assert.Equal(["HOST", "PORT"], scalar.EnvironmentVariables);
    }

    [Theory]
    [InlineData("${env:KEY}", true, false)]
    [InlineData("${env:KEY:-x}", true, true)]
    [InlineData(" ${env:KEY} ", true, false)]
    [InlineData("prefix-${env:KEY}", false, false)]
    [InlineData("literal", false, false)]
    public void A_single_reference_is_recognised(string text, bool single, bool hasDefault)
    {
        Assert.Equal(single, EnvironmentReference.IsSingleReference(text, out var withDefault));
        Assert.Equal(hasDefault, withDefault);
    }

    [Fact]
    public void Canonical_paths_follow_links_in_every_part()
    {
        using var tree = new TestProjectTree();
        var viaFolderLink = Path.Combine(tree.Root, "data", "escape-dir", "secret.csv");
        Assert.Equal(Path.Combine(SecurePath.Canonical(tree.Outside), "secret.csv"), SecurePath.Canonical(viaFolderLink));
        Assert.False(SecurePath.IsInside(SecurePath.Canonical(viaFolderLink), SecurePath.Canonical(tree.Root)));
        Assert.True(SecurePath.IsInside(SecurePath.Canonical(Path.Combine(tree.Root, "data", "inside-link.csv")), SecurePath.Canonical(tree.Root)));
        Assert.False(SecurePath.IsInside("/data-other/x", "/data"));
    }

    private static bool IsSelfExplanatory(SettingMember member) =>
        member.Range is not null || SettingMember.IsSection(Nullable.GetUnderlyingType(member.Type) ?? member.Type);

    private static IEnumerable<SettingMember> AllMembers(Type section)
    {
        foreach (var member in SettingMember.Of(section))
        {
            yield return member;
            var type = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
            var nested = SettingMember.IsSection(type) ? type : SettingMember.ListElement(type) ?? SettingMember.MapValue(type);
            if (nested is not null && SettingMember.IsSection(nested))
            {
                foreach (var child in AllMembers(nested)) yield return child;
            }
        }
    }
}
