using LeadKit.Abstractions.Routing;
using FsCheck;
using FsCheck.Xunit;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Routing;
using LeadKit.Testing;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

public sealed class TerritoryRulesStrategyTests
{
    private static readonly SalesTeamId Dach = new("dach");
    private static readonly SalesTeamId Enterprise = new("enterprise");
    private static readonly SalesTeamId Brazil = new("brazil");
    private static readonly SalesTeamId Inbound = new("inbound");

    private static RoutedPlan Plan(TestLedger state, params TerritoryRule[] rules) => Routing.Plan(state, b => b
        .AddReps([Rep("hans"), Rep("greta", weight: 3), Rep("erik"), Rep("joao"), Rep("maria"), Rep("ines")])
        .AddTeam(Dach, Id("hans"), Id("greta"))
        .AddTeam(Enterprise, Id("erik"))
        .AddTeam(Brazil, Id("joao"), Id("maria"))
        .AddTeam(Inbound, Id("ines"))
        .AddTerritoryRules(rules)
        .AddTeamStep(Inbound, RepSelection.RoundRobin, "inbound-fallback"));

    [Fact]
    public void Rules_LeadMatchesTwo_FirstRuleWins()
    {
        var plan = Plan(
            new TestLedger(),
            new TerritoryRule { Name = "dach", Team = Dach, When = In(LeadField.Country, "DE", "AT") },
            new TerritoryRule { Name = "enterprise", Team = Enterprise, When = Employees(1000) });

        var (result, explanation) = plan.Explain(LeadBuilder.New().AtCompany(employees: 5000, country: "DE").Build());

        Assert.Equal(Id("hans"), result.RepId);
        Assert.Equal("territory-rules", result.DecidedBy);
        Assert.Contains(explanation.Steps, s => s.Outcome.Contains("rule 'dach' matched", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_CompanySize_RoutesEnterpriseAccounts()
    {
        var plan = Plan(new TestLedger(), new TerritoryRule { Name = "enterprise", Team = Enterprise, When = Employees(1000, 100_000) });

        Assert.Equal("erik", plan.RouteTo(LeadBuilder.New().AtCompany(employees: 1000).Build()));
        Assert.Equal("ines", plan.RouteTo(LeadBuilder.New().AtCompany(employees: 999).Build()));
        Assert.Equal("ines", plan.RouteTo(LeadBuilder.New().Build())); // no company: size unknown, rule does not match
    }

    [Theory]
    [InlineData("region")]
    [InlineData("industry")]
    [InlineData("source")]
    [InlineData("language")]
    [InlineData("product")]
    public void Rules_EachCondition_MatchesOnlyLeadsWithThatValue(string condition)
    {
        var rule = condition switch
        {
            "region" => new TerritoryRule { Name = "r", Team = Brazil, When = In(LeadField.Region, "SP") },
            "industry" => new TerritoryRule { Name = "r", Team = Brazil, When = In(LeadField.Industry, "retail") },
            "source" => new TerritoryRule { Name = "r", Team = Brazil, When = In(LeadField.Source, LeadSource.Webinar.Value!) },
            "language" => new TerritoryRule { Name = "r", Team = Brazil, When = In(LeadField.Language, "pt") },
            _ => new TerritoryRule { Name = "r", Team = Brazil, When = FieldCondition.Custom(new CustomFieldKey("product"), FieldOperator.In, ["crm-pro"]) },
        };
        var plan = Plan(new TestLedger(), rule);
        var matching = condition switch
        {
            "region" => LeadBuilder.New().AtCompany(country: "BR", region: "sp"), // regions ignore case
            "industry" => LeadBuilder.New().AtCompany(industry: "retail"),
            "source" => LeadBuilder.New().From(LeadSource.Webinar),
            "language" => LeadBuilder.New().WithContact(language: "pt"),
            _ => LeadBuilder.New().WithField("product", CustomFieldValue.FromText("crm-pro")),
        };
        var other = condition switch
        {
            "region" => LeadBuilder.New().AtCompany(country: "BR", region: "RJ"),
            "industry" => LeadBuilder.New().AtCompany(industry: "software"),
            "source" => LeadBuilder.New().From(LeadSource.PurchasedList),
            "language" => LeadBuilder.New().WithContact(language: "en"),
            _ => LeadBuilder.New().WithField("product", CustomFieldValue.FromText("crm-lite")),
        };

        Assert.Equal("joao", plan.RouteTo(matching.Build()));
        Assert.Equal("ines", plan.RouteTo(other.Build()));
    }

    [Theory]
    [InlineData("Bavaria", "BAVARIA")]
    [InlineData("sp", "SP")]
    [InlineData("crm-pro", "CRM-Pro")]
    public void Rules_TextConditions_CompareIgnoringCaseLikeScoring(string ruleValue, string leadValue)
    {
        // Routing compared industries, languages and products case-sensitively before it used FieldCondition.
        var region = new TerritoryRule { Name = "r", Team = Brazil, When = In(LeadField.Region, ruleValue) };
        var product = new TerritoryRule { Name = "p", Team = Enterprise, When = FieldCondition.Custom(new CustomFieldKey("product"), FieldOperator.In, [ruleValue]) };
        var industry = new TerritoryRule { Name = "i", Team = Brazil, When = In(LeadField.Industry, "Retail") };

        Assert.Equal("joao", Plan(new TestLedger(), region).RouteTo(LeadBuilder.New().AtCompany(region: leadValue).Build()));
        Assert.Equal("erik", Plan(new TestLedger(), product).RouteTo(LeadBuilder.New().WithField("product", CustomFieldValue.FromText(leadValue)).Build()));
        Assert.Equal("joao", Plan(new TestLedger(), industry).RouteTo(LeadBuilder.New().AtCompany(industry: "retail").Build()));
    }

    [Property(MaxTest = 200)]
    public bool Rules_AnyCondition_RoutesExactlyWhenFieldConditionMatches(NonEmptyString country, NonEmptyString ruleCountry, bool negate)
    {
        // FieldCondition.Matches is the reference semantics: the territory step agrees with it for every lead.
        if (string.IsNullOrWhiteSpace(country.Get) || string.IsNullOrWhiteSpace(ruleCountry.Get))
        {
            return true; // a lead cannot hold a blank region; the builder refuses a blank value
        }

        var condition = FieldCondition.Create(LeadField.Region, negate ? FieldOperator.NotIn : FieldOperator.In, [ruleCountry.Get]);
        var plan = Plan(new TestLedger(), new TerritoryRule { Name = "r", Team = Brazil, When = condition });
        var lead = LeadBuilder.New().AtCompany(country: "BR", region: country.Get).Build();

        return (plan.RouteTo(lead) == "joao") == condition.Matches(lead);
    }

    [Fact]
    public void Rules_MatchedTeamHasNobodyEligible_LaterRulesNotTriedAndChainFallsBack()
    {
        var state = new TestLedger();
        var plan = Routing.Plan(state, b => b
            .AddReps([Rep("hans", availability: OutOfOfficeAround(Now)), Rep("erik"), Rep("ines")])
            .AddTeam(Dach, Id("hans"))
            .AddTeam(Enterprise, Id("erik"))
            .AddTeam(Inbound, Id("ines"))
            .AddTerritoryRules([
                new TerritoryRule { Name = "dach", Team = Dach, When = In(LeadField.Country, "DE") },
                new TerritoryRule { Name = "germany-too", Team = Enterprise, When = In(LeadField.Country, "DE") }])
            .AddTeamStep(Inbound, RepSelection.RoundRobin));

        var (result, explanation) = plan.Explain(LeadBuilder.New().AtCompany(country: "DE").Build());

        Assert.Equal(Id("ines"), result.RepId);
        Assert.Equal("team:inbound", result.DecidedBy);
        Assert.Contains(Skipped(Id("hans"), "territory-rules", RepSkipReason.OutOfOffice), explanation.Skipped);
        Assert.Equal(0, state.GetCounters(Id("erik")).Assigned);
    }

    [Fact]
    public void Rules_WeightedSelectionInsideTeam_SharesByWeight()
    {
        var plan = Plan(new TestLedger(), new TerritoryRule { Name = "dach", Team = Dach, When = In(LeadField.Country, "DE"), Selection = RepSelection.WeightedRoundRobin });
        var lead = LeadBuilder.New().AtCompany(country: "DE").Build();

        var chosen = Enumerable.Range(0, 8).Select(_ => plan.RouteTo(lead)).ToArray();

        Assert.Equal(6, chosen.Count(c => c == "greta")); // weight 3 of 4
        Assert.Equal(2, chosen.Count(c => c == "hans"));
    }

    [Fact]
    public void AttributeMatching_RepsDeclareCoverage_OnlyCoveringRepsChosen()
    {
        RoutedPlan NewPlan() => Routing.Plan(new TestLedger(), b => b
            .AddReps([
                Rep("hans") with { Countries = [new CountryCode("DE")], Languages = ["de"] },
                Rep("joao") with { Countries = [new CountryCode("BR")], Products = ["crm-pro"] },
                Rep("any")])
            .AddAttributeMatching(RepSelection.RoundRobin));
        var plan = NewPlan();
        var brazilianProLead = LeadBuilder.New().AtCompany(country: "BR").WithField("product", CustomFieldValue.FromText("crm-pro")).Build();

        Assert.Equal(new[] { "joao", "any", "joao" }, Enumerable.Range(0, 3).Select(_ => plan.RouteTo(brazilianProLead)).ToArray());
        var (result, explanation) = NewPlan().Explain(LeadBuilder.New().AtCompany(country: "DE").WithContact(language: "en").Build());
        Assert.Equal(Id("any"), result.RepId);
        Assert.Contains(Skipped(Id("hans"), "attribute-matching", RepSkipReason.AttributesNotCovered), explanation.Skipped);
    }
}
