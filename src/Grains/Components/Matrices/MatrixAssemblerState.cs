namespace AlgoSpace.Grains.Components.Matrices;

/// <summary>A matrix assembler's saved state (component-contracts 2.4, State P).</summary>
/// <param name="RowsOldestFirst">The window's cells, row-major, oldest row first.</param>
/// <param name="Normalizers">The rolling z-score statistics, in the matrix's fixed order.</param>
[GenerateSerializer, Immutable]
public sealed record MatrixAssemblerState(
    [property: Id(0)] long LastAppliedSeq,
    [property: Id(1)] int Columns,
    [property: Id(2)] float[] RowsOldestFirst,
    [property: Id(3)] IReadOnlyList<EmaZScoreState> Normalizers);
