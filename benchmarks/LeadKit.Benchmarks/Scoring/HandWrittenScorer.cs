using System.Buffers;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Rules;

namespace LeadKit.Benchmarks.Scoring;

/// <summary>
/// The reference model's 20 rules written by hand in plain C#: the baseline that shows the framework's overhead.
/// Same semantics (windows, most-recent-N, decay, caps), one pass over the signals, no allocation.
/// </summary>
public static class HandWrittenScorer
{
    private const int Kinds = 10;
    private const int PageView = 0, Pricing = 1, Content = 2, EmailOpen = 3, EmailClick = 4, Webinar = 5, Demo = 6, Chat = 7, Unsubscribed = 8, Bounced = 9;

    private static readonly double[] Points = [1, 5, 4, 0.5, 3, 10, 25, 5, -20, -10];
    private static readonly int[] MaxOccurrences = [10, 3, 3, 10, 5, 2, 1, 2, 1, 1];
    private static readonly double HalfLife30 = Math.Log(2) / TimeSpan.FromDays(30).Ticks;
    private static readonly double HalfLife60 = Math.Log(2) / TimeSpan.FromDays(60).Ticks;
    private static readonly double Linear90 = 1.0 / TimeSpan.FromDays(90).Ticks;
    private static readonly long Days30 = TimeSpan.FromDays(30).Ticks;
    private static readonly long Days45 = TimeSpan.FromDays(45).Ticks;
    private static readonly long Days90 = TimeSpan.FromDays(90).Ticks;
    private static readonly int[] KindByOrdinal = BuildKindMap();
    private static readonly SearchValues<string> SalesTitle = SearchValues.Create(["sales", "revenue"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> StudentTitle = SearchValues.Create(["student", "intern", "job seeker", "looking for", "unemployed"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Scores a lead with the reference model's rules.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment.</param>
    /// <returns>The score.</returns>
    public static LeadScore Score(Lead lead, DateTimeOffset asOf)
    {
        // Fit.
        var fit = 0.0;
        var source = lead.Source;
        fit += source == LeadSource.Referral ? 20 : source == LeadSource.RecycledOpportunity ? 10 : source == LeadSource.PurchasedList ? -10 : 0;
        var seniority = lead.Contact.Seniority;
        fit += seniority is Seniority.Director or Seniority.VicePresident or Seniority.CLevel or Seniority.Owner ? 15 : 0;
        var title = lead.Contact.JobTitle;
        fit += title is not null && title.AsSpan().ContainsAny(SalesTitle) ? 5 : 0;
        fit += lead.Bant.ConfirmedCount >= 2 ? 10 : 0;
        var student = seniority == Seniority.Student || (title is not null && title.AsSpan().ContainsAny(StudentTitle));
        fit += student ? -30 : 0;
        fit += lead.Consent.DoNotContact ? -50 : 0;

        var firmographic = 0.0;
        var company = lead.Company;
        if (company is not null)
        {
            firmographic += company.EmployeeCount is >= 50 and <= 5000 ? 10 : 0;
            var industry = company.Industry;
            firmographic += industry is not null && (industry.Equals("software", StringComparison.OrdinalIgnoreCase) || industry.Equals("manufacturing", StringComparison.OrdinalIgnoreCase)) ? 10 : 0;
            var country = company.Country?.Value;
            firmographic += country is "BR" or "DE" or "US" ? 10 : 0;
        }

        if (lead.Contact.Email?.Domain is { } domain)
        {
            firmographic += FreeMailDomains.Default.Contains(domain) ? -5 : 5;
        }

        fit += Math.Min(firmographic, ReferenceModel.FirmographicCap);
        fit = Math.Clamp(fit, -ReferenceModel.DimensionCap, ReferenceModel.DimensionCap);

        // Engagement: one pass over the signals.
        Span<int> counts = stackalloc int[Kinds];
        Span<double> sums = stackalloc double[Kinds];
        Span<long> youngest = stackalloc long[Kinds];
        youngest.Fill(long.MaxValue);
        var signals = lead.Signals.AsSpan();
        var asOfTicks = asOf.UtcTicks;
        var map = KindByOrdinal;
        foreach (ref readonly var signal in signals)
        {
            var ordinal = signal.Kind.Ordinal;
            if ((uint)ordinal >= (uint)map.Length)
            {
                continue;
            }

            var kind = map[ordinal];
            var age = asOfTicks - signal.OccurredAtUtcTicks;
            if (kind < 0 || age < 0 || (kind == PageView && age > Days30))
            {
                continue;
            }

            counts[kind]++;
            sums[kind] += Factor(kind, age);
            youngest[kind] = Math.Min(youngest[kind], age);
        }

        Span<double> points = stackalloc double[Kinds];
        for (var k = 0; k < Kinds; k++)
        {
            var sum = counts[k] <= MaxOccurrences[k] ? sums[k]
                : MaxOccurrences[k] == 1 ? Factor(k, youngest[k])
                : MostRecent(signals, k, asOfTicks, counts[k]);
            points[k] = Points[k] * sum;
        }

        var web = Math.Min(points[PageView] + points[Pricing] + points[Content], ReferenceModel.WebCap);
        var email = Math.Min(points[EmailOpen] + points[EmailClick], ReferenceModel.EmailCap);
        var engagement = points[Webinar] + points[Demo] + points[Chat] + points[Unsubscribed] + points[Bounced] + web + email;
        engagement = Math.Clamp(engagement, -ReferenceModel.DimensionCap, ReferenceModel.DimensionCap);
        return new LeadScore(fit, engagement, fit + engagement);
    }

    private static double Factor(int kind, long age) => kind switch
    {
        PageView or Pricing or Content => Math.Exp(-age * HalfLife30),
        EmailOpen or EmailClick => Math.Max(0, 1 - (age * Linear90)),
        Webinar => Math.Exp(-age * HalfLife60),
        Demo => age >= Days90 ? 0.2 : age >= Days30 ? 0.5 : 1,
        Chat => age <= Days45 ? 1 : 0,
        _ => 1,
    };

    private static double MostRecent(ReadOnlySpan<EngagementSignal> signals, int kind, long asOfTicks, int count)
    {
        Span<long> ages = stackalloc long[count];
        var n = 0;
        foreach (ref readonly var signal in signals)
        {
            var ordinal = signal.Kind.Ordinal;
            var age = asOfTicks - signal.OccurredAtUtcTicks;
            if (ordinal < KindByOrdinal.Length && KindByOrdinal[ordinal] == kind && age >= 0 && !(kind == PageView && age > Days30))
            {
                ages[n++] = age;
            }
        }

        ages.Sort();
        var sum = 0.0;
        for (var i = 0; i < MaxOccurrences[kind]; i++)
        {
            sum += Factor(kind, ages[i]);
        }

        return sum;
    }

    private static int[] BuildKindMap()
    {
        EngagementSignalKind[] kinds =
        [
            EngagementSignalKind.PageView, EngagementSignalKind.PricingPageView, EngagementSignalKind.ContentDownload, EngagementSignalKind.EmailOpen,
            EngagementSignalKind.EmailClick, EngagementSignalKind.WebinarAttended, EngagementSignalKind.DemoRequested, EngagementSignalKind.ChatStarted,
            EngagementSignalKind.Unsubscribed, EngagementSignalKind.EmailBounced,
        ];
        var max = kinds.Max(k => k.Ordinal);
        var map = Enumerable.Repeat(-1, max + 1).ToArray();
        for (var i = 0; i < kinds.Length; i++)
        {
            map[kinds[i].Ordinal] = i;
        }

        return map;
    }
}
