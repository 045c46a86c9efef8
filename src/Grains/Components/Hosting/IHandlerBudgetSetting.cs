namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// A component whose kind's handler budget is one of its own settings (the synergy detector's
/// processing_time_warning_ms, which predates the budgets), rather than <see cref="ComponentKindAttribute.HandlerBudgetMs"/>.
/// </summary>
public interface IHandlerBudgetSetting
{
    double HandlerBudgetMs { get; }
}
