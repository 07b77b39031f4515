using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Rules;

public class AttributeConditionTests
{
    private static readonly Lead Lead = LeadBuilder.New()
        .WithContact(email: "ana@Firm.example", jobTitle: "Head of Sales Operations", seniority: Seniority.Director)
        .AtCompany(employees: 250, industry: "software", country: "BR", domain: "firm.example")
        .WithTimeframe(PurchaseTimeframe.WithinDays(45))
        .WithBant(BantStatus.Confirmed, BantStatus.Confirmed)
        .WithField("plan", CustomFieldValue.FromText("pro"))
        .WithField("seats", CustomFieldValue.FromNumber(25))
        .WithField("trial", CustomFieldValue.FromBoolean(true))
        .Build();

    [Theory]
    [InlineData(LeadField.Industry, FieldOperator.Equals, "SOFTWARE", true)]
    [InlineData(LeadField.Industry, FieldOperator.NotEquals, "software", false)]
    [InlineData(LeadField.Country, FieldOperator.In, "DE,BR", true)]
    [InlineData(LeadField.Country, FieldOperator.NotIn, "DE,US", true)]
    [InlineData(LeadField.JobTitle, FieldOperator.StartsWith, "head of", true)]
    [InlineData(LeadField.JobTitle, FieldOperator.EndsWith, "operations", true)]
    [InlineData(LeadField.JobTitle, FieldOperator.Contains, "vp,sales", true)]
    [InlineData(LeadField.JobTitle, FieldOperator.Contains, "student", false)]
    [InlineData(LeadField.EmailDomain, FieldOperator.Equals, "firm.example", true)]
    [InlineData(LeadField.Seniority, FieldOperator.In, "director,vicePresident", true)]
    [InlineData(LeadField.TimeframeKind, FieldOperator.Equals, "withinDays", true)]
    [InlineData(LeadField.BantBudget, FieldOperator.Equals, "confirmed", true)]
    [InlineData(LeadField.BantNeed, FieldOperator.Equals, "confirmed", false)]
    [InlineData(LeadField.Region, FieldOperator.NotEquals, "SP", false)]
    public void Matches_TextAndNamedOperators(LeadField field, FieldOperator op, string values, bool expected)
    {
        Assert.Equal(expected, AttributeCondition.Create(field, op, [.. values.Split(',')]).Matches(Lead));
    }

    [Fact]
    public void Matches_NumberBooleanAndExistence()
    {
        Assert.True(AttributeCondition.Between(LeadField.EmployeeCount, 50, 250).Matches(Lead));
        Assert.False(AttributeCondition.AtLeast(LeadField.EmployeeCount, 251).Matches(Lead));
        Assert.True(AttributeCondition.AtMost(LeadField.TimeframeDays, 60).Matches(Lead));
        Assert.True(AttributeCondition.AtLeast(LeadField.BantConfirmedCount, 2).Matches(Lead));
        Assert.False(AttributeCondition.IsTrue(LeadField.EmailIsFreeMail).Matches(Lead));
        Assert.True(AttributeCondition.Create(LeadField.DoNotContact, FieldOperator.IsFalse).Matches(Lead));
        Assert.True(AttributeCondition.Exists(LeadField.CompanyDomain).Matches(Lead));
        Assert.True(AttributeCondition.Create(LeadField.Region, FieldOperator.NotExists).Matches(Lead));
        Assert.False(AttributeCondition.Exists(LeadField.AnnualRevenue).Matches(Lead));
    }

    [Fact]
    public void Matches_CustomAttributesByType()
    {
        Assert.True(AttributeCondition.Custom(new CustomFieldKey("plan"), FieldOperator.In, ["basic", "pro"]).Matches(Lead));
        Assert.True(AttributeCondition.Custom(new CustomFieldKey("seats"), FieldOperator.AtLeast, min: 10).Matches(Lead));
        Assert.True(AttributeCondition.Custom(new CustomFieldKey("trial"), FieldOperator.IsTrue).Matches(Lead));
        Assert.False(AttributeCondition.Custom(new CustomFieldKey("seats"), FieldOperator.Equals, ["25"]).Matches(Lead));
        Assert.False(AttributeCondition.Custom(new CustomFieldKey("missing"), FieldOperator.Exists).Matches(Lead));
    }

    [Fact]
    public void Matches_AllAnyNot()
    {
        var software = AttributeCondition.Is(LeadField.Industry, "software");
        var retail = AttributeCondition.Is(LeadField.Industry, "retail");

        Assert.True(AttributeCondition.Any(retail, software).Matches(Lead));
        Assert.False(AttributeCondition.All(retail, software).Matches(Lead));
        Assert.True(AttributeCondition.Not(retail).Matches(Lead));
    }

    [Fact]
    public void EmailDomainRule_TellsBusinessFromFreeMail()
    {
        var rule = SalesRules.EmailDomain("email", 10, -5);

        Assert.Equal(10, rule.Evaluate(Lead, LeadBuilder.Now));
        Assert.Equal(-5, rule.Evaluate(LeadBuilder.New().WithContact(email: "ana@gmail.com").Build(), LeadBuilder.Now));
        Assert.Equal(0, rule.Evaluate(LeadBuilder.New().Build(), LeadBuilder.Now));
    }
}
