using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.Conversion;
using LeadKit.Metrics.Cycle;
using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Pipeline;
using LeadKit.Metrics.Rates;
using LeadKit.Metrics.Reports;
using LeadKit.Metrics.Response;
using LeadKit.Metrics.Retention;
using LeadKit.Metrics.Statistics;
using LeadKit.Metrics.Velocity;
using LeadKit.Metrics.Volume;
using LeadKit.Metrics.WinRate;

namespace LeadKit.Metrics.Tests.Support;

/// <summary>
/// The peer: a straightforward LINQ implementation of the same formulas (project each record to its facts, ToLookup
/// per dimension, Count/Sum/OrderBy per segment). Supports clean data only: it throws on the problems LeadKit checks.
/// </summary>
internal static class LinqFunnelReport
{
    public static FunnelReport Calculate(FunnelReportOptions o, IEnumerable<LeadJourney> journeyInput, IEnumerable<Deal> dealInput, IEnumerable<CustomerRecord> customerInput)
    {
        var calendar = new PeriodCalendar(o.PeriodUnit, o.TimeZone);
        var journeys = journeyInput.ToList();
        var deals = dealInput.ToList();
        var customers = customerInput.ToList();
        var problems = journeys.GroupBy(j => j.Id).Count(g => g.Count() > 1)
            + deals.GroupBy(d => d.Id).Count(g => g.Count() > 1)
            + customers.GroupBy(c => c.Id).Count(g => g.Count() > 1)
            + journeys.Count(j => j.Changes.Any(c => c.OccurredAt < j.CreatedAt) || j.Changes.Zip(j.Changes.Skip(1)).Any(p => p.Second.OccurredAt < p.First.OccurredAt));
        if (problems > 0)
        {
            throw new InvalidOperationException($"The LINQ peer handles clean data only ({problems} problems).");
        }

        var stages = o.Stages.ToList();
        var horizon = o.ConversionHorizon ?? TimeSpan.MaxValue;
        var facts = journeys.Select(j =>
        {
            var entries = new[] { (Stage: j.InitialStage, At: j.CreatedAt) }.Concat(j.Changes.Select(c => (Stage: c.To, At: c.OccurredAt))).ToList();
            var furthest = entries.Where(e => e.At - j.CreatedAt <= horizon).Select(e => stages.IndexOf(e.Stage)).Max();
            var convertedAt = entries.Where(e => e.Stage == o.ConvertedStage).Select(e => (DateTimeOffset?)e.At).FirstOrDefault();
            var cycleStart = o.CycleStartStage.IsDefault ? j.CreatedAt : entries.Where(e => e.Stage == o.CycleStartStage).Select(e => (DateTimeOffset?)e.At).FirstOrDefault();
            var responseStart = o.ResponseStart == ResponseStart.Created ? j.CreatedAt : j.AssignedAt;
            return new JourneyFacts(
                j,
                calendar.GetPeriod(j.CreatedAt),
                furthest,
                convertedAt is { } inHorizon && inHorizon - j.CreatedAt <= horizon,
                convertedAt,
                convertedAt is { } at ? calendar.GetPeriod(at) : null,
                convertedAt is { } end && cycleStart is { } begin && end >= begin ? (end - begin).Ticks : null,
                responseStart is { } rs && j.FirstTouchAt is { } touch ? (touch - rs).Ticks : null,
                responseStart is not null && j.FirstTouchAt is null,
                [.. entries.Zip(entries.Skip(1), (a, b) => (a.Stage, (b.At - a.At).Ticks))]);
        }).ToList();

        var leadSources = journeys.ToDictionary(j => j.Id, j => j.Source);
        var dealFacts = deals.Select(d => new DealFacts(
            d,
            d.LeadId is { } lead && leadSources.TryGetValue(lead, out var source) ? source : null,
            d.ClosedAt is { } closed ? calendar.GetPeriod(closed) : null)).ToList();

        FunnelSegment Segment(SegmentKey key, List<JourneyFacts> js, List<DealFacts> ds, long convertedDuring)
        {
            var reached = stages.Select((_, i) => js.LongCount(f => f.Furthest >= i)).ToList();
            var waterfall = stages.Zip(stages.Skip(1)).Select((pair, i) => new WaterfallStep { From = pair.First, To = pair.Second, Rate = new Rate(reached[i + 1], reached[i]) }).ToList();
            var periodForm = key.Dimension == SegmentDimension.Period
                ? new Ratio(convertedDuring, js.Count)
                : new Ratio(js.Count(f => f.ConvertedAt is not null), js.Count);
            var conversion = new ConversionMetrics { Leads = js.Count, LeadToCustomer = new Rate(js.Count(f => f.ConvertedInHorizon), js.Count), Waterfall = waterfall, PeriodForm = periodForm };

            var cycle = js.Where(f => f.Cycle is not null).Select(f => f.Cycle!.Value).Order().ToArray();
            var stageTimes = js.SelectMany(f => f.Stays).GroupBy(s => s.Stage).Select(g =>
            {
                var total = g.Aggregate(Int128.Zero, (sum, s) => sum + s.Ticks);
                var stays = g.LongCount();
                return new StageTime { Stage = g.Key, Stays = stays, Total = TimeSpan.FromTicks((long)total), Mean = TimeSpan.FromTicks((long)decimal.Round((decimal)total / stays, MidpointRounding.ToEven)) };
            }).OrderBy(t => t.Stage.Value, StringComparer.Ordinal).ToList();

            var response = js.Where(f => f.Response is not null).Select(f => f.Response!.Value).Order().ToArray();
            var responseMetrics = new ResponseTimeMetrics
            {
                Time = DurationStatistics.FromSorted(response, response.Aggregate(Int128.Zero, (sum, t) => sum + t)),
                WithinSla = new Rate(response.Count(t => t <= o.ResponseSla.Ticks), response.Length),
                Sla = o.ResponseSla,
                Untouched = js.Count(f => f.Untouched),
            };

            var won = ds.Count(d => d.Deal.Status == DealStatus.Won);
            var lost = ds.Count(d => d.Deal.Status == DealStatus.Lost);
            var byCurrency = ds.GroupBy(d => d.Deal.Value.Currency).OrderBy(g => g.Key.Value, StringComparer.Ordinal).Select(g =>
            {
                var wonDeals = g.Where(d => d.Deal.Status == DealStatus.Won).ToList();
                var lostDeals = g.Where(d => d.Deal.Status == DealStatus.Lost).ToList();
                var openDeals = g.Where(d => d.Deal.Status == DealStatus.Open).ToList();
                var wonValue = wonDeals.Sum(d => d.Deal.Value.Amount);
                var lostValue = lostDeals.Sum(d => d.Deal.Value.Amount);
                var openValue = openDeals.Sum(d => d.Deal.Value.Amount);
                var closed = wonDeals.Count + lostDeals.Count;
                var winRate = new Rate(wonDeals.Count, closed);
                decimal? quota = key.Dimension switch
                {
                    SegmentDimension.Overall => o.Quotas.TryGetValue(g.Key, out var q) ? q : null,
                    SegmentDimension.Owner => key.Owner is { } owner && o.OwnerQuotas.TryGetValue(owner, out var m) && m.Currency == g.Key ? m.Amount : null,
                    _ => null,
                };
                var cycleTicks = wonDeals.Sum(d => (decimal)(d.Deal.ClosedAt!.Value - d.Deal.OpenedAt).Ticks);
                decimal? meanCycleDays = wonDeals.Count > 0 ? cycleTicks / wonDeals.Count / TimeSpan.TicksPerDay : null;
                decimal? perDay = wonDeals.Count > 0 && meanCycleDays > 0m ? openDeals.Count * wonValue / closed / meanCycleDays.Value : null;
                return new CurrencyDealMetrics
                {
                    Currency = g.Key,
                    WinRate = new WinRateMetrics { ByCount = winRate, ByValue = new Ratio(wonValue, wonValue + lostValue) },
                    AverageTicket = MoneyStatistics.FromSorted(g.Key, wonDeals.Select(d => d.Deal.Value.Amount).Order().ToArray(), wonValue),
                    Volume = new SalesVolume { WonDeals = wonDeals.Count, WonValue = wonValue },
                    Pipeline = new PipelineMetrics
                    {
                        OpenDeals = openDeals.Count,
                        OpenValue = openValue,
                        Weighted = closed > 0 ? openValue * wonDeals.Count / closed : null,
                        Quota = quota,
                        Coverage = quota is { } qv ? new Ratio(openValue, qv) : Ratio.NoData,
                    },
                    Velocity = new SalesVelocity
                    {
                        OpenOpportunities = openDeals.Count,
                        AverageDealValue = wonDeals.Count > 0 ? wonValue / wonDeals.Count : null,
                        WinRate = winRate,
                        MeanCycleDays = meanCycleDays,
                        ValuePerDay = perDay,
                    },
                };
            }).ToList();

            return new FunnelSegment
            {
                Key = key,
                Conversion = conversion,
                SalesCycle = new SalesCycleMetrics { Length = DurationStatistics.FromSorted(cycle, cycle.Aggregate(Int128.Zero, (sum, t) => sum + t)), TimeInStage = stageTimes },
                Response = responseMetrics,
                Deals = new DealMetrics { Won = won, Lost = lost, Open = ds.Count(d => d.Deal.Status == DealStatus.Open), WinRateByCount = new Rate(won, won + lost), ByCurrency = byCurrency },
            };
        }

        var overall = Segment(new SegmentKey { Dimension = SegmentDimension.Overall }, facts, dealFacts, 0);

        var journeysBySource = facts.ToLookup(f => (LeadSource?)f.Journey.Source);
        var dealsBySource = dealFacts.ToLookup(d => d.Source);
        var bySource = journeysBySource.Select(g => g.Key).Concat(dealsBySource.Select(g => g.Key)).Distinct()
            .OrderBy(k => k is null).ThenBy(k => k?.Value, StringComparer.Ordinal)
            .Select(k => Segment(new SegmentKey { Dimension = SegmentDimension.Source, Source = k }, [.. journeysBySource[k]], [.. dealsBySource[k]], 0))
            .ToList();

        var journeysByOwner = facts.ToLookup(f => f.Journey.OwnerId);
        var dealsByOwner = dealFacts.ToLookup(d => d.Deal.OwnerId);
        var byOwner = journeysByOwner.Select(g => g.Key).Concat(dealsByOwner.Select(g => g.Key)).Distinct()
            .OrderBy(k => k is null).ThenBy(k => k?.Value, StringComparer.Ordinal)
            .Select(k => Segment(new SegmentKey { Dimension = SegmentDimension.Owner, Owner = k }, [.. journeysByOwner[k]], [.. dealsByOwner[k]], 0))
            .ToList();

        var journeysByPeriod = facts.ToLookup(f => f.Period);
        var conversionsByPeriod = facts.Where(f => f.ConvertedPeriod is not null).ToLookup(f => f.ConvertedPeriod!.Value);
        var dealsByPeriod = dealFacts.Where(d => d.Period is not null).ToLookup(d => d.Period!.Value);
        var byPeriod = journeysByPeriod.Select(g => g.Key).Concat(conversionsByPeriod.Select(g => g.Key)).Concat(dealsByPeriod.Select(g => g.Key)).Distinct()
            .OrderBy(k => k.Start)
            .Select(k => Segment(new SegmentKey { Dimension = SegmentDimension.Period, Period = k }, [.. journeysByPeriod[k]], [.. dealsByPeriod[k]], conversionsByPeriod[k].Count()))
            .ToList();

        return new FunnelReport(o.PeriodUnit, o.TimeZone, overall, bySource, byOwner, byPeriod, Retention(calendar, customers), new DataQualityReport([], 0, 0, 0));
    }

