using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Funnel;

/// <summary>What happens to a lead that moves it between funnel stages (qualify, accept, reject, win, lose, recycle, ...).</summary>
/// <remarks>
/// <para>Funnel definitions permit triggers from stages; the funnel package defines the triggers of the default funnel.</para>
/// <para>
/// An open vocabulary: any lower-case machine name (1 to 64 characters of <c>a-z</c>, <c>0-9</c>, <c>_</c>,
/// <c>-</c>, <c>.</c>) is a valid value, so applications add their own without a new LeadKit release.
/// Each distinct value gets a process-wide <see cref="Ordinal"/>, so equality is an integer comparison and
/// compiled models can index arrays by it. The <c>default</c> value is unset and rejected by the domain model.
/// </para>
/// </remarks>
[JsonConverter(typeof(FunnelTriggerJsonConverter))]
public readonly struct FunnelTrigger : IEquatable<FunnelTrigger>
{
    // Must stay the first static member: the well-known values below are interned through it.
    private static readonly ValueInterner Interner = new("funnel trigger", 65_536);

    /// <summary>Creates or looks up a value of this vocabulary.</summary>
    /// <param name="value">A lower-case machine name such as <c>qualify</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid machine name.</exception>
    /// <exception cref="InvalidOperationException">More than 65,536 distinct values were created in this process.</exception>
    public FunnelTrigger(string value)
    {
        (Value, Ordinal) = Interner.Intern(Slug.Validate(value, nameof(value)));
    }

    /// <summary>Gets the trigger that advances a lead to the next stage (<c>qualify</c>).</summary>
    public static FunnelTrigger Qualify { get; } = new("qualify");

    /// <summary>Gets the trigger that discards a lead with no buying intent (<c>disqualify</c>).</summary>
    public static FunnelTrigger Disqualify { get; } = new("disqualify");

    /// <summary>Gets the trigger that sets a lead aside to work later (<c>nurture</c>).</summary>
    public static FunnelTrigger Nurture { get; } = new("nurture");

    /// <summary>Gets the trigger by which sales accepts a marketing-qualified lead (<c>accept</c>).</summary>
    public static FunnelTrigger Accept { get; } = new("accept");

    /// <summary>Gets the trigger by which sales rejects a marketing-qualified lead back to nurture, with a reason (<c>reject</c>).</summary>
    public static FunnelTrigger Reject { get; } = new("reject");

    /// <summary>Gets the trigger that converts a sales-qualified lead into an opportunity (a deal is opened) (<c>convert</c>).</summary>
    public static FunnelTrigger Convert { get; } = new("convert");

    /// <summary>Gets the trigger that closes an opportunity as won (<c>win</c>).</summary>
    public static FunnelTrigger Win { get; } = new("win");

    /// <summary>Gets the trigger that closes an opportunity as lost (<c>lose</c>).</summary>
    public static FunnelTrigger Lose { get; } = new("lose");

    /// <summary>Gets the trigger that brings a nurtured lead back into the active funnel (<c>reopen</c>).</summary>
    public static FunnelTrigger Reopen { get; } = new("reopen");

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
    public static bool operator ==(FunnelTrigger left, FunnelTrigger right) => left.Ordinal == right.Ordinal;

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(FunnelTrigger left, FunnelTrigger right) => left.Ordinal != right.Ordinal;

    /// <inheritdoc />
    public bool Equals(FunnelTrigger other) => Ordinal == other.Ordinal;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FunnelTrigger other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Ordinal;

    /// <summary>Returns the machine name.</summary>
    /// <returns>The machine name, or an empty string when unset.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>JSON converter for <see cref="FunnelTrigger"/>.</summary>
internal sealed class FunnelTriggerJsonConverter : StringValueJsonConverter<FunnelTrigger>
{
    protected override FunnelTrigger Create(string text) => new(text);

    protected override string? GetText(FunnelTrigger value) => value.Value;
}
