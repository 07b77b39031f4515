using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Testing;

namespace LeadKit.Abstractions.Tests.Fields;

/// <summary>The reference semantics of every operator, as a sales person would state them, and validation.</summary>
public class FieldConditionTests
{
    private static readonly Lead Lead = LeadBuilder.New()
        .WithContact(email: "ana@firm.example", jobTitle: "Head of Sales Operations", seniority: Seniority.Director)
        .AtCompany(employees: 250, industry: "software", country: "BR", domain: "firm.example")
        .WithTimeframe(PurchaseTimeframe.WithinDays(45))
        .WithField("plan", CustomFieldValue.FromText("Pro"))
        .WithField("seats", CustomFieldValue.FromNumber(25))
        .Build();

    private static readonly Lead Empty = LeadBuilder.New().Build();

    [Theory]
    [InlineData(LeadField.Industry, FieldOperator.Equals, "SOFTWARE", true)]
    [InlineData(LeadField.Industry, FieldOperator.NotEquals, "Software", false)]
    [InlineData(LeadField.Country, FieldOperator.In, "de,br", true)]
    [InlineData(LeadField.Country, FieldOperator.NotIn, "DE,US", true)]
    [InlineData(LeadField.JobTitle, FieldOperator.StartsWith, "HEAD OF", true)]
    [InlineData(LeadField.JobTitle, FieldOperator.EndsWith, "operations", true)]
    [InlineData(LeadField.JobTitle, FieldOperator.Contains, "vp,SALES", true)]
    [InlineData(LeadField.JobTitle, FieldOperator.Contains, "student", false)]
    [InlineData(LeadField.Seniority, FieldOperator.In, "DIRECTOR,vicePresident", true)]
    [InlineData(LeadField.Seniority, FieldOperator.NotEquals, "director", false)]
    public void Matches_Text_IgnoresCaseOrdinally(LeadField field, FieldOperator op, string values, bool expected)
    {
        Assert.Equal(expected, FieldCondition.Create(field, op, [.. values.Split(',')]).Matches(Lead));
    }

    [Fact]
    public void Matches_MissingValue_MatchesOnlyNotExists()
    {
        Assert.False(FieldCondition.Create(LeadField.Industry, FieldOperator.NotEquals, ["retail"]).Matches(Empty));
        Assert.False(FieldCondition.Create(LeadField.Industry, FieldOperator.NotIn, ["retail"]).Matches(Empty));
        Assert.False(FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.AtMost, max: 10).Matches(Empty));
        Assert.False(FieldCondition.Create(LeadField.EmailIsFreeMail, FieldOperator.IsFalse).Matches(Empty));
        Assert.True(FieldCondition.Create(LeadField.Industry, FieldOperator.NotExists).Matches(Empty));
        Assert.False(FieldCondition.Create(LeadField.Industry, FieldOperator.Exists).Matches(Empty));
    }

    [Fact]
    public void Matches_Numbers_IncludeTheirBounds()
    {
        Assert.True(FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.Between, min: 250, max: 250).Matches(Lead));
        Assert.True(FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.AtLeast, min: 250).Matches(Lead));
        Assert.False(FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.AtLeast, min: 250.5).Matches(Lead));
        Assert.True(FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.Equals, min: 250).Matches(Lead));
        Assert.True(FieldCondition.Create(LeadField.TimeframeDays, FieldOperator.AtMost, max: 45).Matches(Lead));
    }

    [Fact]
    public void Matches_CustomAttribute_HasTheTypeOfTheLeadsValue()
    {
        Assert.True(FieldCondition.Custom(new CustomFieldKey("plan"), FieldOperator.Equals, ["pro"]).Matches(Lead));
        Assert.True(FieldCondition.Custom(new CustomFieldKey("seats"), FieldOperator.AtLeast, min: 10).Matches(Lead));
        Assert.False(FieldCondition.Custom(new CustomFieldKey("seats"), FieldOperator.Equals, ["25"]).Matches(Lead));
        Assert.False(FieldCondition.Custom(new CustomFieldKey("plan"), FieldOperator.AtLeast, min: 0).Matches(Lead));
    }

    [Fact]
    public void Matches_AllAnyNot()
    {
        var software = FieldCondition.Create(LeadField.Industry, FieldOperator.Equals, ["software"]);
        var retail = FieldCondition.Create(LeadField.Industry, FieldOperator.Equals, ["retail"]);
        Assert.True(FieldCondition.Any(retail, software).Matches(Lead));
        Assert.False(FieldCondition.All(retail, software).Matches(Lead));
        Assert.True(FieldCondition.Not(retail).Matches(Lead));
    }

    [Fact]
    public void Validate_ValidConditions_ReportNothing()
    {
        var problems = new List<ConfigurationProblem>();
        FieldCondition.All(
            FieldCondition.Create(LeadField.Seniority, FieldOperator.In, ["director", "cLevel"]),
            FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.Between, min: 10, max: 500),
            FieldCondition.Not(FieldCondition.Create(LeadField.DoNotContact, FieldOperator.IsTrue)),
            FieldCondition.Custom(new CustomFieldKey("seats"), FieldOperator.Equals, min: 5)).Validate("when", problems);
        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_InvalidConditions_ReportEveryProblemWithPathAndCode()
    {
        var problems = new List<ConfigurationProblem>();
        FieldCondition.All(
            FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.Contains, ["x"]),
            FieldCondition.Create(LeadField.Seniority, FieldOperator.Equals, ["emperor"]),
            FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.Between, min: 10, max: 5),
            FieldCondition.Create(LeadField.Industry, FieldOperator.Equals, ["a", "b"]),
            FieldCondition.Create(LeadField.DoNotCall, FieldOperator.IsTrue, ["x"]),
            FieldCondition.Custom(default, FieldOperator.Exists),
            FieldCondition.Any()).Validate("when", problems);

        Assert.Equal(
        [
            ("when.all[0].op", ConfigurationProblemCodes.Conflict),
            ("when.all[1].values[0]", ConfigurationProblemCodes.InvalidValue),
            ("when.all[2].max", ConfigurationProblemCodes.OutOfRange),
            ("when.all[3].values", ConfigurationProblemCodes.TooMany),
            ("when.all[4].values", ConfigurationProblemCodes.UnknownProperty),
            ("when.all[5].key", ConfigurationProblemCodes.Required),
            ("when.all[6].any", ConfigurationProblemCodes.Required),
        ], problems.Select(p => (p.Path, p.Code)));
        Assert.DoesNotContain(problems, p => p.Message.Contains("emperor", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NestingDeeperThanTheLimit_IsRefused()
    {
        var condition = FieldCondition.Create(LeadField.Recycled, FieldOperator.IsTrue);
        for (var i = 0; i < FieldCondition.MaximumDepth; i++)
        {
            condition = FieldCondition.Not(condition);
        }

        var problems = new List<ConfigurationProblem>();
        condition.Validate("when", problems);
        Assert.Empty(problems);

        FieldCondition.Not(condition).Validate("when", problems);
        Assert.Contains(problems, p => p.Code == ConfigurationProblemCodes.TooDeep);
    }
}
