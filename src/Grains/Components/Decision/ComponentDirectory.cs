using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Components.Decision;

/// <summary>
/// Finds the component a caller should ask, by kind: callers name kinds (matrix_assembler_regime, rde, m_rms) and
/// the settings name the components, so renaming a component in settings.yaml never breaks a call.
/// </summary>
public static class ComponentDirectory
{
    /// <summary>
    /// The name of the one component of <paramref name="kind"/> created in the current mode (entries of mode
    /// <c>any</c> or <c>system.mode</c>). Throws <see cref="ComponentCallException"/> naming the kind when there is
    /// none, or more than one.
    /// </summary>
    public static string NameOfKind(AlgoSpaceSettings settings, string kind)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var mode = settings.System.Mode == TradingMode.Live ? ComponentMode.Live : ComponentMode.Backtest;
        var names = settings.Components
            .Where(c => c.Type == kind && (c.Mode == ComponentMode.Any || c.Mode == mode))
            .Select(c => c.Name)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return names.Length switch
        {
            1 => names[0],
            0 => throw new ComponentCallException($"no component of kind '{kind}' is configured for {mode.ToString().ToLowerInvariant()} mode"),
            _ => throw new ComponentCallException($"{names.Length} components of kind '{kind}' are configured for {mode.ToString().ToLowerInvariant()} mode ({string.Join(", ", names)}); expected one"),
        };
    }
}
