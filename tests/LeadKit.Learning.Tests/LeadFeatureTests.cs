using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Learning;
using LeadKit.Learning.Backtesting;
using LeadKit.Learning.NaiveBayes;
using LeadKit.Testing;

namespace LeadKit.Learning.Tests;

public sealed class LeadFeatureTests
{
    [Fact]
    public void ValueOf_BuiltInFeatures_ReadTheLead()
    {
        var lead = LeadBuilder.New().From(LeadSource.Referral).AtCompany(industry: "software", country: "BR", employees: 120)
            .WithContact(seniority: Seniority.Director).NeedsToBuyNow().Build();

        Assert.Equal("referral", LeadFeature.Source.ValueOf(lead, LeadBuilder.Now));
        Assert.Equal("software", LeadFeature.Industry.ValueOf(lead, LeadBuilder.Now));
        Assert.Equal("BR", LeadFeature.Country.ValueOf(lead, LeadBuilder.Now));
        Assert.Equal("director", LeadFeature.Seniority.ValueOf(lead, LeadBuilder.Now));
        Assert.Equal("immediate", LeadFeature.Timeframe.ValueOf(lead, LeadBuilder.Now));
        Assert.Equal("50-249", LeadFeature.CompanySize().ValueOf(lead, LeadBuilder.Now));
    }

    [Fact]
    public void ValueOf_NoCompany_IsMissing()
    {
        var lead = LeadBuilder.New().Build();
        Assert.Equal(LeadFeature.Missing, LeadFeature.Industry.ValueOf(lead, LeadBuilder.Now));
        Assert.Equal(LeadFeature.Missing, LeadFeature.Country.ValueOf(lead, LeadBuilder.Now));
        Assert.Equal(LeadFeature.Missing, LeadFeature.CompanySize().ValueOf(lead, LeadBuilder.Now));
    }

    [Theory]
    [InlineData(0, "<10")]
    [InlineData(9, "<10")]
    [InlineData(10, "10-99")]
    [InlineData(99, "10-99")]
    [InlineData(100, "100+")]
    public void CompanySize_Bands_LabelTheirRange(int employees, string expected)
    {
        var lead = LeadBuilder.New().AtCompany(employees: employees).Build();
        Assert.Equal(expected, LeadFeature.CompanySize(10, 100).ValueOf(lead, LeadBuilder.Now));
    }

