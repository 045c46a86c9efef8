using System.Globalization;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// The session close of execution.session_close, in simulation time. There is no session open setting, so a
/// day's session is taken to run from midnight to the close.
/// </summary>
public sealed class SessionCalendar(TimeOnly close)
{
    public TimeOnly Close { get; } = close;

    /// <summary>Reads HH:MM as the settings write it.</summary>
    public static SessionCalendar Parse(string hhmm) => new(TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture));

    /// <summary>Whether <paramref name="time"/> is at or after the day's close.</summary>
    public bool IsAfterClose(DateTime time) => TimeOnly.FromDateTime(time) >= Close;

    /// <summary>The first session close after <paramref name="time"/> (a time exactly at a close gets the next day's).</summary>
    public DateTime NextClose(DateTime time)
    {
        var today = time.Date + Close.ToTimeSpan();
        return time < today ? today : today.AddDays(1);
    }
}
