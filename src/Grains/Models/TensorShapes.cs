namespace AlgoSpace.Grains.Models;

/// <summary>Shape helpers: one way to print shapes in every message, and the conversions torch needs.</summary>
internal static class TensorShapes
{
    public static string Format(IEnumerable<int> shape) => $"[{string.Join(", ", shape)}]";

    public static string Format(IEnumerable<long> shape) => $"[{string.Join(", ", shape)}]";

    public static long[] ToLong(IReadOnlyList<int> shape) => shape.Select(d => (long)d).ToArray();

    public static long ElementCount(IReadOnlyList<int> shape) => shape.Aggregate(1L, (product, d) => checked(product * d));

    public static bool SameShape(IReadOnlyList<int> expected, long[] actual) =>
        expected.Count == actual.Length && expected.Select(d => (long)d).SequenceEqual(actual);
}
