namespace AlgoSpace.Grains.Components.Execution;

/// <summary>Why an order was rejected or cancelled: the first word of an ORDER_REJECTED or ORDER_CANCELLED reason.</summary>
public static class RejectionCodes
{
    /// <summary>The command itself is malformed (direction, size, prices, unknown symbol).</summary>
    public const string InvalidCommand = "INVALID_COMMAND";

    // Pre-trade checks; each also raises RISK_BREACH RISK_CHECK_FAILED.
    public const string DuplicateOrder = "DUPLICATE_ORDER";
    public const string MarketClosed = "MARKET_CLOSED";
    public const string PositionLimit = "POSITION_LIMIT";
    public const string OrderValue = "ORDER_VALUE";
    public const string PriceDeviation = "PRICE_DEVIATION";

    // The portfolio risk gate (PortfolioGate), after the pre-trade checks.
    public const string DailyLoss = "DAILY_LOSS";
    public const string OpenPositions = "OPEN_POSITIONS";
    public const string GrossExposure = "GROSS_EXPOSURE";

    /// <summary>The simulated venue did not fill the entry (execution.fill_probability).</summary>
    public const string NotFilled = "NOT_FILLED";

    /// <summary>The other order of the bracket filled.</summary>
    public const string Oco = "OCO";
}
