using System.Globalization;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Learning;

/// <summary>
/// A categorical fact about a lead that a learner may use: a text, named-value or boolean <see cref="LeadField"/>
/// (source, industry, seniority, consent, ...), a custom text attribute, bands of a number field (company size), or
/// whether the lead showed a kind of signal. Fields are read with the shared vocabulary (<see cref="LeadFields"/>), so a
/// feature means what the same field means in a rule set.
/// </summary>
/// <remarks>
/// Each feature turns a lead into one text value (for example <c>referral</c>, <c>cLevel</c>, <c>50-249</c>,
/// <c>yes</c>), or <see cref="Missing"/> when the lead does not have the fact. Text values are compared ordinally
/// ignoring case, as everywhere in LeadKit (<see cref="FieldOperator"/>); named values are the vocabulary's camelCase
/// names (<see cref="LeadFields.NamedValues"/>); booleans are <c>yes</c> / <c>no</c>. Values are read as of a moment:
/// signals after it do not count. Immutable and thread-safe.
/// </remarks>
public sealed class LeadFeature
{
    /// <summary>The value of a feature the lead does not have (no company, no country, no such custom field, ...).</summary>
    public const string Missing = "(none)";

    /// <summary>The value of a boolean feature or a signal feature that holds.</summary>
    internal const string Yes = "yes";

    /// <summary>The value of a boolean feature or a signal feature that does not hold.</summary>
    internal const string No = "no";

    private readonly int[] _bandStarts;
    private readonly string[] _bandLabels;

    private LeadFeature(FeatureKind kind, string name, LeadField field, CustomFieldKey customKey = default, EngagementSignalKind signal = default, int[]? bandStarts = null, string[]? bandLabels = null)
    {
        Kind = kind;
        Name = name;
        Field = field;
        CustomKey = customKey;
        SignalKind = signal;
        _bandStarts = bandStarts ?? [];
        _bandLabels = bandLabels ?? [];
    }

    /// <summary>How a feature reads a lead.</summary>
    internal enum FeatureKind
    {
        /// <summary>A text, named-value or boolean field, or a custom text attribute, read as is.</summary>
        Field,

        /// <summary>A number field, read as the label of the band it falls in.</summary>
        Bands,

        /// <summary>Whether a signal of a kind occurred.</summary>
        Signal,
    }

    /// <summary>Gets the lead source (<c>referral</c>, <c>webinar</c>, ...). Named <c>source</c>.</summary>
    public static LeadFeature Source { get; } = new(FeatureKind.Field, "source", LeadField.Source);

    /// <summary>Gets the company's industry (<c>software</c>, ...), or <see cref="Missing"/>. Named <c>industry</c>.</summary>
    public static LeadFeature Industry { get; } = new(FeatureKind.Field, "industry", LeadField.Industry);

    /// <summary>Gets the company's country code (<c>BR</c>, ...), or <see cref="Missing"/>. Named <c>country</c>.</summary>
    public static LeadFeature Country { get; } = new(FeatureKind.Field, "country", LeadField.Country);

    /// <summary>Gets the contact's seniority (<c>manager</c>, <c>cLevel</c>, ..., <c>unknown</c>). Named <c>seniority</c>.</summary>
    public static LeadFeature Seniority { get; } = new(FeatureKind.Field, "seniority", LeadField.Seniority);

    /// <summary>Gets the kind of purchase timeframe (<c>notStated</c>, <c>immediate</c>, <c>withinDays</c>). Named <c>timeframe</c>.</summary>
    public static LeadFeature Timeframe { get; } = new(FeatureKind.Field, "timeframe", LeadField.TimeframeKind);

    /// <summary>Gets the feature's name, shown in explanations and used in condition names.</summary>
    public string Name { get; }

    /// <summary>Gets the field read (<see cref="LeadField.Custom"/> with <see cref="CustomKey"/> for a custom attribute; <see cref="LeadField.None"/> for a signal feature).</summary>
    internal LeadField Field { get; }

    /// <summary>Gets the custom attribute's key, for a custom text feature.</summary>
    internal CustomFieldKey CustomKey { get; }

    /// <summary>Gets the signal kind of a signal feature; the default value for every other feature.</summary>
    internal EngagementSignalKind SignalKind { get; }

    /// <summary>Gets how the feature reads a lead.</summary>
    internal FeatureKind Kind { get; }

    /// <summary>Gets the band starts of a band feature.</summary>
    internal ReadOnlySpan<int> BandStarts => _bandStarts;

    /// <summary>Gets the band labels of a band feature (index 0 is below the first start).</summary>
    internal ReadOnlySpan<string> BandLabels => _bandLabels;

