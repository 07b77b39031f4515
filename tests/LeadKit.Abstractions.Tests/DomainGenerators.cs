using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Abstractions.Tests;

/// <summary>FsCheck generators of valid domain values, shared by the property tests of this project.</summary>
internal static class DomainGenerators
{
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Gen<string> Slug { get; } =
        from first in Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray())
        from rest in Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789_-.".ToCharArray()).ArrayOf().Select(a => a.Take(20).ToArray())
        select first + new string(rest);

    public static Gen<string> IdText { get; } =
        Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_:/é漢 ".ToCharArray())
            .NonEmptyListOf()
            .Select(chars => new string(chars.Take(40).ToArray()))
            .Where(s => !string.IsNullOrWhiteSpace(s));

    public static Gen<DateTimeOffset> Instant { get; } =
        from minutes in Gen.Choose(0, 60 * 24 * 365 * 5)
        from offsetHours in Gen.Elements(0, -3, 1, 2, 5, 9)
        select Epoch.AddMinutes(minutes).ToOffset(TimeSpan.FromHours(offsetHours));

    public static Gen<decimal> Amount { get; } =
        from units in Gen.Choose(0, int.MaxValue)
        from cents in Gen.Choose(0, 99)
        select units + (cents / 100m);

    public static Gen<CurrencyCode> Currency { get; } = Gen.Elements("EUR", "USD", "BRL", "GBP", "JPY").Select(c => new CurrencyCode(c));

    public static Gen<Money> Money { get; } = Gen.Zip(Amount, Currency, (a, c) => new Money(a, c));

    public static Gen<EngagementSignal> Signal { get; } =
        from kind in Gen.OneOf(
            Gen.Elements(EngagementSignalKind.PageView, EngagementSignalKind.DemoRequested, EngagementSignalKind.EmailClick, EngagementSignalKind.Unsubscribed),
            Slug.Select(s => new EngagementSignalKind(s)))
        from at in Instant
        from hasValue in Gen.Elements(true, false)
        from value in Gen.Choose(-1000, 1000)
        select new EngagementSignal(kind, at, hasValue ? value / 8.0 : null);

    public static Gen<CustomFieldValue> FieldValue { get; } = Gen.OneOf(
        IdText.Select(CustomFieldValue.FromText),
        Gen.Choose(-100000, 100000).Select(n => CustomFieldValue.FromNumber(n / 16.0)),
        Gen.Elements(true, false).Select(CustomFieldValue.FromBoolean),
        Instant.Select(CustomFieldValue.FromDate));

    public static Gen<ImmutableArray<CustomField>> Fields { get; } =
        from keys in Slug.ListOf().Select(k => k.Distinct().Take(5).ToArray())
        from values in FieldValue.ArrayOf(keys.Length)
        select keys.Select((k, i) => new CustomField(new CustomFieldKey(k), values[i])).ToImmutableArray();

    public static Gen<ContactInfo> Contact { get; } =
        from first in Gen.Elements<string?>(null, "Ana", "João", "Li")
        from email in Gen.Elements<string?>(null, "ana@example.com", "joao.silva@empresa.com.br", "li+leads@mail.example.org")
        from title in Gen.Elements<string?>(null, "Head of Sales", "CEO", "Student")
        from seniority in Gen.Elements(Enum.GetValues<Seniority>())
        from phone in Gen.Elements<string?>(null, "+55 11 91234-5678", "(030) 123.456")
        from language in Gen.Elements<string?>(null, "en", "pt")
        select new ContactInfo
        {
            FirstName = first,
            Email = email is null ? null : new EmailAddress(email),
            JobTitle = title,
            Seniority = seniority,
            Phone = phone,
            Language = language,
        };

    public static Gen<CompanyInfo?> Company { get; } =
        from present in Gen.Elements(true, false)
        from employees in Gen.Choose(0, 100_000)
        from industry in Slug
        from country in Gen.Elements<string?>(null, "BR", "DE", "US")
        from revenue in Money
        select present
            ? new CompanyInfo
            {
                Name = "Acme",
                Domain = "acme.example",
                EmployeeCount = employees,
                Industry = industry,
                Country = country is null ? null : new CountryCode(country),
                Region = "SP",
                AnnualRevenue = revenue,
            }
            : null;

    public static Gen<PurchaseTimeframe> Timeframe { get; } = Gen.OneOf(
        Gen.Constant(PurchaseTimeframe.NotStated),
        Gen.Constant(PurchaseTimeframe.Immediate),
        Gen.Choose(1, 3650).Select(PurchaseTimeframe.WithinDays));

    public static Gen<BantAssessment> Bant { get; } =
        from statuses in Gen.Elements(Enum.GetValues<BantStatus>()).ArrayOf(4)
        from budget in Gen.OneOf(Gen.Constant<Money?>(null), Money.Select(m => (Money?)m))
        select new BantAssessment { Budget = statuses[0], Authority = statuses[1], Need = statuses[2], Timeline = statuses[3], BudgetAmount = budget };

    public static Gen<Lead> Lead { get; } =
        from id in IdText
        from createdAt in Instant
        from source in Gen.OneOf(Gen.Elements(LeadSource.Referral, LeadSource.PurchasedList, LeadSource.LinkedIn), Slug.Select(s => new LeadSource(s)))
        from contact in Contact
        from company in Company
        from timeframe in Timeframe
        from bant in Bant
        from signals in Signal.ListOf().Select(l => l.Take(30).ToImmutableArray())
        from fields in Fields
        from owner in Gen.OneOf(Gen.Constant<SalesRepId?>(null), IdText.Select(s => (SalesRepId?)new SalesRepId(s)))
        from account in Gen.OneOf(Gen.Constant<AccountId?>(null), IdText.Select(s => (AccountId?)new AccountId(s)))
        from consent in Gen.Elements(true, false).ArrayOf(4)
        select new Lead
        {
            Id = new LeadId(id),
            CreatedAt = createdAt,
            Source = source,
            Contact = contact,
            Company = company,
            Timeframe = timeframe,
            Bant = bant,
            Signals = signals,
            CustomFields = fields,
            OwnerId = owner,
            AccountId = account,
            Consent = new ContactConsent(consent[0], consent[1], consent[2], consent[3]),
        };

    public static Gen<Deal> Deal { get; } =
        from id in IdText
        from value in Money
        from opened in Instant
        from status in Gen.Elements(Enum.GetValues<DealStatus>())
        from days in Gen.Choose(0, 400)
        from lead in Gen.OneOf(Gen.Constant<LeadId?>(null), IdText.Select(s => (LeadId?)new LeadId(s)))
        from owner in Gen.OneOf(Gen.Constant<SalesRepId?>(null), IdText.Select(s => (SalesRepId?)new SalesRepId(s)))
        select new Deal(
            new DealId(id),
            value,
            opened,
            status,
            status == DealStatus.Open ? null : opened.AddDays(days),
            lead,
            owner,
            accountId: null,
            lostReason: status == DealStatus.Lost ? "bought from competitor" : null);

    public static Gen<StageChange> StageChange { get; } =
        from stages in Gen.Elements(FunnelStage.Suspect, FunnelStage.Lead, FunnelStage.Mql, FunnelStage.Sql, FunnelStage.Lost, new FunnelStage("custom_stage")).Two()
        from trigger in Slug.Select(s => new FunnelTrigger(s))
        from at in Instant
        from actor in Gen.Elements<string?>(null, "rep-7", "system")
        from reason in Gen.Elements<string?>(null, "not ready", "rejected by sales: no budget")
        select new StageChange { From = stages.Item1, To = stages.Item2, Trigger = trigger, OccurredAt = at, Actor = actor, Reason = reason };
}
