using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Serialization;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Sales;

/// <summary>
/// A sales rep (SDR, account executive, ...) who can own leads and deals, with what routing needs: territories,
/// segments, languages, products, weight, capacity and availability.
/// </summary>
/// <remarks>
/// <para>
/// Coverage lists (<see cref="Countries"/>, <see cref="Regions"/>, <see cref="Industries"/>, <see cref="Languages"/>,
/// <see cref="Products"/>) are "any" when empty: a rep with no countries covers every country. A non-empty list covers
/// a lead only when it contains the lead's value; a lead that lacks the value (e.g. no company country) is not covered.
/// </para>
/// <para>Immutable; every property validates its value and throws an <see cref="ArgumentException"/> naming the property.</para>
/// </remarks>
public sealed record SalesRep
{
    /// <summary>The longest <see cref="Name"/> or <see cref="Regions"/> entry accepted, in characters.</summary>
    public const int MaximumTextLength = 256;

    /// <summary>The largest allowed <see cref="Weight"/>.</summary>
    public const int MaximumWeight = 1000;

    /// <summary>Gets the rep's identifier.</summary>
    public required SalesRepId Id { get; init => field = Guard.NotDefaultValue(value, nameof(Id)); }

    /// <summary>Gets the rep's display name.</summary>
    public required string Name { get; init => field = Guard.FreeText(value, MaximumTextLength, nameof(Name)); }

    /// <summary>Gets a value indicating whether the rep currently takes leads.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    [JsonIgnore]
    public bool IsActive { get; init; } = true;

    /// <summary>Gets the countries the rep covers (territory); empty covers all.</summary>
    /// <value>Defaults to empty.</value>
    public ImmutableArray<CountryCode> Countries { get; init => field = ValidateCountries(value, nameof(Countries)); } = [];

    /// <summary>Gets the regions (states, provinces) the rep covers, compared ignoring case; empty covers all.</summary>
    /// <value>Defaults to empty.</value>
    public ImmutableArray<string> Regions { get; init => field = ValidateTexts(value, nameof(Regions), slug: false); } = [];

    /// <summary>Gets the industries (segments) the rep covers as lower-case machine names; empty covers all.</summary>
    /// <value>Defaults to empty.</value>
    public ImmutableArray<string> Industries { get; init => field = ValidateTexts(value, nameof(Industries), slug: true); } = [];

    /// <summary>Gets the smallest company (employees) in the rep's company-size segment; <see langword="null"/> for no lower bound.</summary>
    public int? MinEmployees { get; init => field = value is { } v ? Guard.NonNegative(v, nameof(MinEmployees)) : null; }

    /// <summary>Gets the largest company (employees) in the rep's company-size segment; <see langword="null"/> for no upper bound.</summary>
    public int? MaxEmployees { get; init => field = value is { } v ? Guard.NonNegative(v, nameof(MaxEmployees)) : null; }

    /// <summary>Gets the languages the rep speaks as lower-case ISO 639-1 codes; empty covers all.</summary>
    /// <value>Defaults to empty.</value>
    public ImmutableArray<string> Languages { get; init => field = ValidateLanguages(value, nameof(Languages)); } = [];

    /// <summary>Gets the products the rep sells as lower-case machine names; empty covers all.</summary>
    /// <value>Defaults to empty.</value>
    public ImmutableArray<string> Products { get; init => field = ValidateTexts(value, nameof(Products), slug: true); } = [];

