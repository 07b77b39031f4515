using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Samples.CustomRule;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;

// A plugin rule goes through the same AddRule as the built-ins, can join a group with a cap,
// and shows up in the explanation next to them.
var model = new ScoringModelBuilder()
    .WithName("saas")
    .AddGroup(new ScoringGroup("product", ScoreDimension.Engagement) { Limits = new ScoreLimits(null, 25) })
    .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20), (LeadSource.PurchasedList, -10)))
    .AddRule(SalesRules.Signal("pricing_page", EngagementSignalKind.PricingPageView, 5, maxOccurrences: 3), "product")
    .AddRule(new TrialUsageRule(), "product")
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
