using System.Globalization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Sales;
using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Reports.Dimensions;
using LeadKit.Metrics.Response;
using LeadKit.Metrics.Retention;

namespace LeadKit.Metrics.Reports;

/// <summary>The state of one <see cref="FunnelReportCalculator.Calculate"/> call: validation pass, aggregation pass, assembly.</summary>
internal sealed class FunnelReportRun
{
    private const long NoTime = long.MinValue;

    private readonly FunnelReportCalculator _settings;
    private readonly PeriodIndex _periods;
    private readonly List<DataQualityIssue> _issues = [];
    private readonly int _waterfallLength;
    private readonly FunnelStage _converted;
    private readonly FunnelStage _cycleStart;

    // The dimensions every record is added to; the total is the sum of the sources (see TotalDimension.SumOf).
    private readonly TotalDimension _total;
    private readonly SourceDimension _sources;
    private readonly ReportDimension[] _dimensions;
    private readonly int[] _slots;

    private readonly Dictionary<string, int> _currencySlots = new(StringComparer.Ordinal);
    private readonly List<CurrencyCode> _currencies = [];

    // Stages come from the journeys (untrusted): numbered by value, per run, never by a process-wide ordinal.
    private readonly List<FunnelStage> _stages = [];
    private readonly Dictionary<FunnelStage, int> _stageSlots = [];
    private int[] _stayStages = new int[16];
    private long[] _stayTicks = new long[16];

    private readonly GroupedValues<long> _cycle;
    private readonly GroupedValues<long> _response;
    private readonly GroupedValues<decimal> _wonValues;

    public FunnelReportRun(FunnelReportCalculator settings)
    {
        _settings = settings;
        _periods = new PeriodIndex(settings.Calendar);
        _waterfallLength = settings.Stages.Length;
        _converted = settings.ConvertedStage;
        _cycleStart = settings.CycleStartStage;
        _total = new TotalDimension(_waterfallLength, settings.Quotas);
        _sources = new SourceDimension(_waterfallLength);
        _dimensions = [_sources, new OwnerDimension(_waterfallLength, settings.OwnerQuotas), new PeriodDimension(_waterfallLength, _periods)];
        _slots = new int[_dimensions.Length];
        _cycle = new(_dimensions.Length);
        _response = new(_dimensions.Length);
        _wonValues = new(_dimensions.Length);
    }

    /// <summary>Gets the number of journeys read (0 until the inputs are read).</summary>
    public long JourneyCount { get; private set; }

    /// <summary>Gets the number of deals read.</summary>
    public long DealCount { get; private set; }

    /// <summary>Gets the number of customer records read.</summary>
    public long CustomerCount { get; private set; }

    public FunnelReport Run(IEnumerable<LeadJourney> journeyInput, IEnumerable<Deal> dealInput, IEnumerable<CustomerRecord> customerInput)
    {
        var journeys = Materialize(journeyInput, "journeys");
        var deals = Materialize(dealInput, "deals");
        var customers = Materialize(customerInput, "customers");
        (JourneyCount, DealCount, CustomerCount) = (journeys.Count, deals.Count, customers.Count);

        // One pass checks and aggregates each journey. Duplicate ids are only known at the end; in the rare case
        // that there are any, every copy is excluded and the journeys are aggregated again without them.
        var journeyExcluded = new bool[journeys.Count];
        _response.EnsureCapacity(journeys.Count);
        var leadIndex = new Dictionary<string, int>(journeys.Count, StringComparer.Ordinal);
        Dictionary<string, int>? duplicates = null;
        for (var j = 0; j < journeys.Count; j++)
        {
            var journey = journeys[j];
            var id = journey.Id.Value!;
            if (!leadIndex.TryAdd(id, j))
            {
                leadIndex[id] = -1;
                duplicates ??= new Dictionary<string, int>(StringComparer.Ordinal);
                duplicates[id] = duplicates.GetValueOrDefault(id, 1) + 1;
            }

            if (CheckJourney(journey, j, journeyExcluded))
            {
                AddJourney(journey);
            }
        }

        if (duplicates is not null)
        {
            ExcludeDuplicateJourneys(journeys, journeyExcluded, duplicates);
            ResetSegments();
            for (var j = 0; j < journeys.Count; j++)
            {
                if (!journeyExcluded[j])
                {
                    AddJourney(journeys[j]);
                }
            }
        }

        var dealExcluded = new bool[deals.Count];
        CheckDeals(deals, dealExcluded, journeys, leadIndex);
        var customerExcluded = new bool[customers.Count];
        CheckCustomers(customers, customerExcluded);

        _issues.Sort(CompareIssues);
        if (_issues.Count > 0 && _settings.Mode == DataQualityMode.Reject)
        {
            throw new MetricsDataException(_issues.ToArray());
        }

        for (var d = 0; d < deals.Count; d++)
        {
            if (!dealExcluded[d])
            {
                // A deal belongs to its lead when exactly one journey has the lead's id (even one excluded for another problem).
                var deal = deals[d];
                var lead = deal.LeadId is { } id && leadIndex.TryGetValue(id.Value!, out var j) && j >= 0 ? journeys[j] : null;
                AddDeal(deal, lead);
            }
        }

        var retention = RetentionBuilder.Build(customers, customerExcluded, _periods);
        var quality = new DataQualityReport(_issues.ToArray(), Count(journeyExcluded), Count(dealExcluded), Count(customerExcluded));
        return Assemble(retention, quality);
    }

