namespace LeadKit.EntityFrameworkCore.Model;

/// <summary>
/// How LeadKit stores a <see cref="DateTimeOffset"/>: its UTC ticks (a 64-bit integer, so every provider orders and
/// compares instants the same way, with full 100 ns precision) and its offset in minutes (so a state reads back as written).
/// </summary>
internal static class StoredTime
{
    public static long UtcTicks(DateTimeOffset value) => value.UtcTicks;

    public static short OffsetMinutes(DateTimeOffset value) => checked((short)(value.Offset.Ticks / TimeSpan.TicksPerMinute));

    /// <summary>Rebuilds the value: clock ticks = UTC ticks + offset.</summary>
    public static DateTimeOffset Read(long utcTicks, short offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }
}
