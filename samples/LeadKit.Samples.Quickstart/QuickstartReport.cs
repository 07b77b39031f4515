using System.Globalization;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Funnel.Definitions;
using LeadKit.Scoring.Explanations;
using LeadKit.Metrics.Reports;

namespace LeadKit.Samples.Quickstart;

/// <summary>
/// Everything the console, report.md and report.html show, computed once so that they print the same numbers, and the
/// sentences that reconcile figures which legitimately differ.
/// </summary>
internal sealed class QuickstartReport
{
    /// <summary>The waterfall stages, in funnel order (SAL included: sales accepting an MQL is a step of its own).</summary>
    public static readonly FunnelStage[] WaterfallStages =
        [FunnelStage.Lead, FunnelStage.Mql, FunnelStage.Sal, FunnelStage.Sql, FunnelStage.Opportunity, FunnelStage.Customer];

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public QuickstartReport(
        int seed,
        DateTimeOffset asOf,
        IReadOnlyList<(Lead Lead, LeadAssessment Assessment)> assessments,
        DemoOutcome outcome,
        FunnelReport report,
        FunnelDefinition funnel,
        IReadOnlyDictionary<SalesRepId, string> repNames,
        int recycled)
    {
        Seed = seed;
        AsOf = asOf;
        Assessments = assessments;
        Outcome = outcome;
        Report = report;
        Funnel = funnel;
        RepNames = repNames;
        Recycled = recycled;
        FirstCreated = assessments.Min(a => a.Lead.CreatedAt);
        LastCreated = assessments.Max(a => a.Lead.CreatedAt);
        QualifiedToday = assessments.Where(a => a.Assessment.Qualification.IsMarketingQualified).Select(a => a.Lead.Id).ToHashSet();
        Stages = BuildStages(report);
        CurrentStages = outcome.CurrentStage.Values.GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal)
            .Select(g => (Labels.Of(g.Key), (long)g.Count())).ToList();
    }

    public int Seed { get; }

    public DateTimeOffset AsOf { get; }

    public IReadOnlyList<(Lead Lead, LeadAssessment Assessment)> Assessments { get; }

    public DemoOutcome Outcome { get; }

    public FunnelReport Report { get; }

    public FunnelDefinition Funnel { get; }

    public IReadOnlyDictionary<SalesRepId, string> RepNames { get; }

    public int Recycled { get; }

    public DateTimeOffset FirstCreated { get; }

    public DateTimeOffset LastCreated { get; }

    /// <summary>Gets the leads the scoring model and policy rate MQL or SQL on the report date.</summary>
    public HashSet<LeadId> QualifiedToday { get; }

    /// <summary>Gets each waterfall stage with the leads that reached it and the step from the previous stage.</summary>
    public IReadOnlyList<StageRow> Stages { get; }

    /// <summary>Gets where the leads are on the report date (sums to every lead), largest first.</summary>
    public IReadOnlyList<(string Stage, long Leads)> CurrentStages { get; }

    public long Leads => Report.Overall.Conversion.Leads;

    public DealMetrics Deals => Report.Overall.Deals;

    public string DateRange => string.Create(C, $"{FirstCreated:yyyy-MM-dd} to {LastCreated:yyyy-MM-dd}");

    public string AsOfText => string.Create(C, $"{AsOf:yyyy-MM-dd HH:mm} UTC");

    /// <summary>Gets the two-line summary at the top of every report.</summary>
    public IReadOnlyList<string> Summary
    {
        get
        {
            var reached = Stages.ToDictionary(s => s.Stage, s => s.Reached);
            var currency = Deals.ByCurrency.Count > 0 ? Deals.ByCurrency[0] : null;
            var open = currency is null ? string.Empty : string.Create(C, $" worth {currency.Pipeline.OpenValue:N0} {currency.Currency}");
            var cycle = Report.Overall.SalesCycle.Length.Median is { } median ? string.Create(C, $"; median sales cycle {median.TotalDays:0} days") : string.Empty;
            return
            [
                $"{Labels.Count(Leads)} leads created {DateRange}: {Labels.Count(reached[FunnelStage.Mql])} reached MQL, {Labels.Count(reached[FunnelStage.Sql])} SQL and {Labels.Count(reached[FunnelStage.Customer])} became customers ({Labels.Percent(Report.Overall.Conversion.LeadToCustomer.Value)} of all leads).",
                $"As of {AsOfText}: {Labels.Count(Deals.Won)} deals won, {Labels.Count(Deals.Lost)} lost (win rate {Labels.Percent(Deals.WinRateByCount.Value)}), {Labels.Count(Deals.Open)} open{open}{cycle}.",
            ];
        }
    }

    /// <summary>Gets the sentences that explain why figures a reader would compare differ.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            var mql = Assessments.Count(a => a.Assessment.Qualification.Level == QualificationLevel.Mql);
            var reachedMql = Outcome.ReachedMql.Count;
            var stillQualified = Outcome.ReachedMql.Count(QualifiedToday.Contains);
            var notInFunnel = QualifiedToday.Count(id => !Outcome.ReachedMql.Contains(id));
            var opportunities = Stages.Single(s => s.Stage == FunnelStage.Opportunity).Reached;
            var current = Outcome.CurrentStage.Values;
            long In(FunnelStage stage) => current.Count(s => s == stage);
            var notes = new List<string>
            {
                $"Scoring rates {Labels.Count(QualifiedToday.Count)} leads MQL or SQL on the report date ({Labels.Count(mql)} MQL, {Labels.Count(QualifiedToday.Count - mql)} SQL); the funnel moves a lead to MQL the first time its score qualifies, so {Labels.Count(reachedMql)} leads have reached MQL: {Labels.Count(stillQualified)} still qualify today and {Labels.Count(reachedMql - stillQualified)} qualified earlier and no longer do: their engagement points have faded since (web activity halves every 30 days, page views count for 30 days, 60 days without a signal cost 15 points).",
                "\"Reached\" counts every lead that passed a stage, wherever it is now; \"where the leads are now\" counts each lead once and sums to all leads.",
                $"Win rate is won / decided deals ({Labels.Count(Deals.Won)} of {Labels.Count(Deals.Won + Deals.Lost)}); Opportunity → Customer is won / every opportunity ({Labels.Count(Deals.Won)} of {Labels.Count(opportunities)}) and is lower while {Labels.Count(Deals.Open)} opportunities are still open.",
                $"Still in progress on the report date: {Labels.Count(In(FunnelStage.Mql))} MQL awaiting acceptance, {Labels.Count(In(FunnelStage.Sal))} SAL not yet sales-qualified, {Labels.Count(In(FunnelStage.Sql))} SQL before the discovery call, {Labels.Count(In(FunnelStage.Opportunity))} open opportunities.",
            };
            // Nurture collects three kinds of leads; the stage a lead came from says which.
            var nurtured = Outcome.Journeys.Where(j => j.Changes.Count > 0 && j.Changes[^1].To == FunnelStage.Nurture).GroupBy(j => j.Changes[^1].From).ToDictionary(g => g.Key, g => (long)g.Count());
            long From(FunnelStage stage) => nurtured.GetValueOrDefault(stage);
            notes.Add($"Nurture holds {Labels.Count(From(FunnelStage.Lead))} leads that did not qualify within {(int)DemoTimeline.NurtureAfter.TotalDays} days of their creation, {Labels.Count(From(FunnelStage.Mql))} MQLs that sales sent back and {Labels.Count(From(FunnelStage.Sql))} SQLs with no budget this year; Disqualified holds the leads that stated no need.");
            if (notInFunnel > 0)
            {
                notes.Add($"{Labels.Count(notInFunnel)} leads qualify today but had not reached MQL in the funnel.");
            }

            return notes;
        }
    }

    /// <summary>Gets the label of a rep (the rep's name) or of the leads that were never routed.</summary>
    public string RepLabel(SegmentKey key)
        => key.Owner is { } owner ? (RepNames.TryGetValue(owner, out var name) ? name : owner.ToString()) : "Not routed (never qualified)";

    /// <summary>Gets the label of a source segment.</summary>
    public static string SourceLabel(SegmentKey key) => key.Source is { } source ? Labels.Of(source) : "(no source)";

    private static List<StageRow> BuildStages(FunnelReport report)
    {
        var waterfall = report.Overall.Conversion.Waterfall;
        var rows = new List<StageRow>(waterfall.Count + 1);
        if (waterfall.Count == 0)
        {
            return rows;
        }

        rows.Add(new StageRow(waterfall[0].From, waterfall[0].Rate.Denominator, null));
        rows.AddRange(waterfall.Select(step => new StageRow(step.To, step.Rate.Numerator, step.Rate)));
        return rows;
    }

    /// <summary>A waterfall stage: the leads that reached it and the conversion from the previous stage.</summary>
    internal sealed record StageRow(FunnelStage Stage, long Reached, LeadKit.Metrics.Rates.Rate? Step)
    {
        public string Label => Labels.Of(Stage);
    }
}