    /// <summary>Gets the rep's weight for weighted round robin: shares are proportional to weights (1 to <see cref="MaximumWeight"/>).</summary>
    /// <value>Defaults to 1.</value>
    [JsonIgnore]
    public int Weight
    {
        get;
        init => field = value is >= 1 and <= MaximumWeight
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Weight), value, $"Weight must be between 1 and {MaximumWeight} (was {value}).");
    } = 1;

    /// <summary>Gets the maximum number of open leads the rep may hold at once; <see langword="null"/> for no limit.</summary>
    public int? MaxOpenLeads { get; init => field = value is { } v ? Guard.Positive(v, nameof(MaxOpenLeads)) : null; }

    /// <summary>Gets the maximum number of new leads the rep may receive per capacity period (e.g. per month); <see langword="null"/> for no limit.</summary>
    public int? MaxNewLeadsPerPeriod { get; init => field = value is { } v ? Guard.Positive(v, nameof(MaxNewLeadsPerPeriod)) : null; }

    /// <summary>Gets when the rep takes leads: time zone, working hours and out-of-office periods.</summary>
    /// <value>Defaults to <see cref="RepAvailability.Always"/>.</value>
    [JsonIgnore]
    public RepAvailability Availability { get; init => field = value ?? throw new ArgumentNullException(nameof(Availability)); } = RepAvailability.Always;

    // The source-generated serializer passes default(T) for init-only properties missing from the JSON, which would
    // turn an absent "isActive" into false and an absent "weight" into 0. These nullable JSON views treat absent as
    // "keep the documented default" and still validate every value that is present.
    [JsonInclude]
    [JsonPropertyName("isActive")]
    internal bool? IsActiveJson { get => IsActive; init => IsActive = value ?? true; }

    [JsonInclude]
    [JsonPropertyName("weight")]
    internal int? WeightJson { get => Weight; init => Weight = value ?? 1; }

    [JsonInclude]
    [JsonPropertyName("availability")]
    internal RepAvailability? AvailabilityJson { get => Availability; init => Availability = value ?? RepAvailability.Always; }

    /// <inheritdoc />
    public bool Equals(SalesRep? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && Id == other.Id
            && Name == other.Name
            && IsActive == other.IsActive
            && Countries.AsSpan().SequenceEqual(other.Countries.AsSpan())
            && Regions.AsSpan().SequenceEqual(other.Regions.AsSpan())
            && Industries.AsSpan().SequenceEqual(other.Industries.AsSpan())
            && MinEmployees == other.MinEmployees
            && MaxEmployees == other.MaxEmployees
            && Languages.AsSpan().SequenceEqual(other.Languages.AsSpan())
            && Products.AsSpan().SequenceEqual(other.Products.AsSpan())
            && Weight == other.Weight
            && MaxOpenLeads == other.MaxOpenLeads
            && MaxNewLeadsPerPeriod == other.MaxNewLeadsPerPeriod
            && AvailabilityEquals(Availability, other.Availability);
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, IsActive, Weight, MaxOpenLeads, MaxNewLeadsPerPeriod, Countries.Length);

    // The id and the name identify a person (ids can be e-mail addresses): ToString prints neither.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("IsActive = ").Append(IsActive ? "true" : "false")
            .Append(", Weight = ").Append(Weight)
            .Append(", Countries = ").Append(Countries.Length)
            .Append(", Regions = ").Append(Regions.Length)
            .Append(", Industries = ").Append(Industries.Length)
            .Append(", Languages = ").Append(Languages.Length)
            .Append(", Products = ").Append(Products.Length);
        return true;
    }

    private static bool AvailabilityEquals(RepAvailability left, RepAvailability right)
        => ReferenceEquals(left, right)
            || (left.TimeZoneId == right.TimeZoneId
                && left.WorkingHours.AsSpan().SequenceEqual(right.WorkingHours.AsSpan())
                && left.OutOfOffice.AsSpan().SequenceEqual(right.OutOfOffice.AsSpan()));

    private static ImmutableArray<CountryCode> ValidateCountries(ImmutableArray<CountryCode> value, string name)
    {
        if (value.IsDefault)
        {
            return [];
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (value[i].IsDefault)
            {
                throw new ArgumentException($"Countries[{i}] is an unset CountryCode.", name);
            }
        }

        return value;
    }

    private static ImmutableArray<string> ValidateTexts(ImmutableArray<string> value, string name, bool slug)
    {
        if (value.IsDefault)
        {
            return [];
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (slug)
            {
                Guard.MachineName(value[i], $"{name}[{i}]");
            }
            else
            {
                Guard.FreeText(value[i], MaximumTextLength, $"{name}[{i}]");
            }
        }

        return value;
    }

    private static ImmutableArray<string> ValidateLanguages(ImmutableArray<string> value, string name)
    {
        if (value.IsDefault)
        {
            return [];
        }

        for (var i = 0; i < value.Length; i++)
        {
            var language = value[i];
            if (language is null || language.Length != 2 || !char.IsAsciiLetterLower(language[0]) || !char.IsAsciiLetterLower(language[1]))
            {
                throw new ArgumentException($"Languages[{i}] must be a lower-case ISO 639-1 code such as 'en'.", name);
            }
        }

        return value;
    }
}
