using LeadKit.Abstractions.Identifiers;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Reports;

namespace LeadKit.Metrics.Tests.Retention;

public sealed class RetentionMetricsTests
{
    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// C1 Jan 10, stays. C2 Jan 15, churns Feb 20. C3 Feb 5, churns Feb 25. C4 Feb 10, stays. C5 Mar 1, churns Mar 2.
    /// </summary>
    private static CustomerRecord[] Customers() =>
    [
        new(new AccountId("C1"), At(1, 10)),
        new(new AccountId("C2"), At(1, 15), At(2, 20)),
        new(new AccountId("C3"), At(2, 5), At(2, 25)),
        new(new AccountId("C4"), At(2, 10)),
        new(new AccountId("C5"), At(3, 1), At(3, 2)),
    ];

    [Fact]
    public void Crr_ThreeMonths_StartEndAndNewCustomersByHand()
    {
        var retention = new FunnelReportCalculator(new FunnelReportOptions()).Calculate([], customers: Customers()).Retention;

        Assert.Equal(["2026-01", "2026-02", "2026-03"], retention.Periods.Select(p => p.Period.Label));
        var (jan, feb, mar) = (retention.Periods[0], retention.Periods[1], retention.Periods[2]);
        Assert.Equal((0L, 2L, 2L), (jan.StartCustomers, jan.EndCustomers, jan.NewCustomers));
        Assert.False(jan.Crr.HasData);
        // February: S = {C1, C2}, E = {C1, C4}, N = {C4} -> CRR = (2 - 1) / 2; C3 came and went within the month.
        Assert.Equal((2L, 2L, 1L, 2L, 2L), (feb.StartCustomers, feb.EndCustomers, feb.NewCustomers, feb.Acquired, feb.Churned));
        Assert.Equal((1L, 2L), (feb.Crr.Numerator, feb.Crr.Denominator));
        Assert.Equal((1L, 2L), (feb.Churn.Numerator, feb.Churn.Denominator));
        // March: S = {C1, C4}, E = {C1, C4}, N = {} (C5 churned within March).
        Assert.Equal((2L, 2L, 0L), (mar.StartCustomers, mar.EndCustomers, mar.NewCustomers));
        Assert.Equal(1d, mar.Crr.Value);
        Assert.Equal(0d, mar.Churn.Value);
    }

    [Fact]
    public void CohortMatrix_ThreeMonths_RetainedAtEndOfEachLaterPeriod()
    {
        var cohorts = new FunnelReportCalculator(new FunnelReportOptions()).Calculate([], customers: Customers()).Retention.Cohorts;

        Assert.Equal(["2026-01", "2026-02", "2026-03"], cohorts.Select(c => c.Cohort.Label));
        Assert.Equal([(2L, 2L), (1L, 2L), (1L, 2L)], cohorts[0].Retained.Select(r => (r.Numerator, r.Denominator)));
        Assert.Equal([(1L, 2L), (1L, 2L)], cohorts[1].Retained.Select(r => (r.Numerator, r.Denominator)));
        Assert.Equal([(0L, 1L)], cohorts[2].Retained.Select(r => (r.Numerator, r.Denominator)));
    }
}
