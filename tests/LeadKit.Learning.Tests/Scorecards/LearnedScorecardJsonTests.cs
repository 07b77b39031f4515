using System.Text.Json;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Learning;
using LeadKit.Learning.Backtesting;
using LeadKit.Learning.Scorecards;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;

namespace LeadKit.Learning.Tests.Scorecards;

public sealed class LearnedScorecardJsonTests
{
    // Overlapping ranges on one field: tested from one read of the field, each must still count on its own.
    private static readonly LeadCondition[] EmployeeRanges =
    [
        LeadCondition.When("employees >= 50", AttributeCondition.AtLeast(LeadField.EmployeeCount, 50)),
        LeadCondition.When("employees <= 10", AttributeCondition.AtMost(LeadField.EmployeeCount, 10)),
        LeadCondition.When("employees 20-200", AttributeCondition.Between(LeadField.EmployeeCount, 20, 200)),
    ];

    private static readonly LeadCondition[] FeatureAndSignalConditions =
    [
        LeadCondition.ValueIs(LeadFeature.Source, "referral"),
        LeadCondition.ValueIs(LeadFeature.Seniority, "CLevel"),
        LeadCondition.ValueIs(LeadFeature.CompanySize(10, 100), "10-99"),
        LeadCondition.ValueIs(LeadFeature.Industry, LeadFeature.Missing),
        LeadCondition.ValueIs(LeadFeature.CustomText(new CustomFieldKey("plan")), "pro"),
        LeadCondition.SignalPresent(EngagementSignalKind.DemoRequested),
        LeadCondition.ValueIs(LeadFeature.SignalPresent(EngagementSignalKind.PricingPageView), "no"),
    ];