    private static RetentionMetrics Retention(PeriodCalendar calendar, List<CustomerRecord> customers)
    {
        if (customers.Count == 0)
        {
            return new RetentionMetrics { Periods = [], Cohorts = [] };
        }

        var lives = customers.Select(c => (Acquired: calendar.GetPeriod(c.AcquiredAt), Churned: c.ChurnedAt is { } at ? calendar.GetPeriod(at) : (Period?)null)).ToList();
        var first = lives.Min(l => l.Acquired.Start);
        var last = lives.Max(l => l.Churned is { } c && c.Start > l.Acquired.Start ? c.Start : l.Acquired.Start);
        var periods = new List<Period> { calendar.GetPeriod(first) };
        while (periods[^1].Start < last)
        {
            periods.Add(calendar.GetNext(periods[^1]));
        }

        var index = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p.Start, x => x.i);
        var spans = lives.Select(l => (A: index[l.Acquired.Start], C: l.Churned is { } c ? index[c.Start] : int.MaxValue)).ToList();
        var rows = periods.Select((p, k) =>
        {
            var s = spans.LongCount(x => x.A < k && x.C >= k);
            var e = spans.LongCount(x => x.A <= k && x.C > k);
            var n = spans.LongCount(x => x.A == k && x.C > k);
            return new RetentionPeriod
            {
                Period = p,
                StartCustomers = s,
                EndCustomers = e,
                NewCustomers = n,
                Acquired = spans.LongCount(x => x.A == k),
                Churned = spans.LongCount(x => x.C == k),
                Crr = new Rate(e - n, s),
                Churn = new Rate(s - (e - n), s),
            };
        }).ToList();
        var cohorts = spans.GroupBy(x => x.A).OrderBy(g => g.Key).Select(g => new CohortRetentionRow
        {
            Cohort = periods[g.Key],
            Size = g.LongCount(),
            Retained = [.. Enumerable.Range(0, periods.Count - g.Key).Select(k => new Rate(g.LongCount(x => x.C > g.Key + k), g.LongCount()))],
        }).ToList();
        return new RetentionMetrics { Periods = rows, Cohorts = cohorts };
    }

    private sealed record JourneyFacts(
        LeadJourney Journey,
        Period Period,
        int Furthest,
        bool ConvertedInHorizon,
        DateTimeOffset? ConvertedAt,
        Period? ConvertedPeriod,
        long? Cycle,
        long? Response,
        bool Untouched,
        (FunnelStage Stage, long Ticks)[] Stays);

    private sealed record DealFacts(Deal Deal, LeadSource? Source, Period? Period);
}
