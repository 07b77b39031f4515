using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;

namespace LeadKit.Docs.Tests.Snippets;

#region plugin-rule
/// <summary>Product-qualified leads: 2 engagement points per active trial seat, at most 20.</summary>
public sealed class TrialUsageRule : IScoringRule
{
    private static readonly CustomFieldKey TrialSeats = CustomFieldKey.Register(new("trial_seats"));   // trusted code: compared by ordinal

    public string Name => "trial_usage";

    public ScoreDimension Dimension => ScoreDimension.Engagement;

    // Called for every lead from any thread: keep it pure, thread-safe and allocation-free.
    public double Evaluate(Lead lead, DateTimeOffset asOf)
        => lead.TryGetCustomField(TrialSeats, out var seats) && seats.Kind == CustomFieldValueKind.Number
            ? Math.Min(20, 2 * seats.Number)
            : 0;
}
#endregion

/// <summary>The code of docs/extensibility.md, run as tests.</summary>
public sealed class ExtensibilitySnippets
{
    [Fact]
    public void PluginRule_AddedLikeABuiltIn_ScoresAndExplains()
    {
        var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var lead = new Lead
        {
            Id = new LeadId("L-7"),
            CreatedAt = now.AddDays(-5),
            Source = LeadSource.Referral,
            CustomFields = [new CustomField(new CustomFieldKey("trial_seats"), CustomFieldValue.FromNumber(8))],
        };

        #region add-plugin-rule
        var model = new ScoringModelBuilder()
            .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20)))   // a built-in rule
            .AddRule(new TrialUsageRule())                                       // your rule, the same way
            .Build();
        var card = model.Explain(lead, now);                                     // lists trial_usage next to source
        #endregion

        Assert.Equal(new LeadScore(20, 16, 36), card.Score);
        Assert.Contains(card.Rules, r => r.RuleName == "trial_usage" && r.Points == 16);
    }
}
