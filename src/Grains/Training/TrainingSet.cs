namespace AlgoSpace.Grains.Training;

/// <summary>
/// An in-memory dataset for the training routines: <see cref="Count"/> samples, each made of named input blocks
/// and a row of <see cref="LabelWidth"/> labels. Values are row-major, sample after sample. Which blocks and labels
/// a routine reads is documented on the routine (and checked: a missing block or a wrong length is an
/// <see cref="ArgumentException"/> naming it).
/// </summary>
public sealed record TrainingSet(int Count, IReadOnlyList<TrainingBlock> Inputs, float[] Labels, int LabelWidth)
{
    /// <summary>The block named <paramref name="name"/>, checked to hold <see cref="Count"/> samples of <paramref name="shape"/>.</summary>
    public TrainingBlock Block(string name, params int[] shape)
    {
        var block = Inputs.FirstOrDefault(b => b.Name == name)
            ?? throw new ArgumentException($"the training set has no input block '{name}' (it has {string.Join(", ", Inputs.Select(b => b.Name))})");
        if (!block.Shape.SequenceEqual(shape))
        {
            throw new ArgumentException($"input block '{name}' has samples of shape [{string.Join(", ", block.Shape)}], expected [{string.Join(", ", shape)}]");
        }

        if (block.Values.Length != Count * block.SampleLength)
        {
            throw new ArgumentException($"input block '{name}' holds {block.Values.Length} values; {Count} samples of {block.SampleLength} need {Count * block.SampleLength}");
        }

        return block;
    }

    /// <summary>Checks that the labels are <see cref="Count"/> rows of <paramref name="width"/>.</summary>
    public void RequireLabels(int width)
    {
        if (Count < 1) throw new ArgumentException("the training set is empty");
        if (LabelWidth != width || Labels.Length != Count * width)
        {
            throw new ArgumentException($"expected {Count} label rows of {width}, got {Labels.Length} values in rows of {LabelWidth}");
        }
    }
}

/// <summary>One named input of every sample, e.g. "structure" of shape [48, 8].</summary>
public sealed record TrainingBlock(string Name, int[] Shape, float[] Values)
{
    public int SampleLength => Shape.Aggregate(1, (a, d) => a * d);
}
