using FsCheck.Xunit;
using LeadKit.Metrics.Reports;
using LeadKit.Metrics.Tests.Support;

namespace LeadKit.Metrics.Tests.Retention;

public sealed class RetentionPeriodTests
{
    private static readonly FunnelReportCalculator Calculator = new(new FunnelReportOptions());

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 80)]
    public bool Churn_EveryPeriod_IsOneMinusCrrWithTheSameSEN(Scenario scenario)
    {
        var retention = Calculator.Calculate([], customers: scenario.Customers).Retention;

        return retention.Periods.All(p =>
            p.Crr.Denominator == p.StartCustomers && p.Churn.Denominator == p.StartCustomers
            && p.Crr.Numerator == p.EndCustomers - p.NewCustomers
            && p.Churn.Numerator == p.StartCustomers - (p.EndCustomers - p.NewCustomers)
            && (!p.Crr.HasData || Math.Abs(p.Churn.Value!.Value - (1d - p.Crr.Value!.Value)) < 1e-12));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 80)]
    public bool Retention_CustomerFlow_EndIsStartPlusAcquiredMinusChurned(Scenario scenario)
    {
        var periods = Calculator.Calculate([], customers: scenario.Customers).Retention.Periods;

        return periods.Zip(periods.Skip(1)).All(pair => pair.First.EndCustomers == pair.Second.StartCustomers)
            && periods.All(p => p.EndCustomers == p.StartCustomers + p.Acquired - p.Churned);
    }
}
