namespace AlgoSpace.Grains.Kernel;

/// <summary>The effective settings as YAML with credentials redacted, registered by the silo for the operator's `config`.</summary>
public sealed record EffectiveConfiguration(string Yaml);
