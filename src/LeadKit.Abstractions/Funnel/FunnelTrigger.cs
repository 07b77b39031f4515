using System.Diagnostics.CodeAnalysis;
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
/// Creating or parsing a value never registers its name: a name gets a dense process-wide <see cref="Ordinal"/>
/// only when trusted code registers it (the well-known values below, and a compiled model when it is built), so values
/// read from untrusted input consume no process-wide resource. Values are equal when their names are, registered or not.
/// The <c>default</c> value is unset and rejected by the domain model.
/// </para>
/// </remarks>
[JsonConverter(typeof(FunnelTriggerJsonConverter))]
public readonly struct FunnelTrigger : IVocabularyValue<FunnelTrigger>
{
    // Must stay the first static member: the well-known values below are registered in it.
    private static readonly ValueInterner Names = new(ValueInterner.DefaultCapacity);

    private readonly VocabularyName? _name;

    /// <summary>Creates a value of this vocabulary (looks its name up; never registers it).</summary>
    /// <param name="value">A lower-case machine name such as <c>qualify</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid machine name; the message says which rule it breaks, not the text.</exception>
    public FunnelTrigger(string value)
    {
        _name = Names.Find(Slug.Validate(value, nameof(value)));
    }

    private FunnelTrigger(VocabularyName name) => _name = name;

    /// <summary>Gets the trigger that advances a lead to the next stage (<c>qualify</c>).</summary>
    public static FunnelTrigger Qualify { get; } = Known("qualify");

    /// <summary>Gets the trigger that discards a lead with no buying intent (<c>disqualify</c>).</summary>
    public static FunnelTrigger Disqualify { get; } = Known("disqualify");

    /// <summary>Gets the trigger that sets a lead aside to work later (<c>nurture</c>).</summary>
    public static FunnelTrigger Nurture { get; } = Known("nurture");

    /// <summary>Gets the trigger by which sales accepts a marketing-qualified lead (<c>accept</c>).</summary>
    public static FunnelTrigger Accept { get; } = Known("accept");

    /// <summary>Gets the trigger by which sales rejects a marketing-qualified lead back to nurture, with a reason (<c>reject</c>).</summary>
    public static FunnelTrigger Reject { get; } = Known("reject");

    /// <summary>Gets the trigger that converts a sales-qualified lead into an opportunity (a deal is opened) (<c>convert</c>).</summary>
    public static FunnelTrigger Convert { get; } = Known("convert");

    /// <summary>Gets the trigger that closes an opportunity as won (<c>win</c>).</summary>
    public static FunnelTrigger Win { get; } = Known("win");

    /// <summary>Gets the trigger that closes an opportunity as lost (<c>lose</c>).</summary>
    public static FunnelTrigger Lose { get; } = Known("lose");

    /// <summary>Gets the trigger that brings a nurtured lead back into the active funnel (<c>reopen</c>).</summary>
    public static FunnelTrigger Reopen { get; } = Known("reopen");

    /// <summary>Gets the machine name, or <see langword="null"/> for the default (unset) value.</summary>
    public string? Value => _name?.Name;

    /// <summary>
    /// Gets the dense process-wide ordinal of the name: 0 for the default value, -1 while the name is not registered.
    /// A value created before its name was registered reports the ordinal once it is. Stable within one process only:
    /// use it to index arrays in compiled models, never persist it.
    /// </summary>
    public int Ordinal => _name is { } name ? name.Ordinal : 0;

    /// <summary>Gets a value indicating whether the name has a process-wide ordinal.</summary>
    public bool IsRegistered => Ordinal > 0;

    /// <summary>Gets a value indicating whether this is the default (unset) value.</summary>
    public bool IsDefault => _name is null;

    /// <summary>Compares two values for equality (by name).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are the same value.</returns>
    public static bool operator ==(FunnelTrigger left, FunnelTrigger right) => VocabularyName.AreEqual(left._name, right._name);

    /// <summary>Compares two values for inequality (by name).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(FunnelTrigger left, FunnelTrigger right) => !VocabularyName.AreEqual(left._name, right._name);

    /// <summary>Parses a machine name without throwing and without registering it.</summary>
    /// <param name="text">The text to parse; may be <see langword="null"/>.</param>
    /// <param name="value">The value, or <c>default</c> when <paramref name="text"/> is not a machine name.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a machine name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out FunnelTrigger value)
    {
        value = Slug.IsValid(text) ? new(Names.Find(text)) : default;
        return !value.IsDefault;
    }

    /// <inheritdoc />
    public static FunnelTrigger Register(FunnelTrigger value)
    {
        if (value._name is not { } name)
        {
            throw new ArgumentException("must not be the default (unset) value.", nameof(value));
        }

        return name.Ordinal > 0 ? value : Names.Register(name.Name) is { } registered ? new(registered) : value;
    }

    /// <inheritdoc />
    public bool Equals(FunnelTrigger other) => VocabularyName.AreEqual(_name, other._name);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FunnelTrigger other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _name?.Hash ?? 0;

    /// <summary>Returns the machine name.</summary>
    /// <returns>The machine name, or an empty string when unset.</returns>
    public override string ToString() => Value ?? string.Empty;

    // The well-known values: registered, so they always have an ordinal (the registry's capacity far exceeds them).
    private static FunnelTrigger Known(string name) => new(Names.Register(name)!);
}

/// <summary>JSON converter for <see cref="FunnelTrigger"/>.</summary>
internal sealed class FunnelTriggerJsonConverter : StringValueJsonConverter<FunnelTrigger>
{
    protected override FunnelTrigger Create(string text) => new(text);

    protected override string? GetText(FunnelTrigger value) => value.Value;

    protected override int? MaximumLength => Slug.MaximumLength;

    // Says which rule the text breaks without repeating it; a valid name is then only looked up, never registered.
    protected override string? Check(string text) => Slug.Check(text);
}
