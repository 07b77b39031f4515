using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.Retention;

/// <summary>
/// CRR, churn and the cohort matrix from customer records in one pass plus work proportional to periods²:
/// each customer adds +1/−1 at its acquisition and churn periods to difference arrays.
/// </summary>
internal static class RetentionBuilder
{
    public static RetentionMetrics Build(IReadOnlyList<CustomerRecord> customers, bool[] excluded, PeriodIndex periods)
    {
        var count = 0;
        for (var i = 0; i < customers.Count; i++)
        {
            count += excluded[i] ? 0 : 1;
        }

        if (count == 0)
        {
            return new RetentionMetrics { Periods = [], Cohorts = [] };
        }

        var acquired = new int[customers.Count];
        var churned = new int[customers.Count];
        int first = int.MaxValue, last = int.MinValue;
        for (var i = 0; i < customers.Count; i++)
        {
            if (excluded[i])
            {
                continue;
            }

            acquired[i] = periods.IdOf(customers[i].AcquiredAt);
            churned[i] = customers[i].ChurnedAt is { } at ? periods.IdOf(at) : int.MaxValue;
            first = Math.Min(first, acquired[i]);
            last = Math.Max(last, churned[i] == int.MaxValue ? acquired[i] : Math.Max(acquired[i], churned[i]));
        }

        var span = last - first + 1;
        var startDiff = new long[span + 2];  // S_p = #{a < p <= c}
        var endDiff = new long[span + 2];    // E_p = #{a <= p < c}
        var newCustomers = new long[span];   // N_p = #{a == p < c}
        var acquiredIn = new long[span];
        var churnedIn = new long[span];
        var churnOffsets = new long[span][]; // [cohort][k] = churned k periods after the cohort period
        for (var i = 0; i < customers.Count; i++)
        {
            if (excluded[i])
            {
                continue;
            }

            var a = acquired[i] - first;
            var hasChurn = churned[i] != int.MaxValue;
            var c = hasChurn ? churned[i] - first : span;
            acquiredIn[a]++;
            startDiff[a + 1]++;
            startDiff[c + 1]--;
            endDiff[a]++;
            endDiff[c]--;
            if (c > a)
            {
                newCustomers[a]++;
            }

            churnOffsets[a] ??= new long[span - a + 1];
            if (hasChurn)
            {
                churnedIn[c]++;
                churnOffsets[a][c - a]++;
            }
            else
            {
                churnOffsets[a][span - a]++;
            }
        }

        var rows = new List<RetentionPeriod>(span);
        long s = 0, e = 0;
        for (var p = 0; p < span; p++)
        {
            s += startDiff[p];
            e += endDiff[p];
            var retained = e - newCustomers[p];
            rows.Add(new RetentionPeriod
            {
                Period = periods[first + p],
                StartCustomers = s,
                EndCustomers = e,
                NewCustomers = newCustomers[p],
                Acquired = acquiredIn[p],
                Churned = churnedIn[p],
                Crr = new Rate(retained, s),
                Churn = new Rate(s - retained, s),
            });
        }

        var cohorts = new List<CohortRetentionRow>();
        for (var a = 0; a < span; a++)
        {
            if (acquiredIn[a] == 0)
            {
                continue;
            }

            var size = acquiredIn[a];
            var cells = new Rate[span - a];
            var gone = 0L;
            for (var k = 0; k < cells.Length; k++)
            {
                gone += churnOffsets[a][k];
                cells[k] = new Rate(size - gone, size);
            }

            cohorts.Add(new CohortRetentionRow { Cohort = periods[first + a], Size = size, Retained = cells });
        }

        return new RetentionMetrics { Periods = rows, Cohorts = cohorts };
    }
}
