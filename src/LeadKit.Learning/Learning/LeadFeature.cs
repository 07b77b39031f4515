using System.Globalization;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Learning;

/// <summary>
/// A categorical fact about a lead that a learner may use: its source, industry, country, seniority, company-size band,
/// a custom text field, or whether it showed a kind of signal. A closed set of extractors: no reflection, no expressions.
/// </summary>
/// <remarks>
/// Each feature turns a lead into one text value (for example <c>referral</c>, <c>50-249</c>, <c>yes</c>), or
/// <see cref="Missing"/> when the lead does not have the fact. Values are read as of a moment: signals after it do not count.
/// Immutable and thread-safe.
/// </remarks>
public sealed class LeadFeature
{
    /// <summary>The value of a feature the lead does not have (no company, no country, no such custom field, ...).</summary>
    public const string Missing = "(none)";

    private static readonly string[] SeniorityNames = CreateNames<Seniority>();
    private static readonly string[] TimeframeNames = CreateNames<PurchaseTimeframeKind>();

    private readonly FeatureKind _kind;
    private readonly int[] _bandStarts;
    private readonly string[] _bandLabels;
    private readonly CustomFieldKey _field;
    private readonly EngagementSignalKind _signal;

    private LeadFeature(FeatureKind kind, string name, int[]? bandStarts = null, string[]? bandLabels = null, CustomFieldKey field = default, EngagementSignalKind signal = default)
    {
        _kind = kind;
        Name = name;
        _bandStarts = bandStarts ?? [];
        _bandLabels = bandLabels ?? [];
        _field = field;
        _signal = signal;
    }

    /// <summary>The closed set of extractors.</summary>
    internal enum FeatureKind
    {
        Source,
        Industry,
        Country,
        Seniority,
        Timeframe,
        CompanySize,
        CustomText,
        SignalPresent,
    }

    /// <summary>Gets the lead source (<c>referral</c>, <c>webinar</c>, ...). Named <c>source</c>.</summary>
    public static LeadFeature Source { get; } = new(FeatureKind.Source, "source");

    /// <summary>Gets the company's industry (<c>software</c>, ...), or <see cref="Missing"/>. Named <c>industry</c>.</summary>
    public static LeadFeature Industry { get; } = new(FeatureKind.Industry, "industry");

    /// <summary>Gets the company's country code (<c>BR</c>, ...), or <see cref="Missing"/>. Named <c>country</c>.</summary>
    public static LeadFeature Country { get; } = new(FeatureKind.Country, "country");

    /// <summary>Gets the contact's seniority (<c>Manager</c>, <c>CLevel</c>, ..., <c>Unknown</c>). Named <c>seniority</c>.</summary>
    public static LeadFeature Seniority { get; } = new(FeatureKind.Seniority, "seniority");

    /// <summary>Gets the kind of purchase timeframe (<c>NotStated</c>, <c>Immediate</c>, <c>WithinDays</c>). Named <c>timeframe</c>.</summary>
    public static LeadFeature Timeframe { get; } = new(FeatureKind.Timeframe, "timeframe");

    /// <summary>Gets the feature's name, shown in explanations and used in condition names.</summary>
    public string Name { get; }

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

        return new LeadFeature(FeatureKind.CompanySize, "company_size", bandStarts: starts, bandLabels: labels);
    }

    /// <summary>Creates a feature from a custom text field, named <c>field:&lt;key&gt;</c>; leads without the field (or with a non-text value) are <see cref="Missing"/>.</summary>
    /// <param name="key">The custom field key.</param>
    /// <returns>The feature.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is unset.</exception>
    public static LeadFeature CustomText(CustomFieldKey key)
    {
        if (key.IsDefault)
        {
            throw new ArgumentException("key must be set (was the default CustomFieldKey).", nameof(key));
        }

        return new LeadFeature(FeatureKind.CustomText, "field:" + key.Value, field: key);
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

        return new LeadFeature(FeatureKind.SignalPresent, "signal:" + kind.Value, signal: kind);
    }

    /// <summary>Reads the feature's value from a lead, as of a moment. Does not allocate.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">Signals after this moment are ignored.</param>
    /// <returns>The value, or <see cref="Missing"/>.</returns>
    public string ValueOf(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        switch (_kind)
        {
            case FeatureKind.Source:
                return lead.Source.Value ?? Missing;
            case FeatureKind.Industry:
                return lead.Company?.Industry ?? Missing;
            case FeatureKind.Country:
                return lead.Company?.Country?.Value ?? Missing;
            case FeatureKind.Seniority:
                return SeniorityNames[(int)lead.Contact.Seniority];
            case FeatureKind.Timeframe:
                return TimeframeNames[(int)lead.Timeframe.Kind];
            case FeatureKind.CompanySize:
                if (lead.Company?.EmployeeCount is not { } employees)
                {
                    return Missing;
                }

                var band = 0;
                while (band < _bandStarts.Length && employees >= _bandStarts[band])
                {
                    band++;
                }

                return _bandLabels[band];
            case FeatureKind.CustomText:
                return lead.TryGetCustomField(_field, out var value) && value.Kind == CustomFieldValueKind.Text ? value.Text! : Missing;
            default:
                var asOfTicks = asOf.UtcTicks;
                foreach (ref readonly var signal in lead.Signals.AsSpan())
                {
                    if (signal.Kind == _signal && signal.OccurredAtUtcTicks <= asOfTicks)
                    {
                        return "yes";
                    }
                }

                return "no";
        }
    }

    /// <summary>Gets a value indicating whether this is the <see cref="Source"/> feature (compiled scorecards compare source ordinals).</summary>
    internal bool IsSource => _kind == FeatureKind.Source;

    /// <summary>Gets the kind of extractor.</summary>
    internal FeatureKind Kind => _kind;

    /// <summary>Gets the custom field of a <see cref="CustomText"/> feature.</summary>
    internal CustomFieldKey Field => _field;

    /// <summary>Gets the band starts of a <see cref="CompanySize"/> feature.</summary>
    internal ReadOnlySpan<int> BandStarts => _bandStarts;

    /// <summary>Gets the band labels of a <see cref="CompanySize"/> feature (index 0 is below the first start).</summary>
    internal ReadOnlySpan<string> BandLabels => _bandLabels;

    /// <summary>Gets the signal kind of a <see cref="SignalPresent"/> feature; the default value for every other feature.</summary>
    internal EngagementSignalKind SignalKind => _signal;

    /// <summary>Returns the feature's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    private static string[] CreateNames<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var names = new string[values.Length];
        foreach (var value in values)
        {
            names[Convert.ToInt32(value, CultureInfo.InvariantCulture)] = value.ToString();
        }

        return names;
    }
}
