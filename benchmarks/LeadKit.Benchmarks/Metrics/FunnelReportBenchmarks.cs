using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using LeadKit.Abstractions.Common;
using LeadKit.Metrics.Reports;
using LeadKit.Metrics.Tests.Support;

namespace LeadKit.Benchmarks.Metrics;

/// <summary>
/// A whole funnel report over 1,000,000 journeys (~5,000,000 stage changes), 200,000 deals and 100,000 customers,
/// LeadKit's one-pass engine against a straightforward LINQ implementation of the same formulas. Both reports are
/// compared property by property in <see cref="Setup"/> before anything is timed. The process is pinned to one core.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OneCoreFewIterations))]
public class FunnelReportBenchmarks
{
    private FunnelBenchmarkData _data = null!;
    private FunnelReportOptions _options = null!;
    private FunnelReportCalculator _calculator = null!;

    [Params(1_000_000)]
    public int Journeys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new FunnelBenchmarkData(Journeys, Journeys / 5, Journeys / 10, seed: 20260601);
        _options = new FunnelReportOptions { ConversionHorizon = TimeSpan.FromDays(60), ResponseSla = TimeSpan.FromHours(4) };
        _options.Quotas[CurrencyCode.Eur] = 50_000_000m;
        _calculator = new FunnelReportCalculator(_options);

        var leadKit = ReportText.Describe(_calculator.Calculate(_data.Journeys, _data.Deals, _data.Customers));
        var linq = ReportText.Describe(LinqFunnelReport.Calculate(_options, _data.Journeys, _data.Deals, _data.Customers));
        if (leadKit != linq || leadKit.Length < 100_000)
        {
            var at = 0;
            while (at < Math.Min(leadKit.Length, linq.Length) && leadKit[at] == linq[at])
            {
                at++;
            }

            throw new InvalidOperationException(
                $"LeadKit and the LINQ peer disagree (or the report is suspiciously short: {leadKit.Length} characters) at character {at}:\n" +
                $"LeadKit: ...{Excerpt(leadKit, at)}...\nLINQ:    ...{Excerpt(linq, at)}...");
        }

        Console.WriteLine($"// Identical reports ({leadKit.Length:N0} characters); {_data.Journeys.Count:N0} journeys, {_data.StageChanges:N0} stage changes, {_data.Deals.Count:N0} deals, {_data.Customers.Count:N0} customers.");
    }

    [Benchmark(Baseline = true, Description = "LINQ peer")]
    public FunnelReport Linq() => LinqFunnelReport.Calculate(_options, _data.Journeys, _data.Deals, _data.Customers);

    [Benchmark(Description = "LeadKit FunnelReportCalculator")]
    public FunnelReport LeadKit() => _calculator.Calculate(_data.Journeys, _data.Deals, _data.Customers);

    private static string Excerpt(string text, int at) => text.Substring(Math.Max(0, at - 200), Math.Min(400, text.Length - Math.Max(0, at - 200)));

    /// <summary>One launch, one warm-up and five measured single invocations, on core 0 only (the input is big).</summary>
    private sealed class OneCoreFewIterations : ManualConfig
    {
        public OneCoreFewIterations()
        {
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithAffinity(1));
        }
    }
}
