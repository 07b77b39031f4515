using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Learning.Backtesting;
using LeadKit.Learning.Scorecards;
using LeadKit.Testing;

namespace LeadKit.Learning.Tests.Scorecards;

/// <summary>
/// The exported rule set and the scorecard are one model: text values that differ only in case must score the same
/// in both (one semantics, ordinal ignoring case, as <c>FieldCondition.Matches</c>). Before the shared field
/// vocabulary, <c>ValueIs</c> compared case-sensitively while the exported <c>equals</c> ignored case.
/// </summary>
public sealed class ExportedRuleSetCaseTests
{
    private static readonly string[] Segments = ["Enterprise", "smb", "Mid-Market"];
    private static readonly string[] Plans = ["pro", "free"];
    private static readonly string[] Titles = ["head of sales", "cto", "buyer"];
    private static readonly CustomFieldKey Plan = new("plan");
    private static readonly CustomFieldKey Segment = new("segment");

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 40)]
    public bool ExportedRuleSet_ScoresEveryLeadLikeTheScorecard_WhateverTheCaseOfItsTextValues(CasedHistory cased)
    {
        var history = cased.Leads;
        LeadCondition[] conditions =
        [
            // Condition values in one case, lead values in any: both must match ignoring case.
            LeadCondition.ValueIs(LeadFeature.CustomText(Plan), cased.PlanAsWritten),
            .. LeadCondition.ForValues(LeadFeature.CustomText(Segment), history, minimumSupport: 1),
            LeadCondition.ValueIs(LeadFeature.Of(LeadField.JobTitle), cased.TitleAsWritten),
        ];
        var scorecard = new ScorecardTrainer(conditions, new ScorecardOptions { L2 = 1, MinimumWon = 1, MinimumLost = 1 }).Train(history);
        var model = RuleSetLoading.Load(scorecard.ToRuleSetJson("learned"));

        return history.All(h =>
            scorecard.Score(h.Lead, h.DecidedAt).Total == model.Score(h.Lead, h.DecidedAt).Total
            && scorecard.ScoreFromTables(h.Lead, h.DecidedAt) == scorecard.Score(h.Lead, h.DecidedAt));
    }

    /// <summary>A history whose text values are written in random cases, and a case for the conditions' values.</summary>
    public sealed record CasedHistory(IReadOnlyList<HistoricalLead> Leads, string PlanAsWritten, string TitleAsWritten)
    {
        public override string ToString() => string.Join(", ", Leads.Select(l => $"{Text(l.Lead, Segment)}/{Text(l.Lead, Plan)}/{l.Lead.Contact.JobTitle}:{l.Converted}"));
    }

    private static string? Text(Lead lead, CustomFieldKey key) => lead.TryGetCustomField(key, out var value) ? value.Text : null;

    public static class Arbitraries
    {
        public static Arbitrary<CasedHistory> CasedHistory() =>
            (from seed in Gen.Choose(0, int.MaxValue - 1)
             from count in Gen.Choose(20, 80)
             from planMask in Gen.Choose(0, 255)
             from titleMask in Gen.Choose(0, 8191)
             select Create(seed, count, planMask, titleMask))
            .ToArbitrary();

        private static CasedHistory Create(int seed, int count, int planMask, int titleMask)
        {
            var random = new Random(seed);
            var leads = new List<HistoricalLead>(count);
            for (var i = 0; i < count; i++)
            {
                var segment = Cased(Segments[random.Next(Segments.Length)], random.Next());
                var plan = Cased(Plans[random.Next(Plans.Length)], random.Next());
                var title = Cased(Titles[random.Next(Titles.Length)], random.Next());
                var lead = LeadBuilder.New()
                    .WithContact(jobTitle: title)
                    .WithField("segment", CustomFieldValue.FromText(segment))
                    .WithField("plan", CustomFieldValue.FromText(plan))
                    .Build();

                // Won and lost both present whatever the draw: the first two leads are one of each.
                var converted = i < 2 ? i == 0 : random.Next(3) == 0;
                leads.Add(new HistoricalLead(lead, LeadBuilder.Now, converted));
            }

            return new CasedHistory(leads, Cased("pro", planMask), Cased("head of sales", titleMask));
        }

        /// <summary>The text with the letters whose bit is set in <paramref name="mask"/> upper-cased.</summary>
        private static string Cased(string text, int mask) =>
            string.Create(text.Length, (text, mask), static (span, state) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = ((state.mask >> (i % 31)) & 1) == 1 ? char.ToUpperInvariant(state.text[i]) : state.text[i];
                }
            });
    }
}
