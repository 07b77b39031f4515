using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Sales;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Periods;
using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Response;
using LeadKit.Metrics.Telemetry;

namespace LeadKit.Metrics.Reports;

/// <summary>
/// Computes a whole <see cref="FunnelReport"/> — conversion, waterfall, win rate, average ticket, volume, pipeline,
/// velocity, sales cycle, time in stage, response time, retention and data quality, overall and per source, owner and
/// period — in one call over any enumerables of journeys, deals and customers.
/// </summary>
/// <remarks>
/// <para>
/// Compile once, calculate many times: the options are validated and copied when the calculator is created.
/// Each input is read once into a list (when it is not one already), checked in one pass and aggregated in a second
/// pass into per-segment counters; only the values that need exact percentiles (cycle lengths, response times, won
/// deal values) and the ids needed to find duplicates are kept per record.
/// </para>
/// <para>
/// Bad records are rejected (<see cref="MetricsDataException"/> listing all of them) or, with
/// <see cref="DataQualityMode.Exclude"/>, left out of every KPI and listed in <see cref="FunnelReport.DataQuality"/>.
/// Results do not depend on the order of the input. Thread-safe: one instance may serve concurrent calls.
/// </para>
/// </remarks>
public sealed class FunnelReportCalculator
{
    /// <summary>Creates a calculator.</summary>
    /// <param name="options">The report settings.</param>
    /// <param name="meterFactory">Creates the <c>LeadKit.Metrics</c> meter (report durations, records, data-quality problems); <see langword="null"/> for no metrics.</param>
    /// <param name="timeProvider">Measures report durations; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ConfigurationException">The options are invalid; <see cref="ConfigurationException.Problems"/> lists every problem (see <see cref="FunnelReportOptions.Validate"/>).</exception>
    public FunnelReportCalculator(FunnelReportOptions options, IMeterFactory? meterFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConfigurationException.ThrowIfAny(options.Validate());
        Telemetry = new MetricsTelemetry(meterFactory, timeProvider ?? TimeProvider.System);
        Stages = [.. options.Stages];
        ConvertedStage = options.ConvertedStage;
        CycleStartStage = options.CycleStartStage;
        HorizonTicks = options.ConversionHorizon?.Ticks ?? long.MaxValue;
        Calendar = new PeriodCalendar(options.PeriodUnit, options.TimeZone);
        ResponseStart = options.ResponseStart;
        Sla = options.ResponseSla;
        Mode = options.DataQuality;
        MaximumRetentionPeriods = options.MaximumRetentionPeriods;
        AcceptedCurrencies = options.AcceptedCurrencies.Count == 0 ? null : new HashSet<CurrencyCode>(options.AcceptedCurrencies);
        Quotas = new Dictionary<CurrencyCode, decimal>(options.Quotas);
        OwnerQuotas = new Dictionary<string, Money>(StringComparer.Ordinal);
        foreach (var (owner, quota) in options.OwnerQuotas)
        {
            OwnerQuotas[owner.Value!] = quota;
        }

        // Registered with the calculator (trusted options), so a journey's stage is found by ordinal.
        WaterfallIndex = new VocabularyIndex<FunnelStage>(Stages);
    }

    internal MetricsTelemetry Telemetry { get; }

    internal FunnelStage[] Stages { get; }

    internal VocabularyIndex<FunnelStage> WaterfallIndex { get; }

    internal FunnelStage ConvertedStage { get; }

    internal FunnelStage CycleStartStage { get; }

    internal long HorizonTicks { get; }

    internal PeriodCalendar Calendar { get; }

    internal ResponseStart ResponseStart { get; }

    internal TimeSpan Sla { get; }

    internal DataQualityMode Mode { get; }

    internal int MaximumRetentionPeriods { get; }

    internal HashSet<CurrencyCode>? AcceptedCurrencies { get; }

    internal Dictionary<CurrencyCode, decimal> Quotas { get; }

    internal Dictionary<string, Money> OwnerQuotas { get; }

    /// <summary>Computes the report.</summary>
    /// <param name="journeys">The lead journeys, in any order.</param>
    /// <param name="deals">The deals, in any order; <see langword="null"/> for none.</param>
    /// <param name="customers">The customer records, in any order; <see langword="null"/> for none.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/> is null.</exception>
    /// <exception cref="ArgumentException">An input contains a null record (the message gives its position).</exception>
    /// <exception cref="MetricsDataException">In <see cref="DataQualityMode.Reject"/> mode, records failed data-quality checks.</exception>
    /// <exception cref="OverflowException">A money sum exceeds the range of <see cref="decimal"/>.</exception>
    public FunnelReport Calculate(IEnumerable<LeadJourney> journeys, IEnumerable<Deal>? deals = null, IEnumerable<CustomerRecord>? customers = null)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        using var activity = MetricsTelemetry.StartActivity();
        var started = Telemetry.Start();
        var run = new FunnelReportRun(this);
        try
        {
            var report = run.Run(journeys, deals ?? [], customers ?? []);
            Telemetry.Completed(activity, started, MetricsTelemetry.Outcomes.Completed, run.JourneyCount, run.DealCount, run.CustomerCount, report.DataQuality.Issues);
            return report;
        }
        catch (MetricsDataException rejected)
        {
            Telemetry.Completed(activity, started, MetricsTelemetry.Outcomes.Rejected, run.JourneyCount, run.DealCount, run.CustomerCount, rejected.Issues);
            throw;
        }
        catch (Exception)
        {
            Telemetry.Completed(activity, started, MetricsTelemetry.Outcomes.Failed, run.JourneyCount, run.DealCount, run.CustomerCount, []);
            throw;
        }
    }
}