    [Fact]
    public void CompanySize_BandsNotIncreasing_ThrowsNamingTheBand()
    {
        var ex = Assert.Throws<ArgumentException>(() => LeadFeature.CompanySize(10, 10));
        Assert.Contains("bandStarts[1] was 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignalPresent_SignalAfterTheMoment_DoesNotCount()
    {
        var lead = LeadBuilder.New().Did(EngagementSignalKind.DemoRequested, daysAgo: 1).Build();
        var feature = LeadFeature.SignalPresent(EngagementSignalKind.DemoRequested);
        Assert.Equal("signal:demo_requested", feature.Name);
        Assert.Equal("yes", feature.ValueOf(lead, LeadBuilder.Now));
        Assert.Equal("no", feature.ValueOf(lead, LeadBuilder.Now.AddDays(-2)));
    }

    [Fact]
    public void CustomText_ReadsTextFieldsOnly()
    {
        var feature = LeadFeature.CustomText(new CustomFieldKey("plan"));
        Assert.Equal("field:plan", feature.Name);
        Assert.Equal("pro", feature.ValueOf(LeadBuilder.New().WithField("plan", CustomFieldValue.FromText("pro")).Build(), LeadBuilder.Now));
        Assert.Equal(LeadFeature.Missing, feature.ValueOf(LeadBuilder.New().WithField("plan", CustomFieldValue.FromNumber(3)).Build(), LeadBuilder.Now));
    }


    [Fact]
    public void Of_TextNamedAndBooleanFields_ReadThemWithTheFieldVocabulary()
    {
        var lead = LeadBuilder.New().WithContact(jobTitle: "Head of IT", seniority: Seniority.VicePresident).DoNotContact().Build();

        Assert.Equal("contact.jobTitle", LeadFeature.Of(LeadField.JobTitle).Name);
        Assert.Equal("Head of IT", LeadFeature.Of(LeadField.JobTitle).ValueOf(lead, LeadBuilder.Now));
        Assert.Equal("vicePresident", LeadFeature.Of(LeadField.Seniority).ValueOf(lead, LeadBuilder.Now));
        Assert.Equal("yes", LeadFeature.Of(LeadField.DoNotContact).ValueOf(lead, LeadBuilder.Now));
        Assert.Equal("no", LeadFeature.Of(LeadField.Recycled).ValueOf(lead, LeadBuilder.Now));
        Assert.Equal(LeadFeature.Missing, LeadFeature.Of(LeadField.Region).ValueOf(lead, LeadBuilder.Now));
    }

    [Theory]
    [InlineData(LeadField.EmployeeCount, "'company.employeeCount' is a number field")]
    [InlineData(LeadField.Custom, "LeadFeature.CustomText(key)")]
    [InlineData(LeadField.None, "documented LeadField")]
    public void Of_FieldsThatAreNotCategories_AreRefusedSayingWhy(LeadField field, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => LeadFeature.Of(field));
        Assert.Equal("field", ex.ParamName);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueIs_BooleanFeature_MatchesLikeItsRuleForm()
    {
        var dnc = LeadCondition.ValueIs(LeadFeature.Of(LeadField.DoNotContact), "yes");
        Assert.Equal(FieldOperator.IsTrue, dnc.Attribute!.Operator);
        Assert.True(dnc.IsMet(LeadBuilder.New().DoNotContact().Build(), LeadBuilder.Now));
        Assert.False(dnc.IsMet(LeadBuilder.New().Build(), LeadBuilder.Now));
        Assert.Throws<ArgumentException>(() => LeadCondition.ValueIs(LeadFeature.Of(LeadField.DoNotContact), "maybe"));
    }

    [Fact]
    public void ForValues_NumberInACustomTextField_SaysTheFieldIsANumber()
    {
        // Before: the numbers read as "(none)", so every lead had the same value and training failed with "constant feature".
        var feature = LeadFeature.CustomText(new CustomFieldKey("score"));
        var history = Enumerable.Range(0, 8)
            .Select(i => new HistoricalLead(LeadBuilder.New().WithField("score", CustomFieldValue.FromNumber(i)).Build(), LeadBuilder.Now, i % 2 == 0))
            .ToList();

        var ex = Assert.Throws<InvalidHistoryException>(() => LeadCondition.ForValues(feature, history, minimumSupport: 1));

        Assert.Equal("history", ex.ParamName);
        Assert.StartsWith("history[0]: the custom attribute 'score' is a number, not text, so the feature 'field:score' cannot read it", ex.Problems[0], StringComparison.Ordinal);
        Assert.Contains("AttributeCondition.Custom(key, FieldOperator.AtLeast / AtMost / Between", ex.Problems[0], StringComparison.Ordinal);
        Assert.Equal(6, ex.Problems.Length); // five leads named, the other three counted
        Assert.Equal("3 more leads of history have the same problem for the feature 'field:score'.", ex.Problems[5]);
        Assert.DoesNotContain(ex.Problems, p => p.Contains("constant", StringComparison.Ordinal));
    }

    [Fact]
    public void NaiveBayes_NumberInACustomTextField_SaysTheFieldIsANumberNotConstant()
    {
        var history = Enumerable.Range(0, 40)
            .Select(i => new HistoricalLead(
                LeadBuilder.New().From(i % 3 == 0 ? LeadSource.Referral : LeadSource.Webinar).WithField("score", CustomFieldValue.FromNumber(i)).Build(),
                LeadBuilder.Now,
                i % 2 == 0))
            .ToList();
        var options = new NaiveBayesOptions { Features = { LeadFeature.Source, LeadFeature.CustomText(new CustomFieldKey("score")) }, MinimumWon = 1, MinimumLost = 1 };

        var ex = Assert.Throws<InvalidHistoryException>(() => new NaiveBayesTrainer(options).Train(history));

        Assert.StartsWith("history[0]: the custom attribute 'score' is a number, not text", ex.Problems[0], StringComparison.Ordinal);
        Assert.DoesNotContain(ex.Problems, p => p.Contains("constant feature", StringComparison.Ordinal));
    }

    [Fact]
    public void ValueIs_EmptyText_IsRefusedAtOnceNotWhenTheRuleSetIsLoaded()
    {
        var ex = Assert.Throws<ArgumentException>(() => LeadCondition.ValueIs(LeadFeature.Industry, ""));
        Assert.Equal("value", ex.ParamName);
        Assert.Contains("The value of 'industry' is invalid: must be 1 to", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForValues_EmptyText_GetsNoCondition()
    {
        string[] plans = ["", "", "pro", "pro"];
        var history = plans.Select(p => new HistoricalLead(LeadBuilder.New().WithField("plan", CustomFieldValue.FromText(p)).Build(), LeadBuilder.Now, false)).ToList();

        var conditions = LeadCondition.ForValues(LeadFeature.CustomText(new CustomFieldKey("plan")), history, minimumSupport: 1);

        Assert.Equal(["field:plan = pro"], conditions.Select(c => c.Name));
    }

    [Fact]
    public void ForValues_ValuesDifferingOnlyInCase_AreOneCondition()
    {
        var feature = LeadFeature.CustomText(new CustomFieldKey("plan"));
        string[] plans = ["pro", "Pro", "PRO", "free"];
        var history = plans.Select(p => new HistoricalLead(LeadBuilder.New().WithField("plan", CustomFieldValue.FromText(p)).Build(), LeadBuilder.Now, false)).ToList();

        var conditions = LeadCondition.ForValues(feature, history, minimumSupport: 2);

        var pro = Assert.Single(conditions);
        Assert.Equal("field:plan = PRO", pro.Name); // the ordinally first spelling
        Assert.All(history.Take(3), h => Assert.True(pro.IsMet(h.Lead, h.DecidedAt)));
    }
}
