using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Routing;
using LeadKit.Routing.Ledger;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Reports;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Rules;

namespace LeadKit.Docs.Tests.Snippets;

/// <summary>The code of docs/getting-started.md, run as tests.</summary>
public sealed class GettingStartedSnippets
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GettingStarted_ScoreRouteFunnelReport_Works()
    {
        #region create-a-lead
        var lead = new Lead
        {
            Id = new LeadId("L-1001"),
            CreatedAt = Now.AddDays(-3),
            Source = LeadSource.Referral,
            Contact = new ContactInfo { JobTitle = "Head of Sales", Seniority = Seniority.Director },
            Company = new CompanyInfo { Name = "Acme", EmployeeCount = 250, Industry = "software" },
            Timeframe = PurchaseTimeframe.Immediate,
            Signals = [new EngagementSignal(EngagementSignalKind.DemoRequested, Now.AddDays(-1))],
        };
        #endregion

        #region score-a-lead
        var model = new ScoringModelBuilder()
            .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20), (LeadSource.PurchasedList, -10)))
            .AddRule(SalesRules.Seniority("decision_maker", 15, Seniority.Director, Seniority.CLevel))
            .AddRule(SalesRules.CompanySize("mid_market", 10, 50, 5000))
            .AddRule(SalesRules.Signal("demo_request", EngagementSignalKind.DemoRequested, 25, maxOccurrences: 1))
            .AddRule(SalesRules.Timeframe("timeframe", 10, maxDays: 60))
            .Build();                                      // validates every rule; immutable and thread-safe

        var assessment = new LeadAssessor(model).Explain(lead, Now);
        Console.WriteLine($"{assessment.Score.Total} points, {assessment.Temperature}, {assessment.Qualification.Level}");
        Console.WriteLine(assessment.ScoreCard);          // every rule that contributed, and why
        #endregion

        Assert.Equal(new LeadScore(45, 35, 80), assessment.Score);
        Assert.Equal(Temperature.Hot, assessment.Temperature);

        #region route-a-lead
        SalesRep[] reps = [new() { Id = new SalesRepId("ana"), Name = "Ana" }, new() { Id = new SalesRepId("bruno"), Name = "Bruno" }];
        var plan = new RoutingPlanBuilder()
            .AddReps(reps)
            .AddTeam(new SalesTeamId("inbound"), reps.Select(r => r.Id))
            .AddTeamStep(new SalesTeamId("inbound"), RepSelection.RoundRobin)
            .Build();
        var router = new LeadRouter(new RoutingPlanProvider(plan), new InMemoryRoutingLedgerStore());
        var assignment = await router.RouteAsync(lead, Now);   // assignment.RepId, assignment.DecidedBy
        #endregion

        Assert.Equal(new SalesRepId("ana"), assignment.RepId);

        #region walk-the-funnel
        var funnel = DefaultFunnel.CreateQualified(model, new DefaultQualificationPolicy());
        var state = funnel.Start(lead.Id, lead.CreatedAt);                        // suspect, version 0
        var result = funnel.Fire(state, FunnelTrigger.Qualify, Now, new TransitionDetails(Lead: lead));
        if (result.Outcome == FireOutcome.Accepted)
        {
            state = result.State!;                                                 // lead, version 1
        }
        #endregion

        Assert.Equal(FunnelStage.Lead, state.Stage);

        #region report-kpis
        var journeys = new[] { new LeadJourney(lead.Id, lead.Source, lead.CreatedAt, state.History, assignment.RepId) };
        var report = new FunnelReportCalculator(new FunnelReportOptions()).Calculate(journeys);
        Console.WriteLine(report.Overall.Conversion.LeadToCustomer);               // 0/1 = 0.00% (95% CI ...)
        #endregion

        Assert.Equal(1, report.Overall.Conversion.Leads);
    }
}
