using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Configuration.Reload;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.DependencyInjection;
using LeadKit.Funnel.Serialization;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Store;
using LeadKit.Funnel.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Workflow;

public sealed class FunnelWorkflowReloadTests
{
    private const string OneStep = """
        { "version": 1, "initialStage": "applied",
          "stages": { "applied": { "transitions": { "screen": { "to": "screened" } } }, "screened": { "terminal": true } } }
        """;

    private const string TwoSteps = """
        { "version": 1, "initialStage": "applied",
          "stages": { "applied": { "transitions": { "screen": { "to": "screened" } } },
                      "screened": { "transitions": { "hire": { "to": "hired" } } }, "hired": { "terminal": true } } }
        """;

    private static readonly FunnelTrigger Screen = new("screen");
    private static readonly FunnelTrigger Hire = new("hire");

    [Fact]
    public async Task Reloading_ValidDocumentAppliesFromTheNextCall_InvalidOneIsRefusedAndTheDefinitionInUseStays()
    {
        var guards = new FunnelGuardRegistry();
        using var registry = new ReloadableRegistry<FunnelDefinition>();
        var source = new ManualReloadSource<string>(OneStep);
        var entry = registry.Add("hiring", source, (json, problems) => FunnelDefinitionJson.TryParse(json, guards, null, problems));
        var workflow = FunnelWorkflow.Reloading(entry, new InMemoryFunnelStore(), new FakeTimeProvider(T0));
        var id = (await workflow.StartAsync(new LeadId("a"))).LeadId;
        Assert.True((await workflow.FireOnLatestAsync(id, Screen)).IsAccepted);
        Assert.Equal(FireOutcome.Invalid, (await workflow.FireOnLatestAsync(id, Hire)).Outcome);

        source.Publish(TwoSteps);
        Assert.True((await workflow.FireOnLatestAsync(id, Hire)).IsAccepted);

        source.Publish("""{ "version": 1, "initialStage": "nowhere", "stages": {} }""");
        Assert.Equal(2, entry.Status.Version);
        Assert.Equal("$.initialStage", entry.Status.LastRejection!.Problems[0].Path);
        Assert.Same(entry.Value, workflow.Definition);
        Assert.True(workflow.Definition.Contains(new FunnelStage("hired")));
    }

    [Fact]
    public async Task AddLeadKitFunnel_DefinitionJsonWithUserAndQualificationGuards_IsTheWorkflowsDefinition()
    {
        var guards = new FunnelGuardRegistry().Add("has-lead", new TransitionGuard(static (in FunnelGuardContext c) => c.Lead is not null, "lead data supplied"));
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(T0))
            .AddKeyedSingleton<Abstractions.Scoring.ILeadScorer, Support.SignalCountScorer>("m")
            .AddKeyedSingleton<Abstractions.Qualification.IQualificationPolicy, Support.ThresholdQualificationPolicy>("m")
            .AddLeadKitFunnel("hiring", options =>
            {
                options.QualificationModel = "m";
                options.Guards = guards;
                options.DefinitionJson = """
                    { "version": 1, "initialStage": "applied",
                      "stages": { "applied": { "transitions": { "screen": { "to": "screened", "guards": ["has-lead", "qualified-mql"] } } }, "screened": { "terminal": true } } }
                    """;
            })
            .BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var workflow = provider.GetRequiredKeyedService<FunnelWorkflow>("hiring");
        var id = (await workflow.StartAsync(new LeadId("a"))).LeadId;

        var refused = await workflow.FireOnLatestAsync(id, Screen, new TransitionDetails(Lead: LeadWithSignals("a", 0)));
        var accepted = await workflow.FireOnLatestAsync(id, Screen, new TransitionDetails(Lead: LeadWithSignals("a", 1)));

        Assert.Equal(FireOutcome.Refused, refused.Outcome);
        Assert.True(accepted.IsAccepted);
        Assert.Equal(["has-lead"], guards.Names);
        Assert.Equal(1, provider.GetRequiredService<FunnelDefinitionProvider>().GetStatus("hiring").Version);
    }

    [Fact]
    public void AddLeadKitFunnel_InvalidDefinitionJson_ResolvingTheDefinitionThrowsWithThePathsAndTheStatusSaysWhy()
    {
        using var provider = new ServiceCollection()
            .AddLeadKitFunnel(options =>
            {
                options.UseQualificationGuards = false;
                options.DefinitionJson = """{ "version": 1, "initialStage": "applied", "stages": { "applied": { "transitions": { "go": { "to": "gone" } } } } }""";
            })
            .BuildServiceProvider();

        var error = Assert.Throws<ConfigurationException>(() => provider.GetRequiredService<FunnelWorkflow>().Definition);

        Assert.Contains(error.Problems, p => p.Path == "$.stages.applied.transitions.go.to" && p.Code == ConfigurationProblemCodes.UnknownReference);
        Assert.NotNull(provider.GetRequiredService<FunnelDefinitionProvider>().GetStatus(Options.DefaultName).LastRejection);
    }

    [Fact]
    public void AddLeadKitFunnel_NamedDefault_IsRefusedBecauseItIsTheUnnamedFunnelsName()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new ServiceCollection().AddLeadKitFunnel("default", _ => { })).ParamName);
    }
}
