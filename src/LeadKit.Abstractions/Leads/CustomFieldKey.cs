using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Leads;

/// <summary>The name of an application-defined field (custom attribute) of a lead (e.g. <c>plan</c>, <c>seats</c>, <c>trial_end</c>).</summary>
/// <remarks>
/// <para>Scoring rules and routing rules refer to custom fields by key; the key is interned so a lookup is an integer comparison.</para>
/// <para>
/// An open vocabulary: any lower-case machine name (1 to 64 characters of <c>a-z</c>, <c>0-9</c>, <c>_</c>,
/// <c>-</c>, <c>.</c>) is a valid value, so applications add their own without a new LeadKit release.
/// Creating or parsing a value never registers its name: a name gets a dense process-wide <see cref="Ordinal"/>
/// only when trusted code registers it (the well-known values below, and a compiled model when it is built), so values
/// read from untrusted input consume no process-wide resource. Values are equal when their names are, registered or not.
/// The <c>default</c> value is unset and rejected by the domain model.
/// </para>
/// </remarks>
[JsonConverter(typeof(CustomFieldKeyJsonConverter))]
public readonly struct CustomFieldKey : IVocabularyValue<CustomFieldKey>
{
    // Must stay the first static member: the well-known values below are registered in it.
    private static readonly ValueInterner Names = new(ValueInterner.DefaultCapacity);

    private readonly VocabularyName? _name;

    /// <summary>Creates a value of this vocabulary (looks its name up; never registers it).</summary>
    /// <param name="value">A lower-case machine name such as <c>plan</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid machine name; the message says which rule it breaks, not the text.</exception>
    public CustomFieldKey(string value)
    {
        _name = Names.Find(Slug.Validate(value, nameof(value)));
    }

    private CustomFieldKey(VocabularyName name) => _name = name;


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
    public static bool operator ==(CustomFieldKey left, CustomFieldKey right) => VocabularyName.AreEqual(left._name, right._name);

    /// <summary>Compares two values for inequality (by name).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(CustomFieldKey left, CustomFieldKey right) => !VocabularyName.AreEqual(left._name, right._name);

    /// <summary>Parses a machine name without throwing and without registering it.</summary>
    /// <param name="text">The text to parse; may be <see langword="null"/>.</param>
    /// <param name="value">The value, or <c>default</c> when <paramref name="text"/> is not a machine name.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a machine name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out CustomFieldKey value)
    {
        value = Slug.IsValid(text) ? new(Names.Find(text)) : default;
        return !value.IsDefault;
    }

    /// <inheritdoc />
    public static CustomFieldKey Register(CustomFieldKey value)
    {
        if (value._name is not { } name)
        {
            throw new ArgumentException("must not be the default (unset) value.", nameof(value));
        }

        return name.Ordinal > 0 ? value : Names.Register(name.Name) is { } registered ? new(registered) : value;
    }

    /// <inheritdoc />
    public bool Equals(CustomFieldKey other) => VocabularyName.AreEqual(_name, other._name);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CustomFieldKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _name?.Hash ?? 0;

    /// <summary>Returns the machine name.</summary>
    /// <returns>The machine name, or an empty string when unset.</returns>
    public override string ToString() => Value ?? string.Empty;

    // The well-known values: registered, so they always have an ordinal (the registry's capacity far exceeds them).
    private static CustomFieldKey Known(string name) => new(Names.Register(name)!);
}

/// <summary>JSON converter for <see cref="CustomFieldKey"/>.</summary>
internal sealed class CustomFieldKeyJsonConverter : StringValueJsonConverter<CustomFieldKey>
{
    protected override CustomFieldKey Create(string text) => new(text);

    protected override string? GetText(CustomFieldKey value) => value.Value;

    protected override int? MaximumLength => Slug.MaximumLength;

    // Says which rule the text breaks without repeating it; a valid name is then only looked up, never registered.
    protected override string? Check(string text) => Slug.Check(text);
}
