namespace AlgoSpace.Grains.Models;

/// <summary>
/// An expected reason why a model cannot be used, already worded for the operator. The loader turns it into a
/// <see cref="ModelStatus.Degraded"/> status; it never leaves the loader.
/// </summary>
internal sealed class ModelLoadException(string problem, Exception? inner = null) : Exception(problem, inner);
