using System.Collections.Immutable;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Testing;

/// <summary>
/// Builds leads for tests so that a test reads like a sales scenario:
/// <c>LeadBuilder.New().From(LeadSource.Referral).AtCompany(employees: 250).Did(EngagementSignalKind.DemoRequested, daysAgo: 1).Build()</c>.
/// Times are relative to <see cref="Now"/>, a fixed instant.
/// </summary>
public sealed class LeadBuilder
{
    /// <summary>The fixed "now" that relative times are measured from: 2026-06-01T12:00:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static int s_counter;

    private readonly ImmutableArray<EngagementSignal>.Builder _signals = ImmutableArray.CreateBuilder<EngagementSignal>();
    private readonly ImmutableArray<CustomField>.Builder _fields = ImmutableArray.CreateBuilder<CustomField>();
    private LeadId _id;
    private DateTimeOffset _createdAt = Now.AddDays(-30);
    private LeadSource _source = LeadSource.WebsiteForm;
    private ContactInfo _contact = ContactInfo.Empty;
    private CompanyInfo? _company;
    private PurchaseTimeframe _timeframe;
    private BantAssessment _bant = BantAssessment.Unknown;
    private SalesRepId? _owner;
    private AccountId? _account;
    private DealId? _recycledFrom;
    private ContactConsent _consent = new(MarketingConsent: true, DoNotContact: false, DoNotEmail: false, DoNotCall: false);

    private LeadBuilder(string id) => _id = new LeadId(id);

    /// <summary>Starts a lead with a unique id, created 30 days before <see cref="Now"/>, from a website form.</summary>
    public static LeadBuilder New() => new($"lead-{Interlocked.Increment(ref s_counter)}");

    /// <summary>Starts a lead with the given id.</summary>
    public static LeadBuilder New(string id) => new(id);

    /// <summary>Sets the id.</summary>
    public LeadBuilder WithId(string id)
    {
        _id = new LeadId(id);
        return this;
    }

    /// <summary>Sets when the lead was created, in days before <see cref="Now"/>.</summary>
    public LeadBuilder CreatedDaysAgo(double days)
    {
        _createdAt = Now.AddDays(-days);
        return this;
    }

    /// <summary>Sets when the lead was created.</summary>
    public LeadBuilder CreatedAt(DateTimeOffset createdAt)
    {
        _createdAt = createdAt;
        return this;
    }

    /// <summary>Sets the lead source.</summary>
    public LeadBuilder From(LeadSource source)
    {
        _source = source;
        return this;
    }

    /// <summary>Sets the contact.</summary>
    public LeadBuilder WithContact(string? email = null, string? jobTitle = null, Seniority seniority = Seniority.Unknown, string? firstName = null, string? lastName = null, string? language = null)
    {
        _contact = new ContactInfo
        {
            Email = email is null ? null : new EmailAddress(email),
            JobTitle = jobTitle,
            Seniority = seniority,
            FirstName = firstName,
            LastName = lastName,
            Language = language,
        };
        return this;
    }

    /// <summary>Sets the company.</summary>
    public LeadBuilder AtCompany(string? name = "Acme Ltda", int? employees = null, string? industry = null, string? country = null, string? region = null, string? domain = null, decimal? annualRevenue = null, string currency = "EUR")
    {
        _company = new CompanyInfo
        {
            Name = name,
            EmployeeCount = employees,
            Industry = industry,
            Country = country is null ? null : new CountryCode(country),
            Region = region,
            Domain = domain,
            AnnualRevenue = annualRevenue is null ? null : new Money(annualRevenue.Value, new CurrencyCode(currency)),
        };
        return this;
    }

    /// <summary>Sets the purchase timeframe.</summary>
    public LeadBuilder WithTimeframe(PurchaseTimeframe timeframe)
    {
        _timeframe = timeframe;
        return this;
    }

    /// <summary>Marks the lead as needing to buy now.</summary>
    public LeadBuilder NeedsToBuyNow() => WithTimeframe(PurchaseTimeframe.Immediate);

    /// <summary>Sets the BANT facts.</summary>
    public LeadBuilder WithBant(BantStatus budget = BantStatus.Unknown, BantStatus authority = BantStatus.Unknown, BantStatus need = BantStatus.Unknown, BantStatus timeline = BantStatus.Unknown)
    {
        _bant = new BantAssessment { Budget = budget, Authority = authority, Need = need, Timeline = timeline };
        return this;
    }

    /// <summary>Confirms all four BANT criteria.</summary>
    public LeadBuilder WithFullBant() => WithBant(BantStatus.Confirmed, BantStatus.Confirmed, BantStatus.Confirmed, BantStatus.Confirmed);

    /// <summary>Adds a signal that happened the given number of days before <see cref="Now"/>.</summary>
    public LeadBuilder Did(EngagementSignalKind kind, double daysAgo = 1, double? value = null)
    {
        _signals.Add(new EngagementSignal(kind, Now.AddDays(-daysAgo), value));
        return this;
    }

    /// <summary>Adds <paramref name="count"/> signals of one kind, one a day, the latest <paramref name="daysAgo"/> days before <see cref="Now"/>.</summary>
    public LeadBuilder DidTimes(EngagementSignalKind kind, int count, double daysAgo = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _signals.Add(new EngagementSignal(kind, Now.AddDays(-daysAgo - i)));
        }

        return this;
    }

    /// <summary>Adds a custom field.</summary>
    public LeadBuilder WithField(string key, CustomFieldValue value)
    {
        _fields.Add(new CustomField(new CustomFieldKey(key), value));
        return this;
    }

    /// <summary>Sets the owner.</summary>
    public LeadBuilder OwnedBy(string repId)
    {
        _owner = new SalesRepId(repId);
        return this;
    }

    /// <summary>Sets the existing-customer account.</summary>
    public LeadBuilder OfAccount(string accountId)
    {
        _account = new AccountId(accountId);
        return this;
    }

    /// <summary>Marks the lead as recycled from a lost deal (and sets the source accordingly).</summary>
    public LeadBuilder RecycledFrom(string dealId)
    {
        _recycledFrom = new DealId(dealId);
        _source = LeadSource.RecycledOpportunity;
        return this;
    }

    /// <summary>Sets the consent flags.</summary>
    public LeadBuilder WithConsent(ContactConsent consent)
    {
        _consent = consent;
        return this;
    }

    /// <summary>Marks the lead as do-not-contact.</summary>
    public LeadBuilder DoNotContact() => WithConsent(_consent with { DoNotContact = true });

    /// <summary>Builds the lead.</summary>
    public Lead Build() => new()
    {
        Id = _id,
        CreatedAt = _createdAt,
        Source = _source,
        Contact = _contact,
        Company = _company,
        Timeframe = _timeframe,
        Bant = _bant,
        Signals = _signals.ToImmutable(),
        CustomFields = _fields.ToImmutable(),
        OwnerId = _owner,
        AccountId = _account,
        RecycledFromDealId = _recycledFrom,
        Consent = _consent,
    };
}
