using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Learning.Backtesting;
using LeadKit.Testing;

namespace LeadKit.Learning.Tests.Backtesting;

/// <summary>Scorers, classifiers and histories shared by the backtesting tests.</summary>
internal static class BacktestFixtures
{
    public static readonly DateTimeOffset DecidedAt = LeadBuilder.Now.AddDays(-10);

    /// <summary>A lead whose total score is the number of page views it had (all of them: see <see cref="LeakyScorer"/>).</summary>
    public static HistoricalLead WithViews(int views, bool converted, double decidedDaysAgo = 10)
    {
        var builder = LeadBuilder.New();
        for (var i = 0; i < views; i++)
        {
            builder.Did(EngagementSignalKind.PageView, daysAgo: decidedDaysAgo + 1 + i);
        }

        return new HistoricalLead(builder.Build(), LeadBuilder.Now.AddDays(-decidedDaysAgo), converted);
    }

    /// <summary>Builds a history where lead i has score scores[i] (as page views) and outcome labels[i].</summary>
    public static List<HistoricalLead> History(int[] scores, bool[] labels)
    {
        var history = new List<HistoricalLead>(scores.Length);
        for (var i = 0; i < scores.Length; i++)
        {
            history.Add(WithViews(scores[i], labels[i]));
        }

        return history;
    }

    /// <summary>
    /// A badly written scorer that ignores <c>asOf</c> and counts every signal, including those after the decision:
    /// exactly the kind of scorer that would leak the future if the backtester let it.
    /// </summary>
    public sealed class LeakyScorer : ILeadScorer
    {
        public LeadScore Score(Lead lead, DateTimeOffset asOf)
        {
            double count = lead.Signals.Length;
            return new LeadScore(0, count, count);
        }
    }

    /// <summary>A scorer computed by a function of the lead.</summary>
    public sealed class FunctionScorer(Func<Lead, double> score) : ILeadScorer
    {
        public LeadScore Score(Lead lead, DateTimeOffset asOf)
        {
            var total = score(lead);
            return new LeadScore(total, 0, total);
        }
    }

    /// <summary>Cold below 2 points, warm below 4, hot from 4.</summary>
    public sealed class ThresholdTemperature : ITemperatureClassifier
    {
        public Temperature Classify(Lead lead, LeadScore score, DateTimeOffset asOf)
            => score.Total >= 4 ? Temperature.Hot : score.Total >= 2 ? Temperature.Warm : Temperature.Cold;
    }

    /// <summary>MQL from 2 points, SQL from 4; do-not-contact leads are disqualified.</summary>
    public sealed class ThresholdPolicy : IQualificationPolicy
    {
        public QualificationResult Qualify(Lead lead, LeadScore score, DateTimeOffset asOf)
        {
            var level = score.Total >= 4 ? QualificationLevel.Sql : score.Total >= 2 ? QualificationLevel.Mql : QualificationLevel.Unqualified;
            var reason = lead.Consent.DoNotContact ? DisqualificationReason.DoNotContact : DisqualificationReason.None;
            return new QualificationResult(level, reason, "threshold");
        }
    }
}
