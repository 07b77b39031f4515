using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Explanations;

public class ScoreCardTests
{
    [Fact]
    public void Explain_FrequencyLimitAndDecay_AreShownPerRule()
    {
        var model = new ScoringModelBuilder()
            .AddGroup(new ScoringGroup("web", ScoreDimension.Engagement) { Limits = new(null, 8) })
            .AddRule(new SignalRule("pricing", EngagementSignalKind.PricingPageView, 5) { MaxOccurrences = 2, Decay = DecayFunction.Linear(TimeSpan.FromDays(10)) }, "web")
            .Build();
        var lead = LeadBuilder.New().Did(EngagementSignalKind.PricingPageView, 0).Did(EngagementSignalKind.PricingPageView, 5).Did(EngagementSignalKind.PricingPageView, 8).Build();

        var card = model.Explain(lead, LeadBuilder.Now);

        var rule = Assert.Single(card.Rules);
        Assert.Equal((3, 2), (rule.Occurrences!.Value, rule.CountedOccurrences!.Value));
        Assert.Equal(15, rule.RawPoints, 9);
        Assert.Equal(10, rule.FrequencyLimitedPoints, 9);
        Assert.Equal(7.5, rule.Points, 9);
        Assert.Equal(-5, rule.FrequencyAdjustment, 9);
        Assert.Equal(-2.5, rule.DecayAdjustment, 9);
        var group = Assert.Single(card.Groups);
        Assert.Equal((7.5, 7.5), (group.RawPoints, group.Points));
        var text = card.ToString();
        Assert.Contains("pricing [group web] (3 occurrence(s), 2 counted, raw 15, frequency limit -5, decay -2.5)", text, StringComparison.Ordinal);
    }
}
