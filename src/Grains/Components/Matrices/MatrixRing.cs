namespace AlgoSpace.Grains.Components.Matrices;

/// <summary>
/// A fixed window of rows kept in one flat float array: appending overwrites the oldest row once the window is full.
/// <see cref="CopyOldestFirst"/> is two block copies, so a GetMatrix stays far below its 100 µs budget.
/// </summary>
public sealed class MatrixRing
{
    private readonly float[] _cells;
    private int _next;

    public MatrixRing(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        Rows = rows;
        Columns = columns;
        _cells = new float[rows * columns];
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Rows held so far, at most <see cref="Rows"/>.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count == Rows;

    public void Append(ReadOnlySpan<float> row)
    {
        if (row.Length != Columns) throw new ArgumentException($"A row has {Columns} cells, not {row.Length}.", nameof(row));
        row.CopyTo(_cells.AsSpan(_next * Columns, Columns));
        _next = (_next + 1) % Rows;
        if (Count < Rows) Count++;
    }

    /// <summary>The newest row; empty before the first.</summary>
    public ReadOnlySpan<float> Newest => Count == 0
        ? ReadOnlySpan<float>.Empty
        : _cells.AsSpan(((_next - 1 + Rows) % Rows) * Columns, Columns);

    /// <summary>The rows held, oldest first, row-major.</summary>
    public float[] CopyOldestFirst()
    {
        var copy = new float[Count * Columns];
        if (!IsFull)
        {
            // Before the first wrap-around rows 0 .. Count-1 are already in order.
            Array.Copy(_cells, copy, copy.Length);
            return copy;
        }

        // Full: the oldest row is the one the next append overwrites.
        var oldestStart = _next * Columns;
        Array.Copy(_cells, oldestStart, copy, 0, _cells.Length - oldestStart);
        Array.Copy(_cells, 0, copy, _cells.Length - oldestStart, oldestStart);
        return copy;
    }

    /// <summary>Replaces the content with rows saved by <see cref="CopyOldestFirst"/> (a multiple of the row length).</summary>
    public void Restore(float[] oldestFirst)
    {
        if (oldestFirst.Length % Columns != 0 || oldestFirst.Length / Columns > Rows)
        {
            throw new ArgumentException($"A saved window of {oldestFirst.Length} cells does not fit {Rows} rows of {Columns} columns.", nameof(oldestFirst));
        }

        Array.Clear(_cells);
        Array.Copy(oldestFirst, _cells, oldestFirst.Length);
        Count = oldestFirst.Length / Columns;
        _next = Count % Rows;
    }
}
