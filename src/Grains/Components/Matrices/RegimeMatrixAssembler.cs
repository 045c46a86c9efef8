using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Matrices;

/// <summary>The matrix_assembler_regime component: the 96×26 regime matrix (component-contracts 2.4), read by the RDE.</summary>
[ComponentKind("matrix_assembler_regime",
    Consumes = [IndicatorsReady],
    Produces = [SystemError],
    Description = "Keeps the 96x26 regime matrix.",
    HandlerBudgetMs = 1)]
public sealed class RegimeMatrixAssembler(IComponentContext context) : MatrixAssemblerComponent(context, static settings => new RegimeMatrixBuilder(settings.Regime));
