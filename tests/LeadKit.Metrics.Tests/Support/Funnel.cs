using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.Inputs;

namespace LeadKit.Metrics.Tests.Support;

/// <summary>Builds journeys and deals that read like sales scenarios; times are days after <see cref="T0"/>.</summary>
internal static class Funnel
{
    /// <summary>2026-01-05T00:00Z, a Monday.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static readonly FunnelTrigger Move = new("move");

    public static DateTimeOffset Day(double days) => T0.AddDays(days);

    /// <summary>A journey created at day <paramref name="createdDay"/> that moves through <paramref name="path"/> (stage, day).</summary>
    public static LeadJourney Lead(string id, LeadSource source, double createdDay, string? owner, params (FunnelStage Stage, double Day)[] path)
        => Lead(id, source, Day(createdDay), owner, null, path);

    public static LeadJourney Lead(string id, LeadSource source, DateTimeOffset created, string? owner, DateTimeOffset? firstTouch, params (FunnelStage Stage, double Day)[] path)
    {
        var changes = new List<StageChange>();
        var from = FunnelStage.Lead;
        foreach (var (stage, day) in path)
        {
            changes.Add(new StageChange { From = from, To = stage, Trigger = Move, OccurredAt = created.AddDays(day) });
            from = stage;
        }

        return new LeadJourney(new LeadId(id), source, created, changes, owner is null ? null : new SalesRepId(owner), FunnelStage.Lead, firstTouchAt: firstTouch);
    }

    public static Deal Won(string id, decimal amount, string currency, double openedDay, double closedDay, string? owner = null, string? lead = null)
        => new(new DealId(id), new Money(amount, new CurrencyCode(currency)), Day(openedDay), DealStatus.Won, Day(closedDay), lead is null ? null : new LeadId(lead), owner is null ? null : new SalesRepId(owner));

    public static Deal Lost(string id, decimal amount, string currency, double openedDay, double closedDay, string? owner = null, string? lead = null)
        => new(new DealId(id), new Money(amount, new CurrencyCode(currency)), Day(openedDay), DealStatus.Lost, Day(closedDay), lead is null ? null : new LeadId(lead), owner is null ? null : new SalesRepId(owner));

    public static Deal Open(string id, decimal amount, string currency, double openedDay, string? owner = null, string? lead = null)
        => new(new DealId(id), new Money(amount, new CurrencyCode(currency)), Day(openedDay), DealStatus.Open, null, lead is null ? null : new LeadId(lead), owner is null ? null : new SalesRepId(owner));
}
