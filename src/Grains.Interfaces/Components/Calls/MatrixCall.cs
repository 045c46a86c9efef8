namespace AlgoSpace.Grains.Interfaces.Components.Calls;

/// <summary>GetMatrix(asOfSeq): a matrix assembler's window as of an INDICATORS_READY seq (component-contracts 2.4).</summary>
[GenerateSerializer, Immutable]
public sealed record MatrixRequest([property: Id(0)] long AsOfSeq) : ComponentRequest;

/// <summary>
/// The window, oldest row first, row-major: <see cref="Values"/>[row * Columns + column]. When not
/// <see cref="Ready"/>, <see cref="Values"/> is empty and <see cref="Reason"/> says why (too few rows, or the
/// assembler had not applied <c>asOfSeq</c> within 50 ms).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MatrixReply(
    [property: Id(0)] bool Ready,
    [property: Id(1)] int Rows,
    [property: Id(2)] int Columns,
    [property: Id(3)] float[] Values,
    [property: Id(4)] long LastAppliedSeq,
    [property: Id(5)] string? Reason) : ComponentReply
{
    public static MatrixReply NotReady(int rows, int columns, long lastAppliedSeq, string reason) => new(false, rows, columns, [], lastAppliedSeq, reason);
}

/// <summary>GetRegimeVector(asOfSeq) (component-contracts 2.6).</summary>
[GenerateSerializer, Immutable]
public sealed record RegimeVectorRequest([property: Id(0)] long AsOfSeq) : ComponentRequest;

/// <param name="Vector">The 8-dimensional regime vector; zeros when not <see cref="Valid"/>.</param>
/// <param name="Shift">Euclidean distance from the previous vector.</param>
[GenerateSerializer, Immutable]
public sealed record RegimeVectorReply(
    [property: Id(0)] float[] Vector,
    [property: Id(1)] bool Valid,
    [property: Id(2)] double Magnitude,
    [property: Id(3)] double Shift,
    [property: Id(4)] double LatencyMs,
    [property: Id(5)] string? Reason) : ComponentReply;
