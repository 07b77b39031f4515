using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// Ready-made built-in rules for what sales teams usually score. Each returns an ordinary rule instance, added to a
/// model with <c>ScoringModelBuilder.AddRule</c> exactly like a plugin rule.
/// </summary>
public static class SalesRules
{
    /// <summary>Points by lead source, e.g. referral +20, recycled opportunity +10, purchased list -10.</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="points">Points per source.</param>
    /// <returns>The rule.</returns>
    public static LeadSourceRule Source(string name, params ReadOnlySpan<(LeadSource Source, double Points)> points)
    {
        var map = new Dictionary<LeadSource, double>();
        foreach (var (source, value) in points)
        {
            map[source] = value;
        }

        return new LeadSourceRule(name, map);
    }

    /// <summary>Points when the contact's seniority is one of <paramref name="levels"/>.</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="points">The points.</param>
    /// <param name="levels">The seniority levels.</param>
    /// <returns>The rule.</returns>
    public static AttributeRule Seniority(string name, double points, params ReadOnlySpan<Seniority> levels)
    {
        var names = new string[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            names[i] = levels[i].ToString();
        }

        return new AttributeRule(name, AttributeCondition.IsAnyOf(LeadField.Seniority, names), points);
    }

    /// <summary>Points when the job title contains one of <paramref name="keywords"/> (ignoring case).</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="points">The points.</param>
    /// <param name="keywords">The keywords, e.g. "head of", "director", "vp".</param>
    /// <returns>The rule.</returns>
    public static AttributeRule JobTitle(string name, double points, params ReadOnlySpan<string> keywords)
        => new(name, AttributeCondition.Contains(LeadField.JobTitle, keywords), points);

    /// <summary>Points when the company has between <paramref name="minEmployees"/> and <paramref name="maxEmployees"/> employees.</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="points">The points.</param>
    /// <param name="minEmployees">The smallest size.</param>
    /// <param name="maxEmployees">The largest size.</param>
    /// <returns>The rule.</returns>
    public static AttributeRule CompanySize(string name, double points, int minEmployees, int maxEmployees)
        => new(name, AttributeCondition.Between(LeadField.EmployeeCount, minEmployees, maxEmployees), points);

    /// <summary>Points when the company's industry is one of <paramref name="industries"/>.</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="points">The points.</param>
    /// <param name="industries">The industries.</param>
    /// <returns>The rule.</returns>
    public static AttributeRule Industry(string name, double points, params ReadOnlySpan<string> industries)
        => new(name, AttributeCondition.IsAnyOf(LeadField.Industry, industries), points);

    /// <summary>Points when the company's country is one of <paramref name="countries"/>.</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="points">The points.</param>
    /// <param name="countries">ISO 3166 codes.</param>
    /// <returns>The rule.</returns>
    public static AttributeRule Country(string name, double points, params ReadOnlySpan<string> countries)
        => new(name, AttributeCondition.IsAnyOf(LeadField.Country, countries), points);

    /// <summary>Points when at least <paramref name="minimumConfirmed"/> BANT criteria are confirmed.</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="points">The points when at least <paramref name="minimumConfirmed"/> criteria are confirmed.</param>
    /// <param name="minimumConfirmed">How many criteria must be confirmed (1 to 4).</param>
    /// <returns>The rule.</returns>
    public static AttributeRule Bant(string name, double points, int minimumConfirmed)
        => new(name, AttributeCondition.AtLeast(LeadField.BantConfirmedCount, minimumConfirmed), points);

    /// <summary>Points for a purchase timeframe of at most <paramref name="maxDays"/> days, or immediate.</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="points">The points.</param>
    /// <param name="maxDays">The longest timeframe that earns the points.</param>
    /// <returns>The rule (an engagement rule: a timeframe is something the lead told us).</returns>
    public static AttributeRule Timeframe(string name, double points, int maxDays)
        => new(name, AttributeCondition.Any(
            AttributeCondition.Is(LeadField.TimeframeKind, nameof(PurchaseTimeframeKind.Immediate)),
            AttributeCondition.AtMost(LeadField.TimeframeDays, maxDays)), points)
        { Dimension = ScoreDimension.Engagement };

    /// <summary>Business e-mail versus free mail.</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="businessPoints">Points for a business domain.</param>
    /// <param name="freeMailPoints">Points for a free-mail domain.</param>
    /// <returns>The rule.</returns>
    public static EmailDomainRule EmailDomain(string name, double businessPoints, double freeMailPoints) => new(name, businessPoints, freeMailPoints);

