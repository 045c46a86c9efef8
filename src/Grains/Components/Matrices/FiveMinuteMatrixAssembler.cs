using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Matrices;

/// <summary>The matrix_assembler_5m component: the 60×7 tactical matrix (component-contracts 2.4).</summary>
[ComponentKind("matrix_assembler_5m",
    Consumes = [IndicatorsReady],
    Produces = [SystemError],
    Description = "Keeps the 60x7 tactical matrix.",
    HandlerBudgetMs = 1)]
public sealed class FiveMinuteMatrixAssembler(IComponentContext context) : MatrixAssemblerComponent(context, static settings => new FiveMinuteMatrixBuilder(settings.FiveMinute));