    [Fact]
    public void ToRuleSetJson_FeatureAndSignalConditions_WritesTheDocumentedRuleSetFormat()
    {
        var conditions = FeatureAndSignalConditions;
        var scorecard = new ScorecardTrainer(conditions, new ScorecardOptions { L2 = 1, MinimumWon = 1, MinimumLost = 1 }).Train(History());

        using var document = JsonDocument.Parse(scorecard.ToRuleSetJson("learned"));
        var root = document.RootElement;
        var rules = root.GetProperty("rules").EnumerateArray().ToArray();

        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("learned", root.GetProperty("name").GetString());
        Assert.Equal(conditions.Length + 1, rules.Length);
        Assert.Equal("base points", rules[0].GetProperty("name").GetString());

        // "Pricing page absent: p" is written as +p in the base and −p on the signal rule.
        Assert.Equal(scorecard.BasePoints + scorecard.Entries[6].Points, rules[0].GetProperty("points").GetInt32());
        Assert.Equal(-scorecard.Entries[6].Points, rules[7].GetProperty("points").GetInt32());
        Assert.Equal(["source = referral", "seniority = CLevel", "company_size = 10-99", "industry = (none)", "field:plan = pro", "signal:demo_requested = yes", "signal:pricing_page_view = no"],
            rules.Skip(1).Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(scorecard.Entries.Take(6).Select(e => e.Points), rules.Skip(1).Take(6).Select(r => r.GetProperty("points").GetInt32()));
        Assert.Equal("""{"field":"source","op":"equals","values":["referral"]}""", Compact(rules[1].GetProperty("when")));
        Assert.Equal("""{"field":"contact.seniority","op":"equals","values":["cLevel"]}""", Compact(rules[2].GetProperty("when")));
        Assert.Equal("""{"field":"company.employeeCount","op":"between","min":10,"max":99}""", Compact(rules[3].GetProperty("when")));
        Assert.Equal("""{"field":"company.industry","op":"notExists"}""", Compact(rules[4].GetProperty("when")));
        Assert.Equal("""{"field":"custom","key":"plan","op":"equals","values":["pro"]}""", Compact(rules[5].GetProperty("when")));
        Assert.Equal(("signal", "engagement", "demo_requested", 1),
            (rules[6].GetProperty("type").GetString(), rules[6].GetProperty("dimension").GetString(), rules[6].GetProperty("signals")[0].GetString(), rules[6].GetProperty("maxOccurrences").GetInt32()));
    }

    [Fact]
    public void ToRuleSetJson_LoadedAsARuleSet_ScoresEveryLeadLikeTheScorecard()
    {
        var conditions = FeatureAndSignalConditions;
        var history = History();
        var scorecard = new ScorecardTrainer(conditions, new ScorecardOptions { L2 = 1, MinimumWon = 1, MinimumLost = 1 }).Train(history);

        var model = RuleSetLoading.Load(scorecard.ToRuleSetJson("learned"));

        foreach (var example in history)
        {
            Assert.Equal(scorecard.Score(example.Lead, example.DecidedAt).Total, model.Score(example.Lead, example.DecidedAt).Total);
        }
    }

    [Fact]
    public void ToRuleSetJson_AttributeConditions_AreWrittenAsTheirWhenObjectsAndScoreTheSame()
    {
        LeadCondition[] conditions =
        [
            LeadCondition.When("employees >= 100", AttributeCondition.AtLeast(LeadField.EmployeeCount, 100)),
            LeadCondition.When("decision maker with budget", AttributeCondition.All(
                AttributeCondition.IsAnyOf(LeadField.Seniority, "Director", "VicePresident", "CLevel", "Owner"),
                AttributeCondition.Is(LeadField.BantBudget, "Confirmed"))),
            LeadCondition.When("not on the pro plan", AttributeCondition.Not(AttributeCondition.Custom(new CustomFieldKey("plan"), FieldOperator.Equals, ["pro"]))),
            LeadCondition.SignalPresent(EngagementSignalKind.DemoRequested),
        ];
        var history = History();
        var scorecard = new ScorecardTrainer(conditions, new ScorecardOptions { L2 = 1, MinimumWon = 1, MinimumLost = 1 }).Train(history);

        var json = scorecard.ToRuleSetJson("learned");
        var rules = JsonDocument.Parse(json).RootElement.GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal("""{"field":"company.employeeCount","op":"atLeast","min":100}""", Compact(rules[1].GetProperty("when")));
        Assert.Equal("""{"all":[{"field":"contact.seniority","op":"in","values":["director","vicePresident","cLevel","owner"]},{"field":"bant.budget","op":"equals","values":["confirmed"]}]}""", Compact(rules[2].GetProperty("when")));
        Assert.Equal("""{"not":{"field":"custom","key":"plan","op":"equals","values":["pro"]}}""", Compact(rules[3].GetProperty("when")));

        var model = RuleSetLoading.Load(json);
        foreach (var example in history)
        {
            var expected = conditions.Where(c => c.IsMet(example.Lead, example.DecidedAt)).Sum(c => scorecard.Entries.Single(e => e.Condition == c).Points) + scorecard.BasePoints;
            Assert.Equal(expected, scorecard.Score(example.Lead, example.DecidedAt).Total);
            Assert.Equal(expected, scorecard.ScoreFromTables(example.Lead, example.DecidedAt).Total);
            Assert.Equal(expected, model.Score(example.Lead, example.DecidedAt).Total);
        }
    }

    [Fact]
    public void Score_RangeAndNamedConditionsSharingFields_GiveThePointsOfEveryConditionMet()
    {
        // Several conditions on one field are tested from one read of the field; each must still count on its own.
        LeadCondition[] conditions =
        [
            .. EmployeeRanges,
            LeadCondition.When("decision maker", AttributeCondition.IsAnyOf(LeadField.Seniority, "Director", "VicePresident", "CLevel", "Owner")),
            LeadCondition.When("not a student", AttributeCondition.IsNoneOf(LeadField.Seniority, "Student")),
            LeadCondition.When("budget confirmed", AttributeCondition.Is(LeadField.BantBudget, "Confirmed"), ScoreDimension.Engagement),
            LeadCondition.When("budget known", AttributeCondition.Create(LeadField.BantBudget, FieldOperator.NotEquals, ["Unknown"])),
        ];
        var history = History();
        var scorecard = new ScorecardTrainer(conditions, new ScorecardOptions { L2 = 1, MinimumWon = 1, MinimumLost = 1 }).Train(history);
        var model = RuleSetLoading.Load(scorecard.ToRuleSetJson("learned"));

        foreach (var example in history)
        {
            var met = scorecard.Entries.Where(e => e.Condition.Attribute!.Matches(example.Lead)).ToArray();
            var score = scorecard.Score(example.Lead, example.DecidedAt);
            Assert.Equal(scorecard.BasePoints + met.Where(e => e.Condition.Dimension == ScoreDimension.Fit).Sum(e => e.Points), score.Fit);
            Assert.Equal(met.Where(e => e.Condition.Dimension == ScoreDimension.Engagement).Sum(e => e.Points), score.Engagement);
            Assert.Equal(score.Total, model.Score(example.Lead, example.DecidedAt).Total);
            Assert.Equal(score, scorecard.ScoreFromTables(example.Lead, example.DecidedAt));
        }
    }

    [Fact]
    public void Score_LeadsOnAndNextToRangeBounds_MeetExactlyTheConditionsTheirAttributeMatches()
    {
        var history = History();

        // A steep scaling, so no condition rounds to 0 points and every bound decides the score.
        var steep = new ScorecardOptions { L2 = 1, MinimumWon = 1, MinimumLost = 1, Scaling = new ScorecardScaling(500, 1, 10_000) };
        var scorecard = new ScorecardTrainer(EmployeeRanges, steep).Train(history);
        Assert.All(scorecard.Entries, e => Assert.NotEqual(0, e.Points));
        var template = history.First(h => h.Lead.Company is not null).Lead;

        foreach (var employees in new[] { 9, 10, 11, 19, 20, 21, 49, 50, 51, 199, 200, 201 })
        {
            var lead = template with { Company = template.Company! with { EmployeeCount = employees } };
            var expected = scorecard.BasePoints + scorecard.Entries.Where(e => e.Condition.Attribute!.Matches(lead)).Sum(e => e.Points);
            Assert.Equal(expected, scorecard.Score(lead, LeadBuilder.Now).Total);
            Assert.Equal(expected, scorecard.ScoreFromTables(lead, LeadBuilder.Now).Total);
        }
    }

    [Fact]
    public void When_InvalidCondition_ThrowsNamingEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => LeadCondition.When("bad", AttributeCondition.All(
            AttributeCondition.Between(LeadField.EmployeeCount, 500, 10),
            AttributeCondition.Contains(LeadField.EmployeeCount, "x"))));