    /// <summary>
    /// Creates a feature from a text, named-value or boolean field of the shared vocabulary, named by the field's JSON
    /// name (<c>contact.jobTitle</c>, <c>consent.marketing</c>, ...).
    /// </summary>
    /// <param name="field">The field; for a number field use <see cref="CompanySize"/> or a number condition, for a custom attribute <see cref="CustomText"/>.</param>
    /// <returns>The feature.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is a number field, <see cref="LeadField.Custom"/> or not a documented field.</exception>
    public static LeadFeature Of(LeadField field)
    {
        var type = LeadFields.TypeOf(field);
        return type switch
        {
            FieldType.Text or FieldType.Named or FieldType.Boolean => new(FeatureKind.Field, LeadFields.NameOf(field), field),
            FieldType.Number => throw new ArgumentException(
                $"'{LeadFields.NameOf(field)}' is a number field; a feature reads categories: use LeadFeature.CompanySize for employee bands or LeadCondition.When with AttributeCondition.AtLeast/AtMost/Between.",
                nameof(field)),
            FieldType.Custom => throw new ArgumentException("A custom attribute needs its key: use LeadFeature.CustomText(key).", nameof(field)),
            _ => throw new ArgumentException("field must be one of the documented LeadField values.", nameof(field)),
        };
    }

    /// <summary>
    /// Creates a company-size band feature named <c>company_size</c>: employees fall into bands that start at the given
    /// counts, labelled like <c>1-9</c>, <c>10-49</c> and <c>250+</c>; leads with no employee count are <see cref="Missing"/>.
    /// </summary>
    /// <param name="bandStarts">Strictly increasing, non-negative band starts; the first band starts at the first value and
    /// counts below it are labelled <c>&lt;first</c>. Defaults to 1, 10, 50, 250, 1000.</param>
    /// <returns>The feature.</returns>
    /// <exception cref="ArgumentException">The band starts are not strictly increasing or a start is negative.</exception>
    public static LeadFeature CompanySize(params int[] bandStarts)
    {
        ArgumentNullException.ThrowIfNull(bandStarts);
        int[] starts = bandStarts.Length == 0 ? [1, 10, 50, 250, 1000] : [.. bandStarts];
        for (var i = 0; i < starts.Length; i++)
        {
            if (starts[i] < 0 || (i > 0 && starts[i] <= starts[i - 1]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"bandStarts must be non-negative and strictly increasing (bandStarts[{i}] was {starts[i]})."),
                    nameof(bandStarts));
            }
        }

        var labels = new string[starts.Length + 1];
        labels[0] = string.Create(CultureInfo.InvariantCulture, $"<{starts[0]}");
        for (var i = 0; i < starts.Length; i++)
        {
            labels[i + 1] = i + 1 < starts.Length
                ? string.Create(CultureInfo.InvariantCulture, $"{starts[i]}-{starts[i + 1] - 1}")
                : string.Create(CultureInfo.InvariantCulture, $"{starts[i]}+");
        }

