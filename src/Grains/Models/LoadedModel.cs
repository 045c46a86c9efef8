using static TorchSharp.torch;

namespace AlgoSpace.Grains.Models;

/// <summary>
/// One model as the registry hands it out: what was loaded and checked (or why it was not), and the forward pass
/// components call. Safe to call from any number of grains at once: a torch module is not safe for concurrent
/// forward passes in general, so calls to one model are serialised by its own lock (different models run in
/// parallel).
/// </summary>
public sealed class LoadedModel : IDisposable
{
    private readonly Lock _gate = new();
    private nn.Module? _module;
    private readonly nn.IModule<Tensor, Tensor>? _callable;
    private readonly long[] _inputDimensions;
    private readonly long _inputLength;

    private LoadedModel(string name, string path, ModelManifestEntry? entry, string? sha256, ModelStatus status, string? reason, TimeSpan loadTime, nn.Module? module)
    {
        Name = name;
        Path = path;
        Version = entry?.Version;
        Format = entry?.Format;
        Architecture = entry?.Architecture;
        InputShape = entry?.InputShape ?? [];
        OutputShape = entry?.OutputShape ?? [];
        Sha256 = sha256;
        Status = status;
        Reason = reason;
        LoadTime = loadTime;
        _module = module;
        _callable = module as nn.IModule<Tensor, Tensor>;
        _inputDimensions = TensorShapes.ToLong(InputShape);
        // Only a loaded model has run on a tensor of this shape, so only then is its size known to be sensible.
        _inputLength = status == ModelStatus.Loaded ? TensorShapes.ElementCount(InputShape) : 0;
    }

    /// <summary>The model's name: the settings key without <c>_path</c>, and the manifest's key.</summary>
    public string Name { get; }

    /// <summary>The model file's full path.</summary>
    public string Path { get; }

    /// <summary>The manifest's version; null when the manifest had no usable entry.</summary>
    public string? Version { get; }

    /// <summary>The file's SHA-256 as computed at load; null when the file was not read.</summary>
    public string? Sha256 { get; }

    public ModelFormat? Format { get; }

    /// <summary>The manifest's architecture of a <c>torchsharp</c> model; null for torchscript or when unknown.</summary>
    public ModelArchitecture? Architecture { get; }

    /// <summary>The widths of the hidden activations (the masks <see cref="ForwardWithHiddenMasks"/> takes); empty when unknown.</summary>
    public IReadOnlyList<int> HiddenWidths => Architecture is { } a && a.Layers.Count > 2 ? a.Layers.Skip(1).Take(a.Layers.Count - 2).ToArray() : [];

    /// <summary>The input of <see cref="Forward(float[])"/>, batch dimension included; empty when unknown.</summary>
    public IReadOnlyList<int> InputShape { get; }

    /// <summary>The output of <see cref="Forward(float[])"/>, as verified at load; empty when unknown.</summary>
    public IReadOnlyList<int> OutputShape { get; }

    public ModelStatus Status { get; }

    /// <summary>Why the model is degraded, naming the model, its file and what was wrong; null when loaded.</summary>
    public string? Reason { get; }

    /// <summary>How long checking, loading and verifying took (or took to fail).</summary>
    public TimeSpan LoadTime { get; }

    public bool IsLoaded => Status == ModelStatus.Loaded;

    internal static LoadedModel Ready(string name, string path, ModelManifestEntry entry, string sha256, TimeSpan loadTime, nn.Module module) =>
        new(name, path, entry, sha256, ModelStatus.Loaded, null, loadTime, module);

    internal static LoadedModel Degraded(string name, string path, string reason, TimeSpan loadTime, ModelManifestEntry? entry = null, string? sha256 = null) =>
        new(name, path, entry, sha256, ModelStatus.Degraded, reason, loadTime, null);

    /// <summary>
    /// Runs the model on one input laid out row-major in <see cref="InputShape"/> and returns the output row-major in
    /// <see cref="OutputShape"/>. Throws <see cref="InvalidOperationException"/> for a degraded model (check
    /// <see cref="IsLoaded"/> first) and <see cref="ArgumentException"/> for an input of the wrong length.
    /// </summary>
    public float[] Forward(float[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        EnsureLoaded();
        if (input.Length != _inputLength)
        {
            throw new ArgumentException($"model '{Name}' takes {_inputLength} values (input_shape {TensorShapes.Format(InputShape)}), got {input.Length}", nameof(input));
        }

        lock (_gate)
        {
            var callable = Callable();
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var output = callable.call(tensor(input, _inputDimensions));
            return output.contiguous().data<float>().ToArray();
        }
    }

    /// <summary>
    /// Runs the model on a tensor of any shape the model accepts (e.g. a larger batch). The result belongs to the
    /// caller: it joins the caller's dispose scope if there is one, otherwise the caller disposes it.
    /// </summary>
    public Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        lock (_gate)
        {
            var callable = Callable();
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            return callable.call(input).MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// Runs <paramref name="batch"/> inputs at once (each laid out as one <see cref="InputShape"/> without its batch
    /// dimension, rows one after another) with hidden activation <c>k</c> multiplied by <paramref name="masks"/>[k]
    /// (row-major <c>[batch, width_k]</c>): Monte Carlo dropout with masks from the caller's own seeded generator
    /// (see <see cref="HiddenMaskForward"/>). Returns the outputs row-major, one row per input. Only for
    /// <c>torchsharp</c> models, whose module is the <see cref="ArchitectureBuilder"/>'s layer sequence.
    /// </summary>
    public float[] ForwardWithHiddenMasks(float[] inputs, int batch, IReadOnlyList<float[]> masks)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(masks);
        EnsureLoaded();
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var perRow = _inputLength / _inputDimensions[0];
        if (inputs.Length != batch * perRow)
        {
            throw new ArgumentException($"model '{Name}' takes {perRow} values per row (input_shape {TensorShapes.Format(InputShape)}); {batch} rows need {batch * perRow}, got {inputs.Length}", nameof(inputs));
        }

        lock (_gate)
        {
            var callable = Callable();
            if (callable is not TorchSharp.Modules.Sequential sequential)
            {
                throw new NotSupportedException($"model '{Name}' is {Format}; hidden masks need a torchsharp model built from its architecture");
            }

            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var shape = new long[_inputDimensions.Length];
            shape[0] = batch;
            Array.Copy(_inputDimensions, 1, shape, 1, shape.Length - 1);
            var maskTensors = masks.Select(m => tensor(m, [batch, m.Length / batch])).ToArray();
            var output = HiddenMaskForward.Run(sequential, tensor(inputs, shape), maskTensors);
            return output.contiguous().data<float>().ToArray();
        }
    }

    /// <summary>Frees the native module; forward passes after this throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        // Under the lock, so a forward pass still running on another thread finishes before its module is freed.
        lock (_gate)
        {
            _module?.Dispose();
            _module = null;
        }
    }

    private void EnsureLoaded()
    {
        if (Status != ModelStatus.Loaded) throw new InvalidOperationException($"model '{Name}' is degraded: {Reason}");
    }

    // Under the lock: Dispose clears the module under the same lock.
    private nn.IModule<Tensor, Tensor> Callable()
    {
        EnsureLoaded();
        ObjectDisposedException.ThrowIf(_module is null, this);
        return _callable!;
    }
}
