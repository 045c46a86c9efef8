namespace AlgoSpace.MarketData;

/// <summary>What is wrong with a row or one of its ticks. All are rejections except <see cref="NegativeVolume"/>.</summary>
public enum RowIssueKind
{
    /// <summary>The row has a different number of fields than the header.</summary>
    WrongFieldCount,
    /// <summary>The timestamp is neither ISO nor a day-first slash date.</summary>
    BadTimestamp,
    /// <summary>A price or volume field is not a number.</summary>
    BadNumber,
    /// <summary>A bar whose low is above its open or close, or whose high is below them.</summary>
    InconsistentBar,
    /// <summary>The price is zero or negative.</summary>
    NonPositivePrice,
    /// <summary>The price is NaN or infinite.</summary>
    NonFinitePrice,
    /// <summary>The timestamp is earlier than the last accepted tick's.</summary>
    TimestampBeforeLast,
    /// <summary>The price (of a bar file: the bar's close) is more than 5 % from the median of the last 100 accepted ticks (closes).</summary>
    PriceOutlier,
    /// <summary>A negative volume, replaced by 0; the tick is kept (a warning, not a rejection).</summary>
    NegativeVolume,
    /// <summary>
    /// The timestamp is more than data_handler.max_time_jump_hours before or after the last accepted tick's, and (if
    /// ahead) not yet confirmed by three agreeing rows. Last, so that saved counts keep their kinds.
    /// </summary>
    TimestampOutlier,
    /// <summary>The file cannot be read from this line on (a corrupt or truncated gzip stream, an I/O error); the rest is skipped.</summary>
    UnreadableFile,
}

/// <summary>Helpers for <see cref="RowIssueKind"/>.</summary>
public static class RowIssueKinds
{
    /// <summary>The number of kinds, for arrays indexed by kind.</summary>
    public static int Count { get; } = Enum.GetValues<RowIssueKind>().Length;

    /// <summary>Whether the row or tick is dropped (true) or kept with a correction (false).</summary>
    public static bool IsRejection(this RowIssueKind kind) => kind != RowIssueKind.NegativeVolume;
}