    /// <summary>Points once when a lead has at least <paramref name="minOccurrences"/> signals of a kind within <paramref name="windowDays"/> days ("5 or more visits in the last 30 days: +10").</summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="kind">The signal kind.</param>
    /// <param name="minOccurrences">How many occurrences are needed (at least 1).</param>
    /// <param name="points">The points given once the threshold is reached.</param>
    /// <param name="windowDays">How many days back occurrences count, or <see langword="null"/> for no window.</param>
    /// <returns>The rule.</returns>
    public static SignalRule SignalCountAtLeast(string name, EngagementSignalKind kind, int minOccurrences, double points, double? windowDays = null)
        => new(name, kind, points) { MinOccurrences = minOccurrences, MaxOccurrences = 1, Window = windowDays is { } d ? TimeSpan.FromDays(d) : null };

    /// <summary>Points per occurrence of a signal, at most <paramref name="maxOccurrences"/> within <paramref name="windowDays"/> days.</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="kind">The signal kind.</param>
    /// <param name="pointsPerOccurrence">Points per occurrence.</param>
    /// <param name="maxOccurrences">The most occurrences counted, or <see langword="null"/>.</param>
    /// <param name="windowDays">The window in days, or <see langword="null"/>.</param>
    /// <returns>The rule.</returns>
    public static SignalRule Signal(string name, EngagementSignalKind kind, double pointsPerOccurrence, int? maxOccurrences = null, double? windowDays = null)
        => new(name, kind, pointsPerOccurrence) { MaxOccurrences = maxOccurrences, Window = windowDays is { } d ? TimeSpan.FromDays(d) : null };

    /// <summary>A penalty when the lead's latest signal is more than <paramref name="days"/> days old (a lead without one: its creation), see <see cref="InactivityRule"/>.</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="days">The days of silence.</param>
    /// <param name="points">The penalty (not positive).</param>
    /// <returns>The rule.</returns>
    public static InactivityRule Inactivity(string name, double days, double points) => new(name, TimeSpan.FromDays(days), points);

    /// <summary>A penalty for unsubscribing from marketing e-mail (counted once).</summary>
    /// <param name="points">The penalty, e.g. -20.</param>
    /// <returns>The rule, named <c>unsubscribed</c>.</returns>
    public static SignalRule Unsubscribed(double points) => new("unsubscribed", EngagementSignalKind.Unsubscribed, points) { MaxOccurrences = 1 };

    /// <summary>A penalty for a bounced e-mail (counted once).</summary>
    /// <param name="points">The penalty, e.g. -10.</param>
    /// <returns>The rule, named <c>email_bounced</c>.</returns>
    public static SignalRule EmailBounced(double points) => new("email_bounced", EngagementSignalKind.EmailBounced, points) { MaxOccurrences = 1 };

    /// <summary>A penalty when the company or e-mail domain is a competitor's.</summary>
    /// <param name="points">The penalty, e.g. -100.</param>
    /// <param name="competitorDomains">The competitors' domains.</param>
    /// <returns>The rule, named <c>competitor</c>.</returns>
    public static AttributeRule Competitor(double points, params ReadOnlySpan<string> competitorDomains)
        => new("competitor", AttributeCondition.Any(
            AttributeCondition.IsAnyOf(LeadField.CompanyDomain, competitorDomains),
            AttributeCondition.IsAnyOf(LeadField.EmailDomain, competitorDomains)), points);

    /// <summary>A penalty for students and job seekers (seniority student, or a job title that says so).</summary>
    /// <param name="points">The penalty, e.g. -30.</param>
    /// <returns>The rule, named <c>student_or_job_seeker</c>.</returns>
    public static AttributeRule StudentOrJobSeeker(double points)
        => new("student_or_job_seeker", AttributeCondition.Any(
            AttributeCondition.Is(LeadField.Seniority, nameof(Abstractions.Leads.Seniority.Student)),
            AttributeCondition.Contains(LeadField.JobTitle, "student", "intern", "job seeker", "looking for", "unemployed")), points);

    /// <summary>A penalty for leads that asked not to be contacted.</summary>
    /// <param name="points">The penalty, e.g. -100.</param>
    /// <returns>The rule, named <c>do_not_contact</c>.</returns>
    public static AttributeRule DoNotContact(double points) => new("do_not_contact", AttributeCondition.IsTrue(LeadField.DoNotContact), points);
}
