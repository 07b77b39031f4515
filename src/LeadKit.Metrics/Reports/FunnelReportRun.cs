using System.Globalization;
using LeadKit.Abstractions.Common;
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
using LeadKit.Metrics.Response;
using LeadKit.Metrics.Retention;
using LeadKit.Metrics.Statistics;
using LeadKit.Metrics.Velocity;
using LeadKit.Metrics.Volume;
using LeadKit.Metrics.WinRate;

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

    private readonly List<SegmentAccumulator> _sources = [];
    private readonly List<SegmentAccumulator> _owners = [];
    private readonly List<SegmentAccumulator> _periodSegments = [];
    private readonly List<int> _periodIds = [];
    private readonly Dictionary<string, int> _ownerSlots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _currencySlots = new(StringComparer.Ordinal);
    private readonly List<CurrencyCode> _currencies = [];
    private readonly List<FunnelStage> _stages = [];
    // Sources and stages come from the journeys (untrusted): grouped by value, per run, never by a process-wide ordinal.
    private readonly Dictionary<LeadSource, int> _sourceSlots = [];
    private readonly Dictionary<FunnelStage, int> _stageSlots = [];
    private int[] _periodSlotByOffset = [];
    private readonly Dictionary<int, int> _farPeriodSlots = [];
    private int _periodIdBase;
    private int _unassignedOwnerSlot = -1;
    private int _unattributedSourceSlot = -1;

    private readonly GroupedValues<long> _cycle = new();
    private readonly GroupedValues<long> _response = new();
    private readonly GroupedValues<decimal> _wonValues = new();
    private long[]? _cycleBuffer;
    private long[]? _responseBuffer;
    private decimal[]? _wonBuffer;

    public FunnelReportRun(FunnelReportCalculator settings)
    {
        _settings = settings;
        _periods = new PeriodIndex(settings.Calendar);
        _waterfallLength = settings.Stages.Length;
        _converted = settings.ConvertedStage;
        _cycleStart = settings.CycleStartStage;
    }

    public FunnelReport Run(IEnumerable<LeadJourney> journeyInput, IEnumerable<Deal> dealInput, IEnumerable<CustomerRecord> customerInput)
    {
        var journeys = Materialize(journeyInput, "journeys");
        var deals = Materialize(dealInput, "deals");
        var customers = Materialize(customerInput, "customers");

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
                var deal = deals[d];
                var source = deal.LeadId is { } lead && leadIndex.TryGetValue(lead.Value!, out var j) && j >= 0
                    ? SourceSlot(journeys[j].Source)
                    : UnattributedSourceSlot();
                AddDeal(deal, source);
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
        _issues.Add(new DataQualityIssue(record, index, id, kind, detail));
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
        _sources.Clear();
        _owners.Clear();
        _periodSegments.Clear();
        _ownerSlots.Clear();
        _stages.Clear();
        _sourceSlots.Clear();
        _stageSlots.Clear();
        Array.Clear(_periodSlotByOffset);
        _farPeriodSlots.Clear();
        _periodIds.Clear();
        _unassignedOwnerSlot = -1;
        _unattributedSourceSlot = -1;
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
        var s = SourceSlot(journey.Source);
        var o = OwnerSlot(journey.OwnerId);
        var p = PeriodSlot(journey.CreatedAt.UtcTicks);
        var bySource = _sources[s];
        var byOwner = _owners[o];
        var byPeriod = _periodSegments[p];

        var created = journey.CreatedAt.UtcTicks;
        var horizon = _settings.HorizonTicks;
        var waterfall = _settings.WaterfallIndex;
        var stage = journey.InitialStage;
        var furthest = waterfall.IndexOf(stage);
        var convertedAt = stage == _converted ? created : NoTime;
        var cycleStart = _cycleStart.IsDefault || stage == _cycleStart ? created : NoTime;
        var previous = created;
        var changes = journey.ChangeArray;
        for (var i = 0; i < changes.Length; i++)
        {
            var change = changes[i];
            var at = change.OccurredAt.UtcTicks;
            var stay = at - previous;
            var slot = StageSlot(change.From);
            bySource.AddStay(slot, stay);
            byOwner.AddStay(slot, stay);
            byPeriod.AddStay(slot, stay);

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
            stage = to;
        }

        var bucket = furthest + 1;
        bySource.ReachedHistogram[bucket]++;
        byOwner.ReachedHistogram[bucket]++;
        byPeriod.ReachedHistogram[bucket]++;
        bySource.Leads++;
        byOwner.Leads++;
        byPeriod.Leads++;

        if (convertedAt != NoTime)
        {
            if (convertedAt - created <= horizon)
            {
                bySource.Converted++;
                byOwner.Converted++;
                byPeriod.Converted++;
            }

            bySource.ConvertedAnyTime++;
            byOwner.ConvertedAnyTime++;
            byPeriod.ConvertedAnyTime++;
            _periodSegments[PeriodSlot(convertedAt)].ConvertedDuringPeriod++;

            if (cycleStart != NoTime && convertedAt >= cycleStart)
            {
                _cycle.Add(convertedAt - cycleStart, s, o, p, 0);
            }
        }

        var responseStart = _settings.ResponseStart == ResponseStart.Created ? journey.CreatedAt : journey.AssignedAt;
        if (responseStart is { } start)
        {
            if (journey.FirstTouchAt is { } touch)
            {
                _response.Add(touch.UtcTicks - start.UtcTicks, s, o, p, 0);
            }
            else
            {
                bySource.Untouched++;
                byOwner.Untouched++;
                byPeriod.Untouched++;
            }
        }
    }

    private void AddDeal(Deal deal, int s)
    {
        var o = OwnerSlot(deal.OwnerId);
        var p = deal.ClosedAt is { } closed ? PeriodSlot(closed.UtcTicks) : -1;
        var c = CurrencySlot(deal.Value.Currency);
        var amount = deal.Value.Amount;
        AddDealTo(_sources[s], deal, c, amount);
        AddDealTo(_owners[o], deal, c, amount);
        if (p >= 0)
        {
            AddDealTo(_periodSegments[p], deal, c, amount);
        }

        if (deal.Status == DealStatus.Won)
        {
            _wonValues.Add(amount, s, o, p, c);
        }
    }

    private static void AddDealTo(SegmentAccumulator segment, Deal deal, int currency, decimal amount)
    {
        var totals = segment.Currency(currency);
        switch (deal.Status)
        {
            case DealStatus.Won:
                segment.Won++;
                totals.Won++;
                totals.WonValue += amount;
                totals.WonCycleTicks += deal.ClosedAt!.Value.UtcTicks - deal.OpenedAt.UtcTicks;
                break;
            case DealStatus.Lost:
                segment.Lost++;
                totals.Lost++;
                totals.LostValue += amount;
                break;
            default:
                segment.Open++;
                totals.Open++;
                totals.OpenValue += amount;
                break;
        }
    }

    private int SourceSlot(LeadSource source)
    {
        if (!_sourceSlots.TryGetValue(source, out var slot))
        {
            slot = _sources.Count;
            _sourceSlots.Add(source, slot);
            _sources.Add(new SegmentAccumulator(new SegmentKey(SegmentDimension.Source, Source: source), _waterfallLength));
        }

        return slot;
    }

    private int UnattributedSourceSlot()
    {
        if (_unattributedSourceSlot < 0)
        {
            _unattributedSourceSlot = _sources.Count;
            _sources.Add(new SegmentAccumulator(new SegmentKey(SegmentDimension.Source), _waterfallLength));
        }

        return _unattributedSourceSlot;
    }

    private int OwnerSlot(SalesRepId? owner)
    {
        if (owner is not { } rep)
        {
            if (_unassignedOwnerSlot < 0)
            {
                _unassignedOwnerSlot = _owners.Count;
                _owners.Add(new SegmentAccumulator(new SegmentKey(SegmentDimension.Owner), _waterfallLength));
            }

            return _unassignedOwnerSlot;
        }

        if (!_ownerSlots.TryGetValue(rep.Value!, out var slot))
        {
            slot = _owners.Count;
            _ownerSlots.Add(rep.Value!, slot);
            _owners.Add(new SegmentAccumulator(new SegmentKey(SegmentDimension.Owner, Owner: rep), _waterfallLength));
        }

        return slot;
    }

    private int PeriodSlot(long utcTicks)
    {
        var id = _periods.IdOf(utcTicks);
        var offset = id - _periodIdBase;
        if ((uint)offset < (uint)_periodSlotByOffset.Length && _periodSlotByOffset[offset] > 0)
        {
            return _periodSlotByOffset[offset] - 1;
        }

        if (_farPeriodSlots.TryGetValue(id, out var far))
        {
            return far;
        }

        if ((uint)offset >= (uint)_periodSlotByOffset.Length)
        {
            // Period ids are consecutive integers: keep a dense table (slot + 1, 0 = none) and grow it to cover id.
            var low = Math.Min(_periodSlotByOffset.Length == 0 ? id : _periodIdBase, id) - 16;
            var high = Math.Max(_periodSlotByOffset.Length == 0 ? id : _periodIdBase + _periodSlotByOffset.Length - 1, id) + 16;
            if (high - low >= PeriodIndex.MaximumCached)
            {
                // Far from the other periods (9999-12-30 beside 2018): a dictionary entry, not millions of empty slots.
                var farSlot = _periodSegments.Count;
                _farPeriodSlots.Add(id, farSlot);
                _periodIds.Add(id);
                _periodSegments.Add(new SegmentAccumulator(new SegmentKey(SegmentDimension.Period, Period: _periods[id]), _waterfallLength));
                return farSlot;
            }

            var table = new int[high - low + 1];
            if (_periodSlotByOffset.Length > 0)
            {
                Array.Copy(_periodSlotByOffset, 0, table, _periodIdBase - low, _periodSlotByOffset.Length);
            }

            _periodSlotByOffset = table;
            _periodIdBase = low;
            offset = id - low;
        }

        var slot = _periodSegments.Count;
        _periodSlotByOffset[offset] = slot + 1;
        _periodIds.Add(id);
        _periodSegments.Add(new SegmentAccumulator(new SegmentKey(SegmentDimension.Period, Period: _periods[id]), _waterfallLength));
        return slot;
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
        var currencyCount = Math.Max(1, _currencies.Count);
        _cycle.Sort();
        _response.Sort();
        _wonValues.Sort();

        // Every journey and every deal is in exactly one source segment, so overall = the sum of the sources.
        var total = new SegmentAccumulator(new SegmentKey(SegmentDimension.Overall), _waterfallLength);
        foreach (var source in _sources)
        {
            total.AddFrom(source);
        }

        var overall = BuildDimension(0, [total], currencyCount)[0];
        var sources = BuildDimension(1, _sources, currencyCount);
        var owners = BuildDimension(2, _owners, currencyCount);
        var periods = BuildDimension(3, _periodSegments, currencyCount);

        var sourceOrder = Order(_sources.Count, i => i == _unattributedSourceSlot ? null : _sources[i].Key.Source!.Value.Value);
        var ownerOrder = Order(_owners.Count, i => i == _unassignedOwnerSlot ? null : _owners[i].Key.Owner!.Value.Value);
        var periodOrder = new int[_periodSegments.Count];
        for (var i = 0; i < periodOrder.Length; i++)
        {
            periodOrder[i] = i;
        }

        Array.Sort(periodOrder, (x, y) => _periodIds[x].CompareTo(_periodIds[y]));
        return new FunnelReport(
            _settings.Calendar.Unit,
            _settings.Calendar.TimeZone,
            overall,
            Reorder(sources, sourceOrder),
            Reorder(owners, ownerOrder),
            Reorder(periods, periodOrder),
            retention,
            quality);
    }

    private static int[] Order(int count, Func<int, string?> name)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        // Named segments by ordinal name; the unnamed (unassigned / unattributed) one last.
        Array.Sort(order, (x, y) => (name(x), name(y)) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            var (a, b) => string.CompareOrdinal(a, b),
        });
        return order;
    }

    private static FunnelSegment[] Reorder(FunnelSegment[] segments, int[] order)
    {
        var result = new FunnelSegment[segments.Length];
        for (var i = 0; i < order.Length; i++)
        {
            result[i] = segments[order[i]];
        }

        return result;
    }

    private FunnelSegment[] BuildDimension(int dimension, List<SegmentAccumulator> accumulators, int currencyCount)
    {
        var groups = accumulators.Count;
        // The per-dimension runs are consumed before the next dimension is built, so their buffers are reused.
        var (cycle, cycleStarts) = _cycle.Scatter(dimension, 1, groups, _cycleBuffer);
        var (response, responseStarts) = _response.Scatter(dimension, 1, groups, _responseBuffer);
        var (won, wonStarts) = _wonValues.Scatter(dimension, currencyCount, groups, _wonBuffer);
        if (dimension != 0)
        {
            (_cycleBuffer, _responseBuffer, _wonBuffer) = (cycle, response, won);
        }

        var result = new FunnelSegment[groups];
        for (var g = 0; g < groups; g++)
        {
            var a = accumulators[g];
            var cycleRun = cycle.AsSpan(cycleStarts[g], cycleStarts[g + 1] - cycleStarts[g]);
            var responseRun = response.AsSpan(responseStarts[g], responseStarts[g + 1] - responseStarts[g]);
            result[g] = new FunnelSegment(
                a.Key,
                BuildConversion(a, dimension),
                new SalesCycleMetrics(DurationStatistics.FromSorted(cycleRun, Sum(cycleRun)), BuildStageTimes(a)),
                BuildResponse(a, responseRun),
                BuildDeals(a, dimension, won, wonStarts, g * currencyCount));
        }

        return result;
    }

    private static Int128 Sum(ReadOnlySpan<long> values)
    {
        Int128 sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    private ConversionMetrics BuildConversion(SegmentAccumulator a, int dimension)
    {
        var reached = new long[_waterfallLength];
        long atLeast = 0;
        for (var i = _waterfallLength - 1; i >= 0; i--)
        {
            atLeast += a.ReachedHistogram[i + 1];
            reached[i] = atLeast;
        }

        var steps = new WaterfallStep[_waterfallLength - 1];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = new WaterfallStep(_settings.Stages[i], _settings.Stages[i + 1], new Rate(reached[i + 1], reached[i]));
        }

        var periodForm = dimension == 3 ? new Ratio(a.ConvertedDuringPeriod, a.Leads) : new Ratio(a.ConvertedAnyTime, a.Leads);
        return new ConversionMetrics(a.Leads, new Rate(a.Converted, a.Leads), steps, periodForm);
    }

    private StageTime[] BuildStageTimes(SegmentAccumulator a)
    {
        var times = new List<StageTime>();
        for (var slot = 0; slot < a.Stays.Length; slot++)
        {
            var stays = a.Stays[slot];
            if (stays > 0)
            {
                var total = a.StageTicks[slot];
                times.Add(new StageTime(_stages[slot], stays, TimeSpan.FromTicks((long)total), TimeSpan.FromTicks((long)decimal.Round((decimal)total / stays, MidpointRounding.ToEven))));
            }
        }

        times.Sort((x, y) => string.CompareOrdinal(x.Stage.Value, y.Stage.Value));
        return [.. times];
    }

    private ResponseTimeMetrics BuildResponse(SegmentAccumulator a, ReadOnlySpan<long> sorted)
    {
        // Values are sorted: the number within the SLA is the index of the first value above it.
        var sla = _settings.Sla.Ticks;
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= sla)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return new ResponseTimeMetrics(DurationStatistics.FromSorted(sorted, Sum(sorted)), new Rate(lo, sorted.Length), _settings.Sla, a.Untouched);
    }

    private DealMetrics BuildDeals(SegmentAccumulator a, int dimension, decimal[] won, int[] wonStarts, int firstGroup)
    {
        var perCurrency = new List<CurrencyDealMetrics>();
        for (var c = 0; c < a.Currencies.Length; c++)
        {
            if (a.Currencies[c] is not { } t)
            {
                continue;
            }

            var currency = _currencies[c];
            var g = firstGroup + c;
            var run = won.AsSpan(wonStarts[g], wonStarts[g + 1] - wonStarts[g]);
            var closed = t.Won + t.Lost;
            var winRate = new Rate(t.Won, closed);
            decimal? quota = dimension switch
            {
                0 => _settings.Quotas.TryGetValue(currency, out var q) ? q : null,
                2 => a.Key.Owner is { } owner && _settings.OwnerQuotas.TryGetValue(owner.Value!, out var m) && m.Currency == currency ? m.Amount : null,
                _ => null,
            };
            decimal? meanCycleDays = t.Won > 0 ? (decimal)t.WonCycleTicks / t.Won / TimeSpan.TicksPerDay : null;
            decimal? valuePerDay = t.Won > 0 && meanCycleDays > 0m ? t.Open * t.WonValue / closed / meanCycleDays.Value : null;
            perCurrency.Add(new CurrencyDealMetrics(
                currency,
                new WinRateMetrics(winRate, new Ratio(t.WonValue, t.WonValue + t.LostValue)),
                MoneyStatistics.FromSorted(currency, run, t.WonValue),
                new SalesVolume(t.Won, t.WonValue),
                new PipelineMetrics(t.Open, t.OpenValue, closed > 0 ? t.OpenValue * t.Won / closed : null, quota, quota is { } qv ? new Ratio(t.OpenValue, qv) : Ratio.NoData),
                new SalesVelocity(t.Open, t.Won > 0 ? t.WonValue / t.Won : null, winRate, meanCycleDays, valuePerDay)));
        }

        perCurrency.Sort((x, y) => string.CompareOrdinal(x.Currency.Value, y.Currency.Value));
        return new DealMetrics(a.Won, a.Lost, a.Open, new Rate(a.Won, a.Won + a.Lost), [.. perCurrency]);
    }
}
