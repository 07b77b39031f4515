using System.Text.Json.Serialization;

namespace LeadKit.Abstractions.Routing;

/// <summary>A period a rep is away (vacation, sick leave, training): from <see cref="From"/> (inclusive) until <see cref="Until"/> (exclusive).</summary>
public readonly record struct OutOfOfficePeriod
{
    /// <summary>Creates a period.</summary>
    /// <param name="from">The start (inclusive).</param>
    /// <param name="until">The end (exclusive), after <paramref name="from"/>.</param>
    /// <exception cref="ArgumentException">Either bound is unset or <paramref name="until"/> is not after <paramref name="from"/>.</exception>
    [JsonConstructor]
    public OutOfOfficePeriod(DateTimeOffset from, DateTimeOffset until)
    {
        if (from == default || until == default || until <= from)
        {
            throw new ArgumentException($"An out-of-office period must end after it starts (from {from:O}, until {until:O}).", nameof(until));
        }

        From = from;
        Until = until;
    }

    /// <summary>Gets the start (inclusive).</summary>
    public DateTimeOffset From { get; }

    /// <summary>Gets the end (exclusive).</summary>
    public DateTimeOffset Until { get; }

    /// <summary>Tells whether a moment falls inside the period.</summary>
    /// <param name="moment">The moment.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Contains(DateTimeOffset moment) => moment >= From && moment < Until;
}
