namespace AlgoSpace.MarketData.Files;

/// <summary>
/// The backtest file cannot be replayed at all: missing, empty, or with a header that is neither a tick nor a bar
/// CSV. Raised while the data handler initialises, where it is a critical initialisation failure
/// (component-contracts 2.1, Errors).
/// </summary>
public sealed class DataFileException(string message, Exception? inner = null) : Exception(message, inner);
