using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Scoring.DependencyInjection;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Qualification;
using LeadKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadKit.Funnel.Tests.DependencyInjection;

/// <summary>The funnel wired to real scoring in a real generic host: the qualification choice is explicit and checked at start-up.</summary>
public sealed class FunnelScoringHostTests
{
    private static readonly DateTimeOffset Now = LeadBuilder.Now;

    // Thresholds far from the defaults (40/30), so a guard that ignored them would disagree with the assessor.
    private const string RuleSet = """
        {
          "version": 1,
          "name": "b2b",
          "rules": [
            { "name": "referral", "type": "source", "sources": { "referral": 20, "purchased_list": -10 } },
            { "name": "demo_request", "type": "signal", "signals": ["demo_requested"], "points": 25, "maxOccurrences": 1 },
            { "name": "clicks", "type": "signal", "signals": ["email_click"], "points": 5, "maxOccurrences": 4 }
          ],
          "thresholds": { "mql": { "rule": "fitAndEngagement", "fit": 15, "engagement": 10 } }
        }
        """;

    private static IHost Build(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        configure(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task Start_RuleSetUnderAnotherNameAndFunnelWithDefaults_FailsSayingWhatToRegister()
    {
        using var host = Build(services => services
            .AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = RuleSet)
            .AddLeadKitFunnel());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("FunnelOptions.QualificationModel", error.Message, StringComparison.Ordinal);
        Assert.Contains("'default'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddLeadKitScoring", error.Message, StringComparison.Ordinal);
        Assert.Contains("FunnelOptions.UseQualificationGuards = false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FunnelWithoutScoring_FailsInsteadOfSilentlyDroppingTheGuards()
    {
        using var host = Build(services => services.AddLeadKitFunnel());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("FunnelOptions.QualificationModel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FunnelNamingTheRuleSet_StartsAndGuardsTheQualifyTransitions()
    {
        using var host = Build(services => services
            .AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = RuleSet)
            .AddLeadKitFunnel(o => o.QualificationModel = "b2b"));

        await host.StartAsync();
        var funnel = host.Services.GetRequiredService<FunnelDefinition>();
        var empty = LeadBuilder.New("empty").CreatedAt(Now.AddDays(-1)).Build();
        var state = funnel.Fire(funnel.Start(empty.Id, Now), FunnelTrigger.Qualify, Now).State;

        var result = funnel.Fire(state, FunnelTrigger.Qualify, Now, new TransitionDetails(Lead: empty));

        Assert.Equal(FireOutcome.Refused, result.Outcome);
        Assert.Contains(result.UnmetGuards, g => g.StartsWith(QualificationGuards.MarketingQualifiedDescription, StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task Fire_SqlGuardRefused_CarriesThePolicysReasons()
    {
        using var host = Build(services => services
            .AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = RuleSet)
            .AddLeadKitFunnel(o => o.QualificationModel = "b2b"));
        await host.StartAsync();
        var funnel = host.Services.GetRequiredService<FunnelDefinition>();
        var lead = LeadBuilder.New("demo").CreatedAt(Now.AddDays(-5)).Did(EngagementSignalKind.DemoRequested, daysAgo: 1)
            .WithBant(budget: BantStatus.Unknown, authority: BantStatus.Confirmed, need: BantStatus.Confirmed).Build();

        var result = funnel.Fire(funnel.Start(lead.Id, Now, FunnelStage.Sal), FunnelTrigger.Qualify, Now, new TransitionDetails(Lead: lead));

        Assert.Equal(FireOutcome.Refused, result.Outcome);
        var unmet = Assert.Single(result.UnmetGuards);
        Assert.StartsWith(QualificationGuards.SalesQualifiedDescription + " (", unmet, StringComparison.Ordinal);
        Assert.Contains("BANT not confirmed: budget", unmet, StringComparison.Ordinal);
        Assert.Contains("BANT not confirmed: budget", result.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_FunnelWithTheGuardsExplicitlyOff_StartsUnguarded()
    {
        using var host = Build(services => services.AddLeadKitFunnel(o => o.UseQualificationGuards = false));

        await host.StartAsync();
        var funnel = host.Services.GetRequiredService<FunnelDefinition>();

        Assert.Empty(funnel.TransitionsFrom(FunnelStage.Lead).Single(t => t.Trigger == FunnelTrigger.Qualify).Guards);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_DefaultModelAndDefaultFunnel_Starts()
    {
        using var host = Build(services => services
            .AddLeadKitScoringRuleSet(ScoringServiceCollectionExtensions.DefaultModelName, o => o.RuleSetJson = RuleSet)
            .AddLeadKitFunnel());

        await host.StartAsync();

        Assert.NotEmpty(host.Services.GetRequiredService<FunnelDefinition>().TransitionsFrom(FunnelStage.Lead).Single(t => t.Trigger == FunnelTrigger.Qualify).Guards);
        await host.StopAsync();
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 3)]
    public void Guards_AndTheDiResolvedAssessor_AgreeOnMqlAndSql(Lead[] leads)
    {
        using var host = Build(services => services
            .AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = RuleSet)
            .ConfigureLeadKitQualification(o => o.SqlRequiredBant = BantCriteria.Budget)
            .AddLeadKitFunnel(o => o.QualificationModel = "b2b"));
        host.Start();
        var funnel = host.Services.GetRequiredService<FunnelDefinition>();
        var assessor = host.Services.GetRequiredKeyedService<LeadAssessor>("b2b");
        int mql = 0, sql = 0;

        foreach (var lead in leads)
        {
            var assessment = assessor.Assess(lead, Now);
            var atLead = funnel.Start(lead.Id, Now, FunnelStage.Lead);
            var atSal = funnel.Start(lead.Id, Now, FunnelStage.Sal);
            var details = new TransitionDetails(Lead: lead);

            Assert.Equal(assessment.Qualification.IsMarketingQualified, funnel.Fire(atLead, FunnelTrigger.Qualify, Now, details).IsAccepted);
            Assert.Equal(assessment.Qualification.IsSalesQualified, funnel.Fire(atSal, FunnelTrigger.Qualify, Now, details).IsAccepted);
            mql += assessment.Qualification.IsMarketingQualified ? 1 : 0;
            sql += assessment.Qualification.IsSalesQualified ? 1 : 0;
        }

        // Not vacuous: the generated leads reach both levels and miss them.
        Assert.InRange(mql, 1, leads.Length - 1);
        Assert.InRange(sql, 1, leads.Length - 1);
        host.StopAsync().GetAwaiter().GetResult();
    }

    /// <summary>Generates 400 varied leads in one array (one host per run).</summary>
    public static class Arbitraries
    {
        public static Arbitrary<Lead[]> Leads()
        {
            var lead =
                from id in Gen.Choose(1, int.MaxValue)
                from source in Gen.Elements(LeadSource.Referral, LeadSource.PurchasedList, LeadSource.WebsiteForm)
                from demo in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
                from demoDaysAgo in Gen.Choose(0, 60)
                from clicks in Gen.Choose(0, 4)
                from budget in Gen.Elements(BantStatus.Unknown, BantStatus.Confirmed)
                from immediate in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
                select Make(id, source, demo, demoDaysAgo, clicks, budget, immediate);
            return lead.ArrayOf(400).ToArbitrary();
        }

        private static Lead Make(int id, LeadSource source, bool demo, int demoDaysAgo, int clicks, BantStatus budget, bool immediate)
        {
            var builder = LeadBuilder.New($"lead-{id}").CreatedAt(Now.AddDays(-90)).From(source).WithBant(budget: budget).DidTimes(EngagementSignalKind.EmailClick, clicks, daysAgo: 5);
            if (demo)
            {
                builder = builder.Did(EngagementSignalKind.DemoRequested, daysAgo: demoDaysAgo);
            }

            return (immediate ? builder.NeedsToBuyNow() : builder).Build();
        }
    }
}