        return new LeadFeature(FeatureKind.Bands, "company_size", LeadField.EmployeeCount, bandStarts: starts, bandLabels: labels);
    }

    /// <summary>
    /// Creates a feature from a custom text attribute, named <c>field:&lt;key&gt;</c>; leads without the attribute are
    /// <see cref="Missing"/>. A lead whose value is not text (a number, a boolean, a date) is refused by the learners and
    /// by <see cref="LeadCondition.ForValues"/>, naming the type found.
    /// </summary>
    /// <param name="key">The custom field key.</param>
    /// <returns>The feature.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is unset.</exception>
    public static LeadFeature CustomText(CustomFieldKey key)
    {
        if (key.IsDefault)
        {
            throw new ArgumentException("key must be set (was the default CustomFieldKey).", nameof(key));
        }

        return new LeadFeature(FeatureKind.Field, "field:" + key.Value, LeadField.Custom, customKey: key);
    }

    /// <summary>Creates a feature that is <c>yes</c> when the lead showed a kind of signal (at or before the moment read) and <c>no</c> otherwise; named <c>signal:&lt;kind&gt;</c>.</summary>
    /// <param name="kind">The signal kind.</param>
    /// <returns>The feature.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is unset.</exception>
    public static LeadFeature SignalPresent(EngagementSignalKind kind)
    {
        if (kind.IsDefault)
        {
            throw new ArgumentException("kind must be set (was the default EngagementSignalKind).", nameof(kind));
        }

        return new LeadFeature(FeatureKind.Signal, "signal:" + kind.Value, LeadField.None, signal: kind);
    }

    /// <summary>Reads the feature's value from a lead, as of a moment. Does not allocate.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">Signals after this moment are ignored.</param>
    /// <returns>The value, or <see cref="Missing"/> (also for a custom attribute whose value is not text).</returns>
    public string ValueOf(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return TryRead(lead, asOf, out var value) ? value : Missing;
    }

    /// <summary>Returns the feature's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>Reads the value, or reports that a custom attribute holds a value of another type than text.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">Signals after this moment are ignored.</param>
    /// <param name="value">The value (<see cref="Missing"/> when absent).</param>
    /// <returns><see langword="false"/> when the lead's value has a type the feature cannot read as a category (see <see cref="TypeFound"/>).</returns>
    internal bool TryRead(Lead lead, DateTimeOffset asOf, out string value)
    {
        switch (Kind)
        {
            case FeatureKind.Signal:
                value = HasSignal(lead, asOf) ? Yes : No;
                return true;
            case FeatureKind.Bands:
                value = LeadFields.TryReadNumber(lead, Field, out var number) ? _bandLabels[BandOf(number)] : Missing;
                return true;
            default:
                var read = LeadFields.Read(lead, Field, CustomKey);
                switch (read.Type)
                {
                    case FieldType.None:
                        value = Missing;
                        return true;
                    case FieldType.Text:
                        value = read.Text!;
                        return true;
                    case FieldType.Named:
                        var names = LeadFields.NamedValues(Field);
                        value = (uint)read.Named < (uint)names.Length ? names[read.Named] : Missing;
                        return true;
                    case FieldType.Boolean when Field != LeadField.Custom:
                        value = read.Boolean ? Yes : No;
                        return true;
                    default:
                        value = Missing;
                        return false;
                }
        }
    }

    /// <summary>Gets the type of the lead's value when <see cref="TryRead"/> refused it, for the error message.</summary>
    internal FieldType TypeFound(Lead lead) => LeadFields.Read(lead, Field, CustomKey).Type;

    /// <summary>The condition "this feature = <paramref name="value"/>" in the shared vocabulary, as a rule set writes it.</summary>
    /// <param name="value">A value of the feature (not for a signal feature).</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException">The value is not a value this feature can have (an unknown named value or band label).</exception>
    internal FieldCondition ConditionFor(string value)
    {
        if (Kind == FeatureKind.Bands)
        {
            return BandCondition(value);
        }

        if (value == Missing)
        {
            return FieldCondition.Create(Field, FieldOperator.NotExists, customKey: CustomKey);
        }

        var type = LeadFields.TypeOf(Field);
        if (type == FieldType.Boolean)
        {
            return string.Equals(value, Yes, StringComparison.OrdinalIgnoreCase) ? FieldCondition.Create(Field, FieldOperator.IsTrue)
                : string.Equals(value, No, StringComparison.OrdinalIgnoreCase) ? FieldCondition.Create(Field, FieldOperator.IsFalse)
                : throw new ArgumentException($"The feature '{Name}' is yes or no (or {Missing}).", nameof(value));
        }

        if (type == FieldType.Named && !LeadFields.TryParseNamedValue(Field, value, out _))
        {
            throw new ArgumentException($"The feature '{Name}' has the values {string.Join(", ", LeadFields.NamedValues(Field))}.", nameof(value));
        }

        return FieldCondition.Create(Field, FieldOperator.Equals, [value], customKey: CustomKey);
    }

    private FieldCondition BandCondition(string value)
    {
        if (value == Missing)
        {
            return FieldCondition.Create(Field, FieldOperator.NotExists);
        }

        var band = BandLabels.IndexOf(value);
        if (band < 0)
        {
            throw new ArgumentException($"'{value}' is not a band of the feature '{Name}' (bands: {string.Join(", ", _bandLabels)}).", nameof(value));
        }

        var starts = _bandStarts;
        return band == 0 ? FieldCondition.Create(Field, FieldOperator.AtMost, max: starts[0] - 1)
            : band == starts.Length ? FieldCondition.Create(Field, FieldOperator.AtLeast, min: starts[band - 1])
            : FieldCondition.Create(Field, FieldOperator.Between, min: starts[band - 1], max: starts[band] - 1);
    }

    /// <summary>The band of a number: the last band whose start it reaches (employee counts are integers, so these are exactly the ranges <see cref="BandCondition"/> writes).</summary>
    private int BandOf(double number)
    {
        var band = 0;
        while (band < _bandStarts.Length && number >= _bandStarts[band])
        {
            band++;
        }

        return band;
    }

    private bool HasSignal(Lead lead, DateTimeOffset asOf)
    {
        var asOfTicks = asOf.UtcTicks;
        foreach (ref readonly var signal in lead.Signals.AsSpan())
        {
            if (signal.Kind == SignalKind && signal.OccurredAtUtcTicks <= asOfTicks)
            {
                return true;
            }
        }

        return false;
    }
}
