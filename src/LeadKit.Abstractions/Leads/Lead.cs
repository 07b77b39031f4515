using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Abstractions.Leads;

/// <summary>
/// A potential customer — a person or company that showed interest — with everything scoring, routing and the
/// funnel need to know: where it came from, who it is, what it did, how soon it means to buy, and its BANT facts.
/// </summary>
/// <remarks>
/// Immutable; change it with <c>with</c> expressions. Equality compares every value, including the contents of
/// <see cref="Signals"/> and <see cref="CustomFields"/>. Each property validates its value when set and throws
/// an <see cref="ArgumentException"/> naming the property; nothing is silently clamped. Absent parts (null contact or
/// BANT, default arrays) are stored as their documented "nothing known" values, because System.Text.Json's source
/// generator passes null or default for every init property missing from a document.
/// <see cref="ToString"/> prints no personal data: not the id (apps use e-mail addresses as lead ids), the contact,
/// the company's name, the owner or account, nor custom field values; only the source, dates, counts and facts
/// that identify no one.
/// </remarks>
public sealed record Lead
{
    /// <summary>Gets the lead's identifier.</summary>
    public required LeadId Id { get; init => field = Guard.NotDefaultValue(value, nameof(Id)); }

    /// <summary>Gets when the lead was created (first captured).</summary>
    public required DateTimeOffset CreatedAt { get; init => field = Guard.NotDefault(value, nameof(CreatedAt)); }

    /// <summary>Gets the channel the lead came from.</summary>
    public required LeadSource Source { get; init => field = Guard.NotDefaultValue(value, nameof(Source)); }

    /// <summary>Gets the person behind the lead.</summary>
    /// <value>Defaults to <see cref="ContactInfo.Empty"/>; <see langword="null"/> (nothing known) is stored as <see cref="ContactInfo.Empty"/>.</value>
    public ContactInfo Contact { get; init => field = value ?? ContactInfo.Empty; } = ContactInfo.Empty;

    /// <summary>Gets the company behind the lead, when it is a business lead.</summary>
    public CompanyInfo? Company { get; init; }

    /// <summary>Gets the purchase timeframe the lead stated.</summary>
    /// <value>Defaults to <see cref="PurchaseTimeframe.NotStated"/>.</value>
    public PurchaseTimeframe Timeframe { get; init; }

    /// <summary>Gets the BANT facts (budget, authority, need, timeline).</summary>
    /// <value>Defaults to <see cref="BantAssessment.Unknown"/>; <see langword="null"/> (nothing known) is stored as <see cref="BantAssessment.Unknown"/>.</value>
    public BantAssessment Bant { get; init => field = value ?? BantAssessment.Unknown; } = BantAssessment.Unknown;

    /// <summary>Gets what the lead did, in any order.</summary>
    /// <value>Defaults to empty; a default (uninitialised) array is stored as empty.</value>
    public ImmutableArray<EngagementSignal> Signals { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the application-defined field (custom attribute)s; keys are unique.</summary>
    /// <value>Defaults to empty; a default (uninitialised) array is stored as empty.</value>
    public ImmutableArray<CustomField> CustomFields { get; init => field = ValidateAttributes(value, nameof(CustomFields)); } = [];

    /// <summary>Gets the sales rep who owns the lead, when assigned.</summary>
    public SalesRepId? OwnerId { get; init => field = value is { IsDefault: true } ? throw new ArgumentException("OwnerId must not be an unset SalesRepId; use null.", nameof(OwnerId)) : value; }

    /// <summary>Gets the existing customer account the lead belongs to (or was referred by), when known.</summary>
    public AccountId? AccountId { get; init => field = value is { IsDefault: true } ? throw new ArgumentException("AccountId must not be an unset AccountId; use null.", nameof(AccountId)) : value; }

    /// <summary>Gets the lost or closed deal this lead was recycled from, when its source is a recycled opportunity.</summary>
    public DealId? RecycledFromDealId { get; init => field = value is { IsDefault: true } ? throw new ArgumentException("RecycledFromDealId must not be an unset DealId; use null.", nameof(RecycledFromDealId)) : value; }

    /// <summary>Gets the lead's consent and do-not-contact flags.</summary>
    public ContactConsent Consent { get; init; }

    /// <summary>Looks up a custom field by key without allocating.</summary>
    /// <param name="key">The attribute key.</param>
    /// <param name="value">The value when found.</param>
    /// <returns><see langword="true"/> when the lead has the attribute.</returns>
    public bool TryGetCustomField(CustomFieldKey key, out CustomFieldValue value)
    {
        foreach (var attribute in CustomFields)
        {
            if (attribute.Key == key)
            {
                value = attribute.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(Lead? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && Id == other.Id
            && CreatedAt == other.CreatedAt
            && Source == other.Source
            && Contact == other.Contact
            && Company == other.Company
            && Timeframe == other.Timeframe
            && Bant == other.Bant
            && Signals.AsSpan().SequenceEqual(other.Signals.AsSpan())
            && CustomFields.AsSpan().SequenceEqual(other.CustomFields.AsSpan())
            && OwnerId == other.OwnerId
            && AccountId == other.AccountId
            && RecycledFromDealId == other.RecycledFromDealId
            && Consent == other.Consent;
    }

    /// <inheritdoc />
    public override int GetHashCode()
        => HashCode.Combine(Id, CreatedAt, Source, Contact, Company, Timeframe, Signals.Length, CustomFields.Length);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("CreatedAt = ").Append(CreatedAt.ToString("O", CultureInfo.InvariantCulture))
            .Append(", Source = ").Append(Source)
            .Append(", Contact = ").Append(Contact)
            .Append(", Company = ").Append(Company?.ToString() ?? "none")
            .Append(", Timeframe = ").Append(Timeframe)
            .Append(", BantConfirmed = ").Append(Bant.ConfirmedCount)
            .Append(", Signals = ").Append(Signals.Length)
            .Append(", CustomFields = ").Append(CustomFields.Length)
            .Append(", HasOwner = ").Append(OwnerId is not null ? "true" : "false")
            .Append(", Consent = ").Append(Consent);
        return true;
    }

    private static ImmutableArray<CustomField> ValidateAttributes(ImmutableArray<CustomField> value, string name)
    {
        if (value.IsDefault)
        {
            return [];
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (value[i].Key.IsDefault)
            {
                throw new ArgumentException($"CustomFields[{i}] has an unset key.", name);
            }

            for (var j = 0; j < i; j++)
            {
                if (value[j].Key == value[i].Key)
                {
                    throw new ArgumentException($"CustomFields has the same key more than once (at {j} and {i}).", name);
                }
            }
        }

        return value;
    }
}
