using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Sales;
using LeadKit.Metrics.Pipeline;
using LeadKit.Metrics.Rates;
using LeadKit.Metrics.Reports.Dimensions;
using LeadKit.Metrics.Statistics;
using LeadKit.Metrics.Velocity;
using LeadKit.Metrics.Volume;
using LeadKit.Metrics.WinRate;

namespace LeadKit.Metrics.Reports;

/// <summary>The deal counters of one segment: counts across currencies and one <see cref="DealTotals"/> per currency.</summary>
internal sealed class DealAccumulator
{
    private DealTotals?[] _currencies = [];

    public long Won { get; private set; }

    public long Lost { get; private set; }

    public long Open { get; private set; }

    /// <summary>Counts one deal in the currency with run-local number <paramref name="currencySlot"/>.</summary>
    public void Add(Deal deal, int currencySlot)
    {
        var totals = Currency(currencySlot);
        var amount = deal.Value.Amount;
        switch (deal.Status)
        {
            case DealStatus.Won:
                Won++;
                totals.AddWon(amount, deal.ClosedAt!.Value.UtcTicks - deal.OpenedAt.UtcTicks);
                break;
            case DealStatus.Lost:
                Lost++;
                totals.AddLost(amount);
                break;
            default:
                Open++;
                totals.AddOpen(amount);
                break;
        }
    }

    public void AddFrom(DealAccumulator other)
    {
        Won += other.Won;
        Lost += other.Lost;
        Open += other.Open;
        for (var c = 0; c < other._currencies.Length; c++)
        {
            if (other._currencies[c] is { } from)
            {
                Currency(c).AddFrom(from);
            }
        }
    }

    /// <summary>Builds the metrics.</summary>
    /// <param name="currencies">The run's currencies by slot.</param>
    /// <param name="wonValues">The sorted won values of every group of the dimension.</param>
    /// <param name="wonStarts">The start of each group's run in <paramref name="wonValues"/>.</param>
    /// <param name="firstGroup">This segment's first group (slot × currencies).</param>
    /// <param name="dimension">The segment's dimension, which knows its quotas.</param>
    /// <param name="key">The segment.</param>
    public DealMetrics Build(List<CurrencyCode> currencies, decimal[] wonValues, int[] wonStarts, int firstGroup, ReportDimension dimension, SegmentKey key)
    {
        var perCurrency = new List<CurrencyDealMetrics>();
        for (var c = 0; c < _currencies.Length; c++)
        {
            if (_currencies[c] is not { } t)
            {
                continue;
            }

            var currency = currencies[c];
            var g = firstGroup + c;
            var won = wonValues.AsSpan(wonStarts[g], wonStarts[g + 1] - wonStarts[g]);
            perCurrency.Add(new CurrencyDealMetrics
            {
                Currency = currency,
                WinRate = WinRateMetrics.From(t),
                AverageTicket = MoneyStatistics.FromSorted(currency, won, t.WonValue),
                Volume = SalesVolume.From(t),
                Pipeline = PipelineMetrics.From(t, dimension.QuotaOf(key, currency)),
                Velocity = SalesVelocity.From(t),
            });
        }

        perCurrency.Sort((x, y) => string.CompareOrdinal(x.Currency.Value, y.Currency.Value));
        return new DealMetrics { Won = Won, Lost = Lost, Open = Open, WinRateByCount = new Rate(Won, Won + Lost), ByCurrency = [.. perCurrency] };
    }

    private DealTotals Currency(int currencySlot)
    {
        if (currencySlot >= _currencies.Length)
        {
            Array.Resize(ref _currencies, Math.Max(currencySlot + 1, 4));
        }

        return _currencies[currencySlot] ??= new DealTotals();
    }
}
