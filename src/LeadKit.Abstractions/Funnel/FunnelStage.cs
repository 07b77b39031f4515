using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Funnel;

/// <summary>A stage of the sales funnel (suspect, lead, MQL, SAL, SQL, opportunity, customer, nurture, disqualified, lost, or a user-defined stage).</summary>
/// <remarks>
/// <para>The well-known values are the stages of LeadKit's default funnel.</para>
/// <para>
/// An open vocabulary: any lower-case machine name (1 to 64 characters of <c>a-z</c>, <c>0-9</c>, <c>_</c>,
/// <c>-</c>, <c>.</c>) is a valid value, so applications add their own without a new LeadKit release.
/// Each distinct value gets a process-wide <see cref="Ordinal"/>, so equality is an integer comparison and
/// compiled models can index arrays by it. The <c>default</c> value is unset and rejected by the domain model.
/// </para>
/// </remarks>
[JsonConverter(typeof(FunnelStageJsonConverter))]
public readonly struct FunnelStage : IEquatable<FunnelStage>
{
    // Must stay the first static member: the well-known values below are interned through it.
    private static readonly ValueInterner Interner = new("funnel stage", 65_536);

    /// <summary>Creates or looks up a value of this vocabulary.</summary>
    /// <param name="value">A lower-case machine name such as <c>suspect</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid machine name.</exception>
    /// <exception cref="InvalidOperationException">More than 65,536 distinct values were created in this process.</exception>
    public FunnelStage(string value)
    {
        (Value, Ordinal) = Interner.Intern(Slug.Validate(value, nameof(value)));
    }

    /// <summary>Gets the top of the funnel: visited the site or asked for general information (<c>suspect</c>).</summary>
    public static FunnelStage Suspect { get; } = new("suspect");

    /// <summary>Gets a lead: a potential customer who showed interest (<c>lead</c>).</summary>
    public static FunnelStage Lead { get; } = new("lead");

    /// <summary>Gets a marketing-qualified lead (clear interest, needs nurturing before buying) (<c>mql</c>).</summary>
    public static FunnelStage Mql { get; } = new("mql");

    /// <summary>Gets a sales-accepted lead (sales agreed to work it) (<c>sal</c>).</summary>
    public static FunnelStage Sal { get; } = new("sal");

    /// <summary>Gets a sales-qualified lead (expressed immediate purchase intent) (<c>sql</c>).</summary>
    public static FunnelStage Sql { get; } = new("sql");

    /// <summary>Gets an opportunity (a deal is open) (<c>opportunity</c>).</summary>
    public static FunnelStage Opportunity { get; } = new("opportunity");

    /// <summary>Gets a customer (the deal was won) (<c>customer</c>).</summary>
    public static FunnelStage Customer { get; } = new("customer");

    /// <summary>Gets nurture: not ready yet or bought from a competitor; worked again later (<c>nurture</c>).</summary>
    public static FunnelStage Nurture { get; } = new("nurture");

    /// <summary>Gets disqualified: no buying intent, discarded (<c>disqualified</c>).</summary>
    public static FunnelStage Disqualified { get; } = new("disqualified");

    /// <summary>Gets lost: the opportunity was closed as lost; may be recycled into a new lead (<c>lost</c>).</summary>
    public static FunnelStage Lost { get; } = new("lost");

    /// <summary>Gets the machine name, or <see langword="null"/> for the default (unset) value.</summary>
    public string? Value { get; }

    /// <summary>
    /// Gets the process-wide ordinal of this value (0 for the default value). Stable within one process only:
    /// use it to index arrays in compiled models, never persist it.
    /// </summary>
    public int Ordinal { get; }

    /// <summary>Gets a value indicating whether this is the default (unset) value.</summary>
    public bool IsDefault => Ordinal == 0;

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are the same value.</returns>
    public static bool operator ==(FunnelStage left, FunnelStage right) => left.Ordinal == right.Ordinal;

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(FunnelStage left, FunnelStage right) => left.Ordinal != right.Ordinal;

    /// <inheritdoc />
    public bool Equals(FunnelStage other) => Ordinal == other.Ordinal;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FunnelStage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Ordinal;

    /// <summary>Returns the machine name.</summary>
    /// <returns>The machine name, or an empty string when unset.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>JSON converter for <see cref="FunnelStage"/>.</summary>
internal sealed class FunnelStageJsonConverter : StringValueJsonConverter<FunnelStage>
{
    protected override FunnelStage Create(string text) => new(text);

    protected override string? GetText(FunnelStage value) => value.Value;
}
