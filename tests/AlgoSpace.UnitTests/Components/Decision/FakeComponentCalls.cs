using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components.Calls;

namespace AlgoSpace.Tests.Components.Decision;

/// <summary>
/// Answers component calls without Orleans: matrices from a table by component name, and other requests from
/// real components registered by name. Records every call.
/// </summary>
public sealed class FakeComponentCalls : IComponentCalls
{
    public Dictionary<string, Func<MatrixRequest, MatrixReply>> Matrices { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ICallableComponent> Components { get; } = new(StringComparer.Ordinal);

    public List<(string Component, ComponentRequest Request)> Calls { get; } = [];

    public async ValueTask<TReply> CallAsync<TReply>(string component, ComponentRequest request) where TReply : ComponentReply
    {
        Calls.Add((component, request));
        ComponentReply reply;
        if (request is MatrixRequest matrix && Matrices.TryGetValue(component, out var answer)) reply = answer(matrix);
        else if (Components.TryGetValue(component, out var callee)) reply = await callee.AnswerAsync(request, CancellationToken.None);
        else throw new ComponentCallException($"no component '{component}' answers {request.GetType().Name}");
        return reply as TReply ?? throw new ComponentCallException($"{component} answered {reply.GetType().Name}, not {typeof(TReply).Name}");
    }

    /// <summary>A ready matrix of <paramref name="rows"/> × <paramref name="columns"/> filled by <paramref name="value"/>(row, column).</summary>
    public static MatrixReply Ready(int rows, int columns, long seq, Func<int, int, float> value)
    {
        var values = new float[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++) values[(r * columns) + c] = value(r, c);
        }

        return new MatrixReply(true, rows, columns, values, seq, null);
    }
}
