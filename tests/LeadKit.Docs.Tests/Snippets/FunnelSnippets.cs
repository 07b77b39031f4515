using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Funnel.Definitions;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Funnel.Serialization;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Store;
using LeadKit.Funnel.Workflow;
using LeadKit.Scoring.DependencyInjection;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadKit.Docs.Tests.Snippets;

/// <summary>The code of docs/funnel.md, run as tests.</summary>
public sealed class FunnelSnippets
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    // fit 45 (referral 20, director 15, mid-market 10) and engagement 35: an MQL by the default policy.
    private static readonly ScoringModel Scorer = new ScoringModelBuilder()
        .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20)))
        .AddRule(SalesRules.Seniority("decision_maker", 15, Seniority.Director))
        .AddRule(SalesRules.CompanySize("mid_market", 10, 50, 5000))
        .AddRule(SalesRules.Signal("demo_request", EngagementSignalKind.DemoRequested, 35, maxOccurrences: 1))
        .Build();

    private static Lead InterestedLead(string id, BantStatus budget = BantStatus.Unknown) => new()
    {
        Id = new LeadId(id),
        CreatedAt = Start,
        Source = LeadSource.Referral,
        Contact = new ContactInfo { Seniority = Seniority.Director },
        Company = new CompanyInfo { Name = "Acme", EmployeeCount = 250 },
        Bant = new BantAssessment { Budget = budget },
        Signals = [new EngagementSignal(EngagementSignalKind.DemoRequested, Start)],
    };

    [Fact]
    public void UsingIt_QualifyRejectOverride_EndsInMqlWithAuditedHistory()
    {
        var scorer = Scorer;
        var policy = new DefaultQualificationPolicy();
        var lead = InterestedLead("lead-7");
        var time = new FakeTimeProvider(Start);

        #region funnel-using-it
        var options = new FunnelOptions
        {
            // Who may override a guard is the application's decision; without an authorizer every override is refused.
            OverrideAuthorizer = static (actor, from, trigger) => actor.StartsWith("manager-", StringComparison.Ordinal),
            OverrideAuthorizerDescription = "sales managers",
        };
        var funnel = DefaultFunnel.CreateQualified(scorer, policy, options);  // once; share it (thread-safe)
        var state = funnel.Start(lead.Id, time.GetUtcNow());                   // suspect, version 0

        var result = funnel.Fire(state, FunnelTrigger.Qualify, time.GetUtcNow());   // suspect -> lead: no guard
        result = funnel.Fire(result.State, FunnelTrigger.Qualify, time.GetUtcNow(), new TransitionDetails(Lead: lead));
        switch (result.Outcome)                                                // lead -> mql asks the policy
        {
            case FireOutcome.Accepted: state = result.State; break;            // new state, history + 1
            case FireOutcome.Refused: Console.WriteLine(string.Join("; ", result.UnmetGuards)); break;   // e.g. "qualified as MQL or better by the policy (no interest shown yet)"
            case FireOutcome.Invalid: Console.WriteLine(result.Message); break;                          // trigger not permitted from this stage
        }

        // Sales rejects the MQL: a backward edge, so the reason is required and recorded.
        state = funnel.Fire(state, FunnelTrigger.Reject, time.GetUtcNow(), new TransitionDetails(Actor: "sdr-7", Reason: "no budget this year")).State;   // nurture

        // An authorised override skips unmet guards; the history entry has IsOverride = true, the actor and the reason.
        // A rep's override ("rep-3") would be refused: "the actor is not authorised to override (authorised: sales managers)".
        state = funnel.Fire(state, FunnelTrigger.Qualify, time.GetUtcNow(), new TransitionDetails("manager-1", "strategic account", IsOverride: true)).State;   // mql again
        #endregion

        Assert.Equal(FunnelStage.Mql, state.Stage);
        Assert.Equal(4, state.Version);
        Assert.Equal([FunnelStage.Lead, FunnelStage.Mql, FunnelStage.Nurture, FunnelStage.Mql], state.History.Select(c => c.To));
        Assert.Equal("no budget this year", state.History[2].Reason);
        Assert.True(state.History[3].IsOverride);
        Assert.Equal("manager-1", state.History[3].Actor);
        var inNurture = funnel.Replay(lead.Id, FunnelStage.Suspect, Start, state.History.Take(3)).State!;
        Assert.False(funnel.CanFire(inNurture, FunnelTrigger.Qualify, Start));   // without the override the guard refuses
        Assert.False(funnel.CanFire(inNurture, FunnelTrigger.Qualify, Start, new TransitionDetails("rep-3", "I say so", IsOverride: true)));
    }

    [Fact]
    public void UsingIt_LeadWithoutInterest_IsRefusedWithTheGuardDescription()
    {
        var funnel = DefaultFunnel.CreateQualified(Scorer, new DefaultQualificationPolicy());
        var coldLead = new Lead { Id = new LeadId("lead-8"), CreatedAt = Start, Source = LeadSource.Webinar };
        var state = funnel.Fire(funnel.Start(coldLead.Id, Start), FunnelTrigger.Qualify, Start).State;

        var result = funnel.Fire(state, FunnelTrigger.Qualify, Start, new TransitionDetails(Lead: coldLead));

        Assert.Equal(FireOutcome.Refused, result.Outcome);
        Assert.Equal($"{QualificationGuards.MarketingQualifiedDescription} (no interest shown yet)", Assert.Single(result.UnmetGuards));
        Assert.Same(state, result.State);
    }

    [Fact]
    public void CustomFunnel_BudgetConfirmed_WinsAndNotifiesSalesOnEntry()
    {
        var scorer = Scorer;
        var policy = new DefaultQualificationPolicy();
        var notified = new List<LeadId>();
        void notifySales(LeadId leadId) => notified.Add(leadId);

        #region funnel-custom
        var builder = new FunnelDefinitionBuilder()
            .StartAt(FunnelStage.Lead)
            .MainPath(FunnelStage.Lead, FunnelStage.Mql, FunnelStage.Customer);
        builder.Configure(FunnelStage.Lead)
            .PermitIf(FunnelTrigger.Qualify, FunnelStage.Mql, QualificationGuards.MarketingQualified(scorer, policy))
            .Permit(FunnelTrigger.Disqualify, FunnelStage.Disqualified);
        builder.Configure(FunnelStage.Mql)
            .PermitIf(FunnelTrigger.Win, FunnelStage.Customer, static (in FunnelGuardContext c) => c.Lead?.Bant.Budget == BantStatus.Confirmed, "budget confirmed")
            .PermitBackward(FunnelTrigger.Reject, FunnelStage.Lead)
            .MaxTimeInStage(TimeSpan.FromHours(48))
            .OnEntry(state => notifySales(state.LeadId));
        builder.Configure(FunnelStage.Customer).Terminal();
        builder.Configure(FunnelStage.Disqualified).Terminal();
        var definition = builder.Build();
        #endregion

        var lead = InterestedLead("lead-9", BantStatus.Confirmed);
        var details = new TransitionDetails(Lead: lead);
        var mql = definition.Fire(definition.Start(lead.Id, Start), FunnelTrigger.Qualify, Start, details);
        definition.RunStageActions(mql.State);
        var refused = definition.Fire(mql.State, FunnelTrigger.Win, Start, new TransitionDetails(Lead: InterestedLead("lead-9")));
        var won = definition.Fire(mql.State, FunnelTrigger.Win, Start.AddDays(1), details);

        Assert.Equal([lead.Id], notified);
        Assert.Equal("budget confirmed", Assert.Single(refused.UnmetGuards));
        Assert.Equal(FunnelStage.Customer, won.State.Stage);
        Assert.Equal(TimeSpan.FromHours(48), definition.GetMaxTimeInStage(FunnelStage.Mql));
        Assert.True(definition.IsSlaBreached(mql.State, Start.AddHours(49)));
    }

    [Fact]
    public void DependencyInjection_NamedModelAndMqlSla_ReachTheDefaultFunnel()
    {
        var services = new ServiceCollection();
        const string ruleSetJson = """{ "version": 1, "name": "b2b", "rules": [ { "name": "demo", "type": "signal", "signals": ["demo_requested"], "points": 25 } ] }""";

        #region funnel-di
        services.AddLeadKitScoringRuleSet("b2b", options => options.RuleSetJson = ruleSetJson)
                .AddLeadKitFunnel(options =>
                {
                    options.QualificationModel = "b2b";            // the guards ask this model's scorer and policy
                    options.MqlAcceptanceSla = TimeSpan.FromHours(24);
                });
        // Or, on purpose, no qualification guards: services.AddLeadKitFunnel(options => options.UseQualificationGuards = false);
        #endregion

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(TimeSpan.FromHours(24), provider.GetRequiredService<FunnelDefinition>().GetMaxTimeInStage(FunnelStage.Mql));
        Assert.NotEmpty(provider.GetRequiredService<FunnelDefinition>().TransitionsFrom(FunnelStage.Lead).Single(t => t.Trigger == FunnelTrigger.Qualify).Guards);
    }

    [Fact]
    public async Task Workflow_FireCommitsThenNotifies_AndSlaBreachesArePaged()
    {
        var time = new FakeTimeProvider(Start);
        var observer = new CountingObserver();
        var ct = CancellationToken.None;

        #region funnel-workflow
        var store = new InMemoryFunnelStore();                  // or a durable IFunnelStore
        var workflow = new FunnelWorkflow(DefaultFunnel.Create(), store, time, [observer]);
        var lead = await workflow.StartAsync(new LeadId("lead-1"), ct);              // suspect, version 0
        var result = await workflow.FireAsync(lead.LeadId, lead.Version, FunnelTrigger.Qualify, cancellationToken: ct);
        var stale = await workflow.FireAsync(lead.LeadId, lead.Version, FunnelTrigger.Disqualify, cancellationToken: ct);
        // stale.Outcome == FireOutcome.Conflict: read again and decide again, or let FireOnLatestAsync re-fire:
        await workflow.FireOnLatestAsync(lead.LeadId, FunnelTrigger.Qualify, cancellationToken: ct);  // lead -> mql

        time.Advance(TimeSpan.FromHours(49));
        FunnelPageKey? after = null;
        do
        {
            var page = await workflow.FindSlaBreachesAsync(FunnelStage.Mql, time.GetUtcNow(), after, pageSize: 500, ct);
            foreach (var breach in page.Items)
            {
                // remind the SDR of breach.LeadId ...
            }

            after = page.Next;
        }
        while (after is not null);
        #endregion

        Assert.True(result.IsAccepted);
        Assert.Equal(FireOutcome.Conflict, stale.Outcome);
        Assert.Equal(2, observer.Count);
        Assert.Single((await workflow.FindSlaBreachesAsync(FunnelStage.Mql, time.GetUtcNow(), cancellationToken: ct)).Items);
    }

    [Fact]
    public void Json_DefinitionWithRegisteredGuards_BuildsTheFunnel()
    {
        var scorer = Scorer;
        var policy = new DefaultQualificationPolicy();

        #region funnel-json
        var guards = new FunnelGuardRegistry()
            .AddQualificationGuards(scorer, policy)            // qualified-mql, qualified-sql
            .Add("budget-confirmed", new TransitionGuard(static (in FunnelGuardContext c) => c.Lead?.Bant.Budget == BantStatus.Confirmed, "budget confirmed"));
        var definition = FunnelDefinitionJson.Parse("""
            { "version": 1, "initialStage": "lead", "mainPath": ["lead", "mql", "customer"],
              "stages": {
                "lead": { "transitions": { "qualify": { "to": "mql", "guards": ["qualified-mql"] },
                                           "disqualify": { "to": "disqualified" } } },
                "mql": { "maxTimeInStageHours": 48,
                         "transitions": { "win": { "to": "customer", "guards": ["budget-confirmed"] },
                                          "reject": { "to": "lead", "backward": true } } },
                "customer": { "terminal": true },
                "disqualified": { "terminal": true } } }
            """, guards);
        var json = FunnelDefinitionJson.Write(definition, guards);   // reads back to the same definition
        #endregion

        Assert.Equal(TimeSpan.FromHours(48), definition.GetMaxTimeInStage(FunnelStage.Mql));
        Assert.Equal(json, FunnelDefinitionJson.Write(FunnelDefinitionJson.Parse(json, guards), guards));
        var lead = InterestedLead("lead-3");
        Assert.True(definition.Fire(definition.Start(lead.Id, Start), FunnelTrigger.Qualify, Start, new TransitionDetails(Lead: lead)).IsAccepted);
    }

    private sealed class CountingObserver : IFunnelObserver
    {
        public int Count { get; private set; }

        public ValueTask OnStageChangedAsync(LeadId leadId, StageChange change, CancellationToken cancellationToken)
        {
            Count++;
            return ValueTask.CompletedTask;
        }
    }
}
