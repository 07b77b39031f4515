using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Samples.CustomRule;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.RuleSets;

// A plugin rule goes through the same AddRule as the built-ins, can join a group with a cap,
// and shows up in the explanation next to them.
var model = new ScoringModelBuilder()
    .WithName("saas")
    .AddGroup(new ScoringGroup("product", ScoreDimension.Engagement) { Limits = new ScoreLimits(null, 25) })
    .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20), (LeadSource.PurchasedList, -10)))
    .AddRule(SalesRules.Signal("pricing_page", EngagementSignalKind.PricingPageView, 5, maxOccurrences: 3), "product")
    .AddRule(new TrialUsageRule("trial_usage", pointsPerSeat: 2, maxPoints: 20), "product")
    .AddRule(SalesRules.Unsubscribed(-20))
    .Build();

var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
var lead = new Lead
{
    Id = new LeadId("L-1"),
    CreatedAt = now.AddDays(-10),
    Source = LeadSource.Referral,
    Signals = [new(EngagementSignalKind.PricingPageView, now.AddDays(-2)), new(EngagementSignalKind.PricingPageView, now.AddDays(-1))],
    CustomFields = [new(new CustomFieldKey("trial_seats"), CustomFieldValue.FromNumber(8))],
};

var assessment = new LeadAssessor(model).Explain(lead, now);
Console.WriteLine(assessment.ScoreCard);
Console.WriteLine($"Temperature: {assessment.Temperature}, qualification: {assessment.Qualification.Level} ({assessment.Qualification.Reason}), grade: {assessment.Grade}");

// The same model as a JSON rule set: the plugin kind is registered like the built-ins and used under its type name.
var kinds = ScoringRuleKinds.Default.Add(new TrialUsageRuleKind());
var ruleSet = ScoringRuleSet.Parse(
    """
    {
      "version": 1,
      "name": "saas",
      "groups": [ { "name": "product", "dimension": "engagement", "cap": 25 } ],
      "rules": [
        { "name": "source", "type": "source", "sources": { "referral": 20, "purchased_list": -10 } },
        { "name": "pricing_page", "type": "signal", "group": "product", "signals": ["pricing_page_view"], "points": 5, "maxOccurrences": 3 },
        { "name": "trial_usage", "type": "trialUsage", "group": "product", "pointsPerSeat": 2, "maxPoints": 20 },
        { "name": "unsubscribed", "type": "signal", "signals": ["unsubscribed"], "points": -20, "maxOccurrences": 1 }
      ]
    }
    """,
    new ScoringRuleSetOptions { Kinds = kinds });
var fromJson = ruleSet.Model.Explain(lead, now);
Console.WriteLine($"From JSON: {fromJson.Score} (same as the builder's: {fromJson.Score == model.Score(lead, now)})");