        Assert.Equal("condition", ex.ParamName);
        Assert.Contains("condition.all[0].max: must not be below min", ex.Message, StringComparison.Ordinal);
        Assert.Contains("condition.all[1].op: 'contains' cannot be used with the number field 'company.employeeCount'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRuleSetJson_ApplicationPredicate_IsNamedAsHavingNoJsonForm()
    {
        LeadCondition[] conditions = [LeadCondition.ValueIs(LeadFeature.Source, "referral"), LeadCondition.Create("big spender", (l, _) => l.Bant.Budget == BantStatus.Confirmed)];
        var scorecard = new ScorecardTrainer(conditions, new ScorecardOptions { MinimumWon = 1, MinimumLost = 1 }).Train(History());

        var ex = Assert.Throws<InvalidOperationException>(() => scorecard.ToRuleSetJson("learned"));
        Assert.Contains("'big spender' is an application predicate", ex.Message, StringComparison.Ordinal);
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    private static List<HistoricalLead> History()
    {
        var random = new Random(3);
        string[] sources = ["referral", "webinar", "purchased_list"];
        var history = new List<HistoricalLead>();
        for (var i = 0; i < 400; i++)
        {
            var builder = LeadBuilder.New()
                .From(new Abstractions.Sources.LeadSource(sources[random.Next(3)]))
                .WithContact(seniority: (Seniority)random.Next(0, 9))
                .WithField("plan", CustomFieldValue.FromText(random.Next(2) == 0 ? "pro" : "free"))
                .WithBant(budget: random.Next(2) == 0 ? BantStatus.Confirmed : BantStatus.Unknown);
            if (random.Next(3) > 0)
            {
                builder.AtCompany(industry: "software", employees: random.Next(1, 300));
            }

            if (random.Next(3) == 0)
            {
                builder.Did(EngagementSignalKind.DemoRequested, daysAgo: 2);
            }

            if (random.Next(2) == 0)
            {
                builder.Did(EngagementSignalKind.PricingPageView, daysAgo: 3);
            }

            history.Add(new HistoricalLead(builder.Build(), LeadBuilder.Now, random.Next(4) == 0));
        }

        return history;
    }
}
