using System.Diagnostics.CodeAnalysis;
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
/// Creating or parsing a value never registers its name: a name gets a dense process-wide <see cref="Ordinal"/>
/// only when trusted code registers it (the well-known values below, and a compiled model when it is built), so values
/// read from untrusted input consume no process-wide resource. Values are equal when their names are, registered or not.
/// The <c>default</c> value is unset and rejected by the domain model.
/// </para>
/// </remarks>
[JsonConverter(typeof(FunnelStageJsonConverter))]
public readonly struct FunnelStage : IVocabularyValue<FunnelStage>
{
    // Must stay the first static member: the well-known values below are registered in it.
    private static readonly ValueInterner Names = new(ValueInterner.DefaultCapacity);

    private readonly VocabularyName? _name;

    /// <summary>Creates a value of this vocabulary (looks its name up; never registers it).</summary>
    /// <param name="value">A lower-case machine name such as <c>suspect</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid machine name; the message says which rule it breaks, not the text.</exception>
    public FunnelStage(string value)
    {
        _name = Names.Find(Slug.Validate(value, nameof(value)));
    }

    private FunnelStage(VocabularyName name) => _name = name;

    /// <summary>Gets the top of the funnel: visited the site or asked for general information (<c>suspect</c>).</summary>
    public static FunnelStage Suspect { get; } = Known("suspect");

    /// <summary>Gets a lead: a potential customer who showed interest (<c>lead</c>).</summary>
    public static FunnelStage Lead { get; } = Known("lead");

    /// <summary>Gets a marketing-qualified lead (clear interest, needs nurturing before buying) (<c>mql</c>).</summary>
    public static FunnelStage Mql { get; } = Known("mql");

    /// <summary>Gets a sales-accepted lead (sales agreed to work it) (<c>sal</c>).</summary>
    public static FunnelStage Sal { get; } = Known("sal");

    /// <summary>Gets a sales-qualified lead (expressed immediate purchase intent) (<c>sql</c>).</summary>
    public static FunnelStage Sql { get; } = Known("sql");

    /// <summary>Gets an opportunity (a deal is open) (<c>opportunity</c>).</summary>
    public static FunnelStage Opportunity { get; } = Known("opportunity");

    /// <summary>Gets a customer (the deal was won) (<c>customer</c>).</summary>
    public static FunnelStage Customer { get; } = Known("customer");

    /// <summary>Gets nurture: not ready yet or bought from a competitor; worked again later (<c>nurture</c>).</summary>
    public static FunnelStage Nurture { get; } = Known("nurture");

    /// <summary>Gets disqualified: no buying intent, discarded (<c>disqualified</c>).</summary>
    public static FunnelStage Disqualified { get; } = Known("disqualified");

    /// <summary>Gets lost: the opportunity was closed as lost; may be recycled into a new lead (<c>lost</c>).</summary>
    public static FunnelStage Lost { get; } = Known("lost");

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
    public static bool operator ==(FunnelStage left, FunnelStage right) => VocabularyName.AreEqual(left._name, right._name);

    /// <summary>Compares two values for inequality (by name).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(FunnelStage left, FunnelStage right) => !VocabularyName.AreEqual(left._name, right._name);

    /// <summary>Parses a machine name without throwing and without registering it.</summary>
    /// <param name="text">The text to parse; may be <see langword="null"/>.</param>
    /// <param name="value">The value, or <c>default</c> when <paramref name="text"/> is not a machine name.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a machine name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out FunnelStage value)
    {
        value = Slug.IsValid(text) ? new(Names.Find(text)) : default;
        return !value.IsDefault;
    }

    /// <inheritdoc />
    public static FunnelStage Register(FunnelStage value)
    {
        if (value._name is not { } name)
        {
            throw new ArgumentException("must not be the default (unset) value.", nameof(value));
        }

        return name.Ordinal > 0 ? value : Names.Register(name.Name) is { } registered ? new(registered) : value;
    }

    /// <inheritdoc />
    public bool Equals(FunnelStage other) => VocabularyName.AreEqual(_name, other._name);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FunnelStage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _name?.Hash ?? 0;

    /// <summary>Returns the machine name.</summary>
    /// <returns>The machine name, or an empty string when unset.</returns>
    public override string ToString() => Value ?? string.Empty;

    // The well-known values: registered, so they always have an ordinal (the registry's capacity far exceeds them).
    private static FunnelStage Known(string name) => new(Names.Register(name)!);
}

/// <summary>JSON converter for <see cref="FunnelStage"/>.</summary>
internal sealed class FunnelStageJsonConverter : StringValueJsonConverter<FunnelStage>
{
    protected override FunnelStage Create(string text) => new(text);

    protected override string? GetText(FunnelStage value) => value.Value;

    protected override int? MaximumLength => Slug.MaximumLength;

    // Says which rule the text breaks without repeating it; a valid name is then only looked up, never registered.
    protected override string? Check(string text) => Slug.Check(text);
}
