using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Benchmarks.Peers;
using LeadKit.Learning;
using LeadKit.Learning.Backtesting;
using LeadKit.Scoring.Rules;

namespace LeadKit.Benchmarks.Learning;

/// <summary>
/// The 30 conditions the learning benchmarks fit points for: 23 feature-value conditions (6 source, 6 signal, 3 seniority,
/// 4 industry, 3 country, 1 timeframe), which a learned scorecard compiles to ordinal, bit, enum and string tests, and 7
/// attribute conditions (seniority band, employee thresholds, BANT, free mail), compiled as the scoring model compiles
/// them. None is an application delegate. The hand-written baseline tests exactly the same things with direct code.
/// </summary>
public static class LearningConditions
{
    public const int Count = 30;

    public static LeadCondition[] All { get; } =
    [
        LeadCondition.ValueIs(LeadFeature.Source, "referral"),
        LeadCondition.ValueIs(LeadFeature.Source, "purchased_list"),
        LeadCondition.ValueIs(LeadFeature.Source, "webinar"),
        LeadCondition.ValueIs(LeadFeature.Source, "linkedin"),
        LeadCondition.ValueIs(LeadFeature.Source, "trade_fair"),
        LeadCondition.ValueIs(LeadFeature.Source, "organic_search"),
        LeadCondition.When("manager or above", AttributeCondition.IsAnyOf(LeadField.Seniority, "Manager", "Director", "VicePresident", "CLevel", "Owner")),
        LeadCondition.ValueIs(LeadFeature.Seniority, "CLevel"),
        LeadCondition.ValueIs(LeadFeature.Seniority, "Student"),
        LeadCondition.ValueIs(LeadFeature.Seniority, "Unknown"),
        LeadCondition.ValueIs(LeadFeature.Industry, "software"),
        LeadCondition.ValueIs(LeadFeature.Industry, "fintech"),
        LeadCondition.ValueIs(LeadFeature.Industry, "retail"),
        LeadCondition.ValueIs(LeadFeature.Industry, "health"),
        LeadCondition.When("employees >= 50", AttributeCondition.AtLeast(LeadField.EmployeeCount, 50)),
        LeadCondition.When("employees >= 250", AttributeCondition.AtLeast(LeadField.EmployeeCount, 250)),
        LeadCondition.When("employees >= 1000", AttributeCondition.AtLeast(LeadField.EmployeeCount, 1000)),
        LeadCondition.ValueIs(LeadFeature.Country, "BR"),
        LeadCondition.ValueIs(LeadFeature.Country, "US"),
        LeadCondition.ValueIs(LeadFeature.Country, "DE"),
        LeadCondition.SignalPresent(EngagementSignalKind.DemoRequested),
        LeadCondition.SignalPresent(EngagementSignalKind.PricingPageView),
        LeadCondition.SignalPresent(EngagementSignalKind.WebinarAttended),
        LeadCondition.SignalPresent(EngagementSignalKind.EmailClick),
        LeadCondition.SignalPresent(EngagementSignalKind.Unsubscribed),
        LeadCondition.SignalPresent(EngagementSignalKind.ChatStarted),
        LeadCondition.When("budget confirmed", AttributeCondition.Is(LeadField.BantBudget, "Confirmed")),
        LeadCondition.ValueIs(LeadFeature.Timeframe, "Immediate"),
        LeadCondition.When("free-mail address", AttributeCondition.IsTrue(LeadField.EmailIsFreeMail)),
        LeadCondition.When("authority confirmed", AttributeCondition.Is(LeadField.BantAuthority, "Confirmed")),
    ];

    public static bool IndustryIs(Lead lead, string industry) => string.Equals(lead.Company?.Industry, industry, StringComparison.Ordinal);

    public static bool CountryIs(Lead lead, string country) => string.Equals(lead.Company?.Country?.Value, country, StringComparison.Ordinal);

    public static bool IsFreeMail(Lead lead)
        => lead.Contact.Email?.Domain is "gmail.com" or "yahoo.com" or "hotmail.com" or "outlook.com";

    public static bool Did(Lead lead, EngagementSignalKind kind, DateTimeOffset asOf)
    {
        foreach (var signal in lead.Signals.AsSpan())
        {
            if (signal.Kind == kind && signal.OccurredAtUtcTicks <= asOf.UtcTicks)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Realistic peer leads decided at <see cref="PeerLeadGenerator.AsOf"/> (some of their signals come later and must be
    /// ignored), won with a probability from a seeded logistic model over the conditions.
    /// </summary>
    public static List<HistoricalLead> History(int count, int seed)
    {
        var leads = PeerLeadGenerator.Generate(count, seed);
        var random = new Random(seed);
        var weights = new double[Count];
        for (var j = 0; j < Count; j++)
        {
            weights[j] = (random.NextDouble() * 2) - 1;
        }

        var history = new List<HistoricalLead>(count);
        foreach (var lead in leads)
        {
            var logOdds = -2.0;
            for (var j = 0; j < Count; j++)
            {
                logOdds += All[j].IsMet(lead, PeerLeadGenerator.AsOf) ? weights[j] : 0;
            }

            history.Add(new HistoricalLead(lead, PeerLeadGenerator.AsOf, random.NextDouble() < 1 / (1 + Math.Exp(-logOdds))));
        }

        return history;
    }
}
