using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Reports;
using LeadKit.Metrics.Response;
using LeadKit.Metrics.Tests.Support;

namespace LeadKit.Metrics.Tests.Reports;

/// <summary>
/// The engine against <see cref="LinqFunnelReport"/>, a straightforward LINQ implementation of the same formulas
/// (the benchmark's peer): every number of every segment must be the same, for random clean scenarios and options.
/// </summary>
public sealed class FunnelReportDifferentialTests
{
    private static readonly TimeZoneInfo[] Zones = [TimeZoneInfo.Utc, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"), TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")];

    private static readonly FunnelStage[] CycleStarts = [default, FunnelStage.Mql, FunnelStage.Sql];

    public static Arbitrary<(Scenario Scenario, OptionsSeed Options)> Cases() =>
        Arbitraries.Scenario().Generator
            .SelectMany(scenario => Gen.Choose(0, int.MaxValue).Select(seed => (scenario, new OptionsSeed(seed))))
            .ToArbitrary();

    [Property(Arbitrary = [typeof(FunnelReportDifferentialTests)], MaxTest = 80)]
    public void Report_RandomScenarioAndOptions_EqualsTheLinqReference((Scenario Scenario, OptionsSeed Options) input)
    {
        var (scenario, seed) = input;
        var options = seed.Build();

        var engine = ReportText.Describe(new FunnelReportCalculator(options).Calculate(scenario.Journeys, scenario.Deals, scenario.Customers));
        var reference = ReportText.Describe(LinqFunnelReport.Calculate(options, scenario.Journeys, scenario.Deals, scenario.Customers));

        Assert.Equal(reference, engine);
    }

    [Fact]
    public void LinqReference_DiffersWhenTheOptionsDiffer()
    {
        // The comparison can fail: the reference reacts to the options the engine reads.
        var scenario = new Scenario(11, 80);
        var monthly = ReportText.Describe(LinqFunnelReport.Calculate(new FunnelReportOptions(), scenario.Journeys, scenario.Deals, scenario.Customers));
        var weekly = ReportText.Describe(new FunnelReportCalculator(new FunnelReportOptions { PeriodUnit = PeriodUnit.IsoWeek }).Calculate(scenario.Journeys, scenario.Deals, scenario.Customers));

        Assert.NotEqual(monthly, weekly);
    }

    /// <summary>Report options drawn from a seed (a record so FsCheck shows the seed of a failing case).</summary>
    public sealed record OptionsSeed(int Seed)
    {
        public FunnelReportOptions Build()
        {
            var random = new Random(Seed);
            var options = new FunnelReportOptions
            {
                PeriodUnit = (PeriodUnit)random.Next(Enum.GetValues<PeriodUnit>().Length),
                TimeZone = Zones[random.Next(Zones.Length)],
                ConversionHorizon = random.Next(3) == 0 ? null : TimeSpan.FromDays(random.Next(1, 60)),
                CycleStartStage = CycleStarts[random.Next(CycleStarts.Length)],
                ResponseStart = random.Next(2) == 0 ? ResponseStart.Created : ResponseStart.Assigned,
                ResponseSla = TimeSpan.FromMinutes(random.Next(0, 240)),
            };
            if (random.Next(2) == 0)
            {
                options.Quotas[CurrencyCode.Eur] = random.Next(1, 100_000);
            }

            if (random.Next(2) == 0)
            {
                options.OwnerQuotas[new SalesRepId("rep-a")] = new Money(random.Next(1, 50_000), random.Next(2) == 0 ? CurrencyCode.Eur : CurrencyCode.Usd);
            }

            return options;
        }
    }
}
