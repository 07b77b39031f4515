using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Reports;
using LeadKit.Testing.Olist;

namespace LeadKit.Metrics.Tests.Olist;

/// <summary>Turns the Olist rows into lead journeys: every MQL starts in <c>mql</c>; a closed deal moves it to <c>customer</c>.</summary>
internal static class OlistJourneys
{
    public static readonly FunnelTrigger Win = new("win");

    /// <summary>The blank origin of 60 MQLs, kept as its own source so no row is merged into another channel.</summary>
    public static readonly LeadSource Blank = new("blank");

    public static FunnelReportOptions Options() => new()
    {
        Stages = [FunnelStage.Mql, FunnelStage.Customer],
        ConvertedStage = FunnelStage.Customer,
    };

    public static List<LeadJourney> From(OlistDataset data)
    {
        var won = data.ClosedDeals.ToDictionary(d => d.MqlId);
        var journeys = new List<LeadJourney>(data.Mqls.Count);
        foreach (var mql in data.Mqls)
        {
            var source = mql.Origin.Length == 0 ? Blank : new LeadSource(mql.Origin);
            if (won.TryGetValue(mql.Id, out var deal))
            {
                var change = new StageChange { From = FunnelStage.Mql, To = FunnelStage.Customer, Trigger = Win, OccurredAt = deal.WonAt, Actor = deal.Sr.Value };
                journeys.Add(new LeadJourney(mql.Id, source, mql.FirstContact, [change], deal.Sr, FunnelStage.Mql));
            }
            else
            {
                journeys.Add(new LeadJourney(mql.Id, source, mql.FirstContact, initialStage: FunnelStage.Mql));
            }
        }

        return journeys;
    }
}
