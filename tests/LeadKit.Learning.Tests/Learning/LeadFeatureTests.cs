using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Learning;
using LeadKit.Testing;

namespace LeadKit.Learning.Tests.Learning;

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
}