    private static IReadOnlyList<T> Materialize<T>(IEnumerable<T> input, string name)
        where T : class
    {
        var list = input as IReadOnlyList<T> ?? new List<T>(input);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentException($"{name}[{i}] is null.", name);
            }
        }

        return list;
    }

    private static long Count(bool[] flags)
    {
        long n = 0;
        foreach (var flag in flags)
        {
            n += flag ? 1 : 0;
        }

        return n;
    }

    private static int CompareIssues(DataQualityIssue x, DataQualityIssue y)
    {
        var c = x.Record.CompareTo(y.Record);
        if (c == 0)
        {
            c = string.CompareOrdinal(x.RecordId, y.RecordId);
        }

        if (c == 0)
        {
            c = x.Kind.CompareTo(y.Kind);
        }

        if (c == 0)
        {
            c = x.Index.CompareTo(y.Index);
        }

        return c != 0 ? c : string.CompareOrdinal(x.Detail, y.Detail);
    }

    private void Issue(bool[] excluded, int index, RecordKind record, string id, DataQualityIssueKind kind, string detail)
    {
        excluded[index] = true;
        _issues.Add(new DataQualityIssue { Record = record, Index = index, RecordId = id, Kind = kind, Detail = detail });
    }

    // ---- pass 1: checks ------------------------------------------------------------------------------------------

    private void ExcludeDuplicateJourneys(IReadOnlyList<LeadJourney> journeys, bool[] excluded, Dictionary<string, int> duplicates)
    {
        for (var j = 0; j < journeys.Count; j++)
        {
            var id = journeys[j].Id.Value!;
            if (!duplicates.TryGetValue(id, out var count))
            {
                continue;
            }

            if (excluded[j])
            {
                // Already listed for another problem; the duplicate id is listed on the other copies.
                continue;
            }

            Issue(excluded, j, RecordKind.LeadJourney, id, DataQualityIssueKind.DuplicateId, string.Create(CultureInfo.InvariantCulture, $"{count} journeys share this lead id"));
        }
    }

    private void ResetSegments()
    {
        foreach (var dimension in _dimensions)
        {
            dimension.Clear();
        }

        _stages.Clear();
        _stageSlots.Clear();
        _cycle.Clear();
        _response.Clear();
    }

    /// <summary>Checks one journey; returns <see langword="true"/> when it may be counted.</summary>
    private bool CheckJourney(LeadJourney journey, int j, bool[] excluded)
    {
        var created = journey.CreatedAt.UtcTicks;
        var previous = created;
        var stage = journey.InitialStage;
        var changes = journey.ChangeArray;
        for (var i = 0; i < changes.Length; i++)
        {
            var change = changes[i];
            var at = change.OccurredAt.UtcTicks;
            if (change.From != stage || at < previous)
            {
                ReportJourney(journey, j, excluded);
                return false;
            }

            previous = at;
            stage = change.To;
        }

        if ((journey.AssignedAt is { } assigned && assigned.UtcTicks < created)
            || (journey.FirstTouchAt is { } touch && (touch.UtcTicks < created
                || (_settings.ResponseStart == ResponseStart.Assigned && journey.AssignedAt is { } start && touch < start))))
        {
            ReportJourney(journey, j, excluded);
            return false;
        }

        // Only the creation and the last change can open a period (the changes are in order by now).
        if (!_periods.TryIdOf(created, out _))
        {
            Issue(excluded, j, RecordKind.LeadJourney, journey.Id.Value!, DataQualityIssueKind.DateOutOfRange, OutsideCalendar("createdAt", journey.CreatedAt));
            return false;
        }

        if (changes.Length > 0 && !_periods.TryIdOf(previous, out _))
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"changes[{changes.Length - 1}]");
            Issue(excluded, j, RecordKind.LeadJourney, journey.Id.Value!, DataQualityIssueKind.DateOutOfRange, OutsideCalendar(field, changes[^1].OccurredAt));
            return false;
        }

        return true;
    }

    private string OutsideCalendar(string field, DateTimeOffset at)
        => string.Create(CultureInfo.InvariantCulture, $"{field} at {at:O} lies in the first or last {_settings.Calendar.Unit} period of the calendar (year 1 or 9999 in the report's time zone), which the report cannot place");

    /// <summary>Finds and lists the first problem of a journey the fast check refused (off the hot path).</summary>
    private void ReportJourney(LeadJourney journey, int j, bool[] excluded)
    {
        var id = journey.Id.Value!;
        var created = journey.CreatedAt;
        var previous = created;
        var stage = journey.InitialStage;
        var changes = journey.ChangeArray;
        for (var i = 0; i < changes.Length; i++)
        {
            var change = changes[i];
            var at = change.OccurredAt;
            if (change.From != stage)
            {
                Issue(excluded, j, RecordKind.LeadJourney, id, DataQualityIssueKind.BrokenHistory, string.Create(CultureInfo.InvariantCulture, $"changes[{i}] leaves '{change.From}' but the lead was in '{stage}'"));
                return;
            }

            if (at < created)
            {
                var kind = change.To == _converted ? DataQualityIssueKind.WonBeforeCreation : DataQualityIssueKind.EventBeforeCreation;
                Issue(excluded, j, RecordKind.LeadJourney, id, kind, string.Create(CultureInfo.InvariantCulture, $"changes[{i}] to '{change.To}' at {at:O} is {(created - at).TotalDays:F2} days before the lead was created at {created:O}"));
                return;
            }

            if (at < previous)
            {
                Issue(excluded, j, RecordKind.LeadJourney, id, DataQualityIssueKind.EventsOutOfOrder, string.Create(CultureInfo.InvariantCulture, $"changes[{i}] at {at:O} is before changes[{i - 1}] at {previous:O}"));
                return;
            }

            previous = at;
            stage = change.To;
        }

        if (journey.AssignedAt is { } assigned && assigned < created)
        {
            Issue(excluded, j, RecordKind.LeadJourney, id, DataQualityIssueKind.EventBeforeCreation, string.Create(CultureInfo.InvariantCulture, $"assigned at {assigned:O}, before the lead was created at {created:O}"));
            return;
        }

        var touch = journey.FirstTouchAt!.Value;
        if (touch < created)
        {
            Issue(excluded, j, RecordKind.LeadJourney, id, DataQualityIssueKind.EventBeforeCreation, string.Create(CultureInfo.InvariantCulture, $"first touch at {touch:O}, before the lead was created at {created:O}"));
            return;
        }

        Issue(excluded, j, RecordKind.LeadJourney, id, DataQualityIssueKind.NegativeValue, string.Create(CultureInfo.InvariantCulture, $"first touch at {touch:O} is before the assignment at {journey.AssignedAt:O}: the response time would be negative"));
    }

    private void CheckDeals(IReadOnlyList<Deal> deals, bool[] excluded, IReadOnlyList<LeadJourney> journeys, Dictionary<string, int> leadIndex)
    {
        var seen = new Dictionary<string, int>(deals.Count, StringComparer.Ordinal);
        for (var d = 0; d < deals.Count; d++)
        {
            var deal = deals[d];
            var id = deal.Id.Value!;
            seen[id] = seen.GetValueOrDefault(id) + 1;
            if (_settings.AcceptedCurrencies is { } accepted && !accepted.Contains(deal.Value.Currency))
            {
                Issue(excluded, d, RecordKind.Deal, id, DataQualityIssueKind.UnknownCurrency, $"currency '{deal.Value.Currency}' is not one of the accepted currencies");
                continue;
            }

            if (deal.ClosedAt is { } closedAt && !_periods.TryIdOf(closedAt.UtcTicks, out _))
            {
                Issue(excluded, d, RecordKind.Deal, id, DataQualityIssueKind.DateOutOfRange, OutsideCalendar("closedAt", closedAt));
                continue;
            }

            // A closed deal (won or lost) cannot close before the lead it came from existed. The lead is named by
            // its position in the journeys, not by its id (ids can be e-mail addresses).
            if (deal.Status != DealStatus.Open && deal.LeadId is { } lead && leadIndex.TryGetValue(lead.Value!, out var j) && j >= 0
                && deal.ClosedAt!.Value < journeys[j].CreatedAt)
            {
                var (kind, verb) = deal.Status == DealStatus.Won
                    ? (DataQualityIssueKind.DealWonBeforeLeadCreated, "won")
                    : (DataQualityIssueKind.DealLostBeforeLeadCreated, "lost");
                Issue(excluded, d, RecordKind.Deal, id, kind, string.Create(CultureInfo.InvariantCulture, $"{verb} at {deal.ClosedAt:O}, before its lead (journeys[{j}]) was created at {journeys[j].CreatedAt:O}"));
            }
        }

        if (seen.Count < deals.Count)
        {
            for (var d = 0; d < deals.Count; d++)
            {
                var id = deals[d].Id.Value!;
                var count = seen[id];
                if (count > 1)
                {
                    Issue(excluded, d, RecordKind.Deal, id, DataQualityIssueKind.DuplicateId, string.Create(CultureInfo.InvariantCulture, $"{count} deals share this deal id"));
                }
            }
        }
    }

    private void CheckCustomers(IReadOnlyList<CustomerRecord> customers, bool[] excluded)
    {
        var seen = new Dictionary<string, int>(customers.Count, StringComparer.Ordinal);
        for (var c = 0; c < customers.Count; c++)
        {
            var customer = customers[c];
            var id = customer.Id.Value!;
            seen[id] = seen.GetValueOrDefault(id) + 1;
            if (customer.ChurnedAt is { } churned && churned < customer.AcquiredAt)
            {
                Issue(excluded, c, RecordKind.Customer, id, DataQualityIssueKind.ChurnBeforeAcquisition, string.Create(CultureInfo.InvariantCulture, $"churned at {churned:O}, before it was acquired at {customer.AcquiredAt:O}"));
            }
            else if (!_periods.TryIdOf(customer.AcquiredAt.UtcTicks, out _))
            {
                Issue(excluded, c, RecordKind.Customer, id, DataQualityIssueKind.DateOutOfRange, OutsideCalendar("acquiredAt", customer.AcquiredAt));
            }
            else if (customer.ChurnedAt is { } churnedAt && !_periods.TryIdOf(churnedAt.UtcTicks, out _))
            {
                Issue(excluded, c, RecordKind.Customer, id, DataQualityIssueKind.DateOutOfRange, OutsideCalendar("churnedAt", churnedAt));
            }
        }

        CheckRetentionWindow(customers, excluded);

        if (seen.Count < customers.Count)
        {
            for (var c = 0; c < customers.Count; c++)
            {
                var id = customers[c].Id.Value!;
                var count = seen[id];
                if (count > 1)
                {
                    Issue(excluded, c, RecordKind.Customer, id, DataQualityIssueKind.DuplicateId, string.Create(CultureInfo.InvariantCulture, $"{count} customer records share this account id"));
                }
            }
        }
    }

    /// <summary>
    /// Keeps the customer dates within <see cref="FunnelReportCalculator.MaximumRetentionPeriods"/> consecutive periods:
    /// the retention table and the cohort matrix grow with the span of the dates, so one far date (9999-12-30 used
    /// for "never") would otherwise cost millions of periods. When the dates span more, the window that holds the most
    /// of them (the earliest such window on a tie) is kept and every customer with a date outside it is listed.
    /// </summary>
    private void CheckRetentionWindow(IReadOnlyList<CustomerRecord> customers, bool[] excluded)
    {
        var limit = _settings.MaximumRetentionPeriods;
        var ids = new List<int>(customers.Count * 2);
        int min = int.MaxValue, max = int.MinValue;
        for (var c = 0; c < customers.Count; c++)
        {
            if (excluded[c])
            {
                continue;
            }

            var acquired = _periods.IdOf(customers[c].AcquiredAt);
            ids.Add(acquired);
            (min, max) = (Math.Min(min, acquired), Math.Max(max, acquired));
            if (customers[c].ChurnedAt is { } churned)
            {
                var id = _periods.IdOf(churned);
                ids.Add(id);
                (min, max) = (Math.Min(min, id), Math.Max(max, id));
            }
        }

        if (ids.Count == 0 || (long)max - min < limit)
        {
            return;
        }

        ids.Sort();
        int best = 0, bestCount = 0;
        for (int lo = 0, hi = 0; lo < ids.Count; lo++)
        {
            while (hi < ids.Count && (long)ids[hi] - ids[lo] < limit)
            {
                hi++;
            }

            if (hi - lo > bestCount)
            {
                (best, bestCount) = (ids[lo], hi - lo);
            }
        }

        var windowEnd = best + limit; // exclusive
        var window = _periods[best].Label;
        for (var c = 0; c < customers.Count; c++)
        {
            if (excluded[c])
            {
                continue;
            }

            var customer = customers[c];
            var acquired = _periods.IdOf(customer.AcquiredAt);
            var (field, at) = acquired < best || acquired >= windowEnd
                ? ("acquiredAt", customer.AcquiredAt)
                : customer.ChurnedAt is { } churned && _periods.IdOf(churned) is var id && (id < best || id >= windowEnd)
                    ? ("churnedAt", churned)
                    : (null, default(DateTimeOffset));
            if (field is not null)
            {
                Issue(excluded, c, RecordKind.Customer, customer.Id.Value!, DataQualityIssueKind.DateOutOfRange, string.Create(CultureInfo.InvariantCulture, $"{field} at {at:O} lies outside the {limit} {_settings.Calendar.Unit} periods from {window} that hold most customer dates (MaximumRetentionPeriods); a customer that has not churned has no churn date"));
            }
        }
    }

    // ---- pass 2: aggregation ---------------------------------------------------------------------------------------

    private void AddJourney(LeadJourney journey)
    {
        var slots = _slots;
        for (var d = 0; d < _dimensions.Length; d++)
        {
            slots[d] = _dimensions[d].SlotOf(journey);
        }

        // The journey's facts, computed once; then each dimension's segment counts them.
        var created = journey.CreatedAt.UtcTicks;
        var horizon = _settings.HorizonTicks;
        var waterfall = _settings.WaterfallIndex;
        var stage = journey.InitialStage;
        var furthest = waterfall.IndexOf(stage);
        var convertedAt = stage == _converted ? created : NoTime;
        var cycleStart = _cycleStart.IsDefault || stage == _cycleStart ? created : NoTime;
        var previous = created;
        var changes = journey.ChangeArray;
        if (changes.Length > _stayStages.Length)
        {
            _stayStages = new int[changes.Length * 2];
            _stayTicks = new long[changes.Length * 2];
        }

        for (var i = 0; i < changes.Length; i++)
        {
            var change = changes[i];
            var at = change.OccurredAt.UtcTicks;
            _stayStages[i] = StageSlot(change.From);
            _stayTicks[i] = at - previous;

            var to = change.To;
            var reached = waterfall.IndexOf(to);
            if (reached > furthest && at - created <= horizon)
            {
                furthest = reached;
            }

            if (to == _converted && convertedAt == NoTime)
            {
                convertedAt = at;
            }

            if (to == _cycleStart && cycleStart == NoTime)
            {
                cycleStart = at;
            }

            previous = at;
        }

        var converted = convertedAt != NoTime;
        var convertedInHorizon = converted && convertedAt - created <= horizon;
        var responseStart = _settings.ResponseStart == ResponseStart.Created ? journey.CreatedAt : journey.AssignedAt;
        var untouched = responseStart is not null && journey.FirstTouchAt is null;
        for (var d = 0; d < _dimensions.Length; d++)
        {
            var segment = _dimensions[d].Segments[slots[d]];
            segment.Conversion.AddLead(furthest, convertedInHorizon, converted);
            for (var i = 0; i < changes.Length; i++)
            {
                segment.Cycle.AddStay(_stayStages[i], _stayTicks[i]);
            }

            if (untouched)
            {
                segment.Response.AddUntouched();
            }
        }

        if (converted)
        {
            foreach (var dimension in _dimensions)
            {
                if (dimension.IsTime)
                {
                    dimension.Segments[dimension.SlotOfInstant(convertedAt)].Conversion.AddConversionEvent();
                }
            }

            if (cycleStart != NoTime && convertedAt >= cycleStart)
            {
                _cycle.Add(convertedAt - cycleStart, slots, 0);
            }
        }

        if (responseStart is { } start && journey.FirstTouchAt is { } touch)
        {
            _response.Add(touch.UtcTicks - start.UtcTicks, slots, 0);
        }
    }

    private void AddDeal(Deal deal, LeadJourney? lead)
    {
        var slots = _slots;
        var currency = CurrencySlot(deal.Value.Currency);
        for (var d = 0; d < _dimensions.Length; d++)
        {
            var slot = slots[d] = _dimensions[d].SlotOf(deal, lead);
            if (slot >= 0)
            {
                _dimensions[d].Segments[slot].Deals.Add(deal, currency);
            }
        }

        if (deal.Status == DealStatus.Won)
        {
            _wonValues.Add(deal.Value.Amount, slots, currency);
        }
    }

    private int StageSlot(FunnelStage stage)
    {
        if (!_stageSlots.TryGetValue(stage, out var slot))
        {
            slot = _stages.Count;
            _stageSlots.Add(stage, slot);
            _stages.Add(stage);
        }

        return slot;
    }

    private int CurrencySlot(CurrencyCode currency)
    {
        if (!_currencySlots.TryGetValue(currency.Value!, out var slot))
        {
            slot = _currencies.Count;
            _currencySlots.Add(currency.Value!, slot);
            _currencies.Add(currency);
        }

        return slot;
    }

    // ---- assembly --------------------------------------------------------------------------------------------------

    private FunnelReport Assemble(RetentionMetrics retention, DataQualityReport quality)
    {
        _cycle.Sort();
        _response.Sort();
        _wonValues.Sort();

        _total.SumOf(_sources);
        return new FunnelReport(
            _settings.Calendar.Unit,
            _settings.Calendar.TimeZone,
            BuildDimension(_total, -1)[0],
            BuildDimension(_dimensions[0], 0),
            BuildDimension(_dimensions[1], 1),
            BuildDimension(_dimensions[2], 2),
            retention,
            quality);
    }

    /// <summary>Builds the segments of a dimension in report order.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <param name="column">The dimension's slot column in the grouped values, or -1 for the total.</param>
    private FunnelSegment[] BuildDimension(ReportDimension dimension, int column)
    {
        var currencyCount = Math.Max(1, _currencies.Count);
        var groups = dimension.Segments.Count;

        // Each scatter reuses its buffer: the runs are consumed before the next dimension is built.
        var (cycle, cycleStarts) = _cycle.Scatter(column, 1, groups);
        var (response, responseStarts) = _response.Scatter(column, 1, groups);
        var (won, wonStarts) = _wonValues.Scatter(column, currencyCount, groups);
        var order = dimension.Order();
        var result = new FunnelSegment[groups];
        for (var i = 0; i < order.Length; i++)
        {
            var g = order[i];
            var a = dimension.Segments[g];
            result[i] = new FunnelSegment
            {
                Key = a.Key,
                Conversion = a.Conversion.Build(_settings.Stages, dimension.IsTime),
                SalesCycle = a.Cycle.Build(cycle.AsSpan(cycleStarts[g], cycleStarts[g + 1] - cycleStarts[g]), _stages),
                Response = a.Response.Build(response.AsSpan(responseStarts[g], responseStarts[g + 1] - responseStarts[g]), _settings.Sla),
                Deals = a.Deals.Build(_currencies, won, wonStarts, g * currencyCount, dimension, a.Key),
            };
        }

        return result;
    }
}
