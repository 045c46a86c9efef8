using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Matrices;

/// <summary>The matrix_assembler_30m component: the 48×8 structure matrix (component-contracts 2.4).</summary>
[ComponentKind("matrix_assembler_30m",
    Consumes = [IndicatorsReady],
    Produces = [SystemError],
    Description = "Keeps the 48x8 structure matrix.",
    HandlerBudgetMs = 1)]
public sealed class ThirtyMinuteMatrixAssembler(IComponentContext context) : MatrixAssemblerComponent(context, static settings => new ThirtyMinuteMatrixBuilder(settings.ThirtyMinute));
