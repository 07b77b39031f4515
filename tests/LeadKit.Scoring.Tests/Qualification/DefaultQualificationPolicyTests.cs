using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Qualification;

public class DefaultQualificationPolicyTests
{
    private static readonly DateTimeOffset Now = LeadBuilder.Now;

    [Fact]
    public void Assess_DemoRequestWithBant_IsHotAndSql()
    {
        var assessor = new LeadAssessor(SalesModels.B2B());
        var lead = LeadBuilder.New()
            .WithContact(email: "ana@firm.example", jobTitle: "Head of Sales", seniority: Seniority.Director)
            .AtCompany(employees: 250, industry: "software")
            .Did(EngagementSignalKind.DemoRequested, daysAgo: 1)
            .WithBant(BantStatus.Confirmed, BantStatus.Confirmed, BantStatus.Confirmed)
            .Build();

        var assessment = assessor.Assess(lead, Now);

        Assert.Equal(Temperature.Hot, assessment.Temperature);
        Assert.Equal(QualificationLevel.Sql, assessment.Qualification.Level);
        Assert.True(assessment.Qualification.IsSalesQualified);
    }

    [Fact]
    public void Assess_DemoRequestWithoutBudget_IsHotButNotSql()
    {
        var assessor = new LeadAssessor(SalesModels.B2B());
        var lead = LeadBuilder.New().Did(EngagementSignalKind.DemoRequested, daysAgo: 1).WithBant(BantStatus.Unknown, BantStatus.Confirmed, BantStatus.Confirmed).Build();

        var assessment = assessor.Assess(lead, Now);

        Assert.Equal(Temperature.Hot, assessment.Temperature);
        Assert.NotEqual(QualificationLevel.Sql, assessment.Qualification.Level);
        Assert.Contains("BANT not confirmed: budget", assessment.Qualification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_PurchasedListWithoutEngagement_IsColdAndUnqualified()
    {
        var assessor = new LeadAssessor(SalesModels.B2B());
        var lead = LeadBuilder.New().From(LeadSource.PurchasedList).CreatedDaysAgo(3).Build();

        var assessment = assessor.Assess(lead, Now);

        Assert.Equal(Temperature.Cold, assessment.Temperature);
        Assert.Equal(QualificationLevel.Unqualified, assessment.Qualification.Level);
        Assert.Equal(DisqualificationReason.None, assessment.Qualification.Disqualification);
    }

    [Fact]
    public void Qualify_FitAndEngagementBothMet_IsMql()
    {
        var policy = new DefaultQualificationPolicy();
        var lead = LeadBuilder.New().Did(EngagementSignalKind.WebinarAttended).Build();

        Assert.Equal(QualificationLevel.Mql, policy.Qualify(lead, new LeadScore(40, 30, 70), Now).Level);
        Assert.Equal(QualificationLevel.Unqualified, policy.Qualify(lead, new LeadScore(90, 29, 119), Now).Level);
        Assert.Equal(QualificationLevel.Unqualified, policy.Qualify(lead, new LeadScore(39, 90, 129), Now).Level);
    }

    [Fact]
    public void Qualify_TotalRule_UsesTheTotal()
    {
        var policy = new DefaultQualificationPolicy(new QualificationOptions { MqlRule = MqlRule.Total, MqlTotalThreshold = 100 });
        var lead = LeadBuilder.New().Did(EngagementSignalKind.WebinarAttended).Build();

        Assert.Equal(QualificationLevel.Mql, policy.Qualify(lead, new LeadScore(90, 10, 100), Now).Level);
        Assert.Equal(QualificationLevel.Unqualified, policy.Qualify(lead, new LeadScore(90, 9, 99), Now).Level);
    }

    [Fact]
    public void Qualify_NoInterestShown_IsNotMqlWhateverTheScore()
    {
        var policy = new DefaultQualificationPolicy();
        var lead = LeadBuilder.New().Build();

        var result = policy.Qualify(lead, new LeadScore(90, 90, 180), Now);

        Assert.Equal(QualificationLevel.Unqualified, result.Level);
    }

    [Fact]
    public void Qualify_DoNotContact_IsDisqualified()
    {
        var result = new DefaultQualificationPolicy().Qualify(LeadBuilder.New().DoNotContact().NeedsToBuyNow().WithFullBant().Build(), new LeadScore(90, 90, 180), Now);

        Assert.Equal(DisqualificationReason.DoNotContact, result.Disqualification);
        Assert.False(result.IsMarketingQualified);
    }

    [Fact]
    public void Qualify_BoughtFromCompetitor_IsSetAsideForNurture()
    {
        var lead = LeadBuilder.New().WithField("bought_from_competitor", CustomFieldValue.FromBoolean(true)).Did(EngagementSignalKind.PageView).Build();

        var result = new DefaultQualificationPolicy().Qualify(lead, new LeadScore(90, 90, 180), Now);

        Assert.Equal(DisqualificationReason.BoughtFromCompetitor, result.Disqualification);
    }

    [Fact]
    public void Qualify_NoNeed_IsDiscardedForNoBuyingIntent()
    {
        var lead = LeadBuilder.New().WithBant(need: BantStatus.NotMet).Did(EngagementSignalKind.PageView).Build();

        var result = new DefaultQualificationPolicy().Qualify(lead, new LeadScore(90, 90, 180), Now);

        Assert.Equal(DisqualificationReason.NoBuyingIntent, result.Disqualification);
    }

    [Fact]
    public void Qualify_ImmediateTimeframeAndConfiguredBant_IsSql()
    {
        var policy = new DefaultQualificationPolicy(new QualificationOptions { SqlRequiredBant = BantCriteria.Budget });
        var lead = LeadBuilder.New().NeedsToBuyNow().WithBant(budget: BantStatus.Confirmed).Build();

        Assert.Equal(QualificationLevel.Sql, policy.Qualify(lead, default, Now).Level);
    }

    [Fact]
    public void Options_Invalid_ReportEveryProblemByName()
    {
        var options = new QualificationOptions { MqlFitThreshold = double.NaN, ImmediateIntentMaxAge = TimeSpan.Zero };

        var ex = Assert.Throws<ConfigurationException>(() => new DefaultQualificationPolicy(options));

        // The path names the option, the code says what kind of rule it broke; the message never echoes the value.
        Assert.Equal(2, ex.Problems.Length);
        Assert.Contains(ex.Problems, p => p.Path == "QualificationOptions.MqlFitThreshold" && p.Code == ConfigurationProblemCodes.OutOfRange);
        Assert.Contains(ex.Problems, p => p.Path == "QualificationOptions.ImmediateIntentMaxAge" && p.Code == ConfigurationProblemCodes.OutOfRange);
        Assert.DoesNotContain(ex.Problems, p => p.Message.Contains("NaN", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_BelowMql_SaysHowManyPointsAreMissing()
    {
        var assessor = new LeadAssessor(SalesModels.B2B());
        var lead = LeadBuilder.New().From(LeadSource.Referral).WithContact(seniority: Seniority.CLevel).AtCompany(employees: 100, industry: "software").Did(EngagementSignalKind.WebinarAttended, daysAgo: 0).Build();

        var card = assessor.Explain(lead, Now).ScoreCard!;

        // Fit 20 + 15 + 10 + 10 = 55 >= 40; engagement 10 of the 30 an MQL needs.
        var distance = Assert.Single(card.Distances);
        Assert.Equal("mql", distance.Target);
        Assert.Equal(ScoreDimension.Engagement, distance.Dimension);
        Assert.Equal(20, distance.PointsNeeded, 9);
        Assert.Equal("+20 engagement points would make this lead mql", distance.ToString());
    }

    [Fact]
    public void Grade_FitAndEngagement_GiveTheMatrixCell()
    {
        Assert.Equal("A1", LeadGrade.From(new LeadScore(70, 60, 130)).ToString());
        Assert.Equal("B2", LeadGrade.From(new LeadScore(30, 20, 50)).ToString());
        Assert.Equal("C3", LeadGrade.From(new LeadScore(29.9, 19.9, 49.8)).ToString());
    }
}
