using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Funnel.Store;
using LeadKit.Funnel.Workflow;
using LeadKit.Funnel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.DependencyInjection;

public sealed class FunnelServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLeadKitFunnel_GuardsOff_ResolvesSharedDefinitionStoreAndWorkflowUsingRegisteredTimeAndObservers()
    {
        var time = new FakeTimeProvider(T0);
        var observer = new Store.RecordingObserver(() => null);
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IFunnelObserver>(observer)
            .AddLeadKitFunnel(options => options.UseQualificationGuards = false)
            .BuildServiceProvider();

        var workflow = provider.GetRequiredService<FunnelWorkflow>();
        var definition = provider.GetRequiredService<FunnelDefinition>();
        Assert.Same(definition, workflow.Definition);
        Assert.Same(provider.GetRequiredService<IFunnelStore>(), workflow.Store);
        Assert.IsType<InMemoryFunnelStore>(workflow.Store);
        Assert.True(await workflow.AddAsync(definition.Start(new LeadId("a"), T0)));
        time.Advance(TimeSpan.FromMinutes(1));
        var result = await workflow.FireAsync(new LeadId("a"), 0, FunnelTrigger.Qualify);

        Assert.Equal(T0.AddMinutes(1), result.Change!.OccurredAt);
        Assert.Single(observer.Seen);
        Assert.Empty(definition.TransitionsFrom(FunnelStage.Lead).Single(t => t.Trigger == FunnelTrigger.Qualify).Guards);
        Assert.Equal(TimeSpan.FromHours(48), definition.GetMaxTimeInStage(FunnelStage.Mql));
    }

    [Fact]
    public void AddLeadKitFunnel_WithKeyedScorerAndPolicyOfTheNamedModel_GuardsQualifyTransitions()
    {
        using var provider = new ServiceCollection()
            .AddKeyedSingleton<ILeadScorer, SignalCountScorer>("fake")
            .AddKeyedSingleton<IQualificationPolicy, ThresholdQualificationPolicy>("fake")
            .AddLeadKitFunnel(options =>
            {
                options.MqlAcceptanceSla = TimeSpan.FromHours(24);
                options.QualificationModel = "fake";
            })
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        var definition = provider.GetRequiredService<FunnelDefinition>();
        var lead = definition.Fire(definition.Start(new LeadId("cold"), T0), FunnelTrigger.Qualify, T0).State;

        Assert.Equal(FireOutcome.Refused, definition.Fire(lead, FunnelTrigger.Qualify, T0, new TransitionDetails(Lead: LeadWithSignals("cold", 0))).Outcome);
        Assert.Equal(FireOutcome.Accepted, definition.Fire(lead, FunnelTrigger.Qualify, T0, new TransitionDetails(Lead: LeadWithSignals("cold", 1))).Outcome);
        Assert.Equal(TimeSpan.FromHours(24), definition.GetMaxTimeInStage(FunnelStage.Mql));
    }

    [Fact]
    public void AddLeadKitFunnel_ResolvedWithoutStartupValidationAndNoModel_ThrowsOptionsValidationExceptionNotKeyNotFound()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<ILeadScorer, SignalCountScorer>()
            .AddSingleton<IQualificationPolicy, ThresholdQualificationPolicy>()
            .AddLeadKitFunnel()
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<FunnelDefinition>());

        Assert.Contains("FunnelOptions.QualificationModel is 'default'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLeadKitFunnel_OverrideAuthorizerWithoutDescription_FailsStartupNamingTheOption()
    {
        using var provider = new ServiceCollection()
            .AddLeadKitFunnel(options =>
            {
                options.UseQualificationGuards = false;
                options.OverrideAuthorizer = static (_, _, _) => true;
            })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("FunnelOptions.OverrideAuthorizerDescription", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLeadKitFunnel_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection().AddLeadKitFunnel().AddLeadKitFunnel();

        Assert.Single(services, d => d.ServiceType == typeof(IFunnelStore));
        Assert.Single(services, d => d.ServiceType == typeof(FunnelWorkflow));
        Assert.Single(services, d => d.ServiceType == typeof(FunnelDefinition));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<FunnelOptions>));
    }

    [Fact]
    public void AddLeadKitFunnel_OwnDefinitionRegisteredFirst_IsKept()
    {
        var own = DefaultFunnel.Create(new FunnelOptions { MqlAcceptanceSla = null });
        using var provider = new ServiceCollection().AddSingleton(own).AddLeadKitFunnel().BuildServiceProvider();

        // The application's own definition needs no scoring model: start-up does not ask for one.
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Same(own, provider.GetRequiredService<FunnelWorkflow>().Definition);
    }

    [Fact]
    public void AddLeadKitFunnel_InvalidOptions_FailStartupValidationNamingTheOptionAndValue()
    {
        using var provider = new ServiceCollection()
            .AddLeadKitFunnel(options => options.MqlAcceptanceSla = TimeSpan.FromHours(-2))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("FunnelOptions.MqlAcceptanceSla must be positive or null (was -02:00:00).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLeadKitFunnel_Named_RegistersKeyedDefinitionStoreAndWorkflowWithTheirOwnOptionsAndObservers()
    {
        var time = new FakeTimeProvider(T0);
        var shared = new Store.RecordingObserver(() => null);
        var b2b = new Store.RecordingObserver(() => null);
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IFunnelObserver>(shared)
            .AddKeyedSingleton<IFunnelObserver>("b2b", b2b)
            .AddLeadKitFunnel(options => options.UseQualificationGuards = false)
            .AddLeadKitFunnel("b2b", options =>
            {
                options.UseQualificationGuards = false;
                options.MqlAcceptanceSla = TimeSpan.FromHours(4);
            })
            .BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var named = provider.GetRequiredKeyedService<FunnelWorkflow>("b2b");
        var unnamed = provider.GetRequiredService<FunnelWorkflow>();
        Assert.NotSame(unnamed.Store, named.Store);
        Assert.Same(provider.GetRequiredKeyedService<IFunnelStore>("b2b"), named.Store);
        Assert.Equal(TimeSpan.FromHours(4), named.Definition.GetMaxTimeInStage(FunnelStage.Mql));
        Assert.Equal(TimeSpan.FromHours(48), unnamed.Definition.GetMaxTimeInStage(FunnelStage.Mql));

        await named.StartAsync(new LeadId("a"));
        Assert.True((await named.FireOnLatestAsync(new LeadId("a"), FunnelTrigger.Qualify)).IsAccepted);
        Assert.Null(await unnamed.GetAsync(new LeadId("a")));
        Assert.Single(b2b.Seen);
        Assert.Empty(shared.Seen);
    }

    [Fact]
    public void AddLeadKitFunnel_NamedWithQualificationGuardsAndNoModel_FailsStartupNamingTheModel()
    {
        using var provider = new ServiceCollection()
            .AddLeadKitFunnel("b2b", options => options.QualificationModel = "b2b-model")
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("FunnelOptions.QualificationModel is 'b2b-model'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLeadKitFunnel_NameBreakingTheConfigurationNameRule_IsRefused()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new ServiceCollection().AddLeadKitFunnel(" ", _ => { })).ParamName);
    }

    [Fact]
    public async Task AddLeadKitFunnel_NotificationErrorHandlerFromOptions_IsToldOfObserverFailures()
    {
        var errors = new List<Exception>();
        using var provider = new ServiceCollection()
            .AddSingleton<IFunnelObserver>(new Store.ThrowingObserver())
            .AddLeadKitFunnel(options =>
            {
                options.UseQualificationGuards = false;
                options.NotificationErrorHandler = (_, _, ex) => errors.Add(ex);
            })
            .BuildServiceProvider();
        var workflow = provider.GetRequiredService<FunnelWorkflow>();

        await workflow.StartAsync(new LeadId("a"));
        await workflow.FireOnLatestAsync(new LeadId("a"), FunnelTrigger.Qualify);

        Assert.IsType<InvalidOperationException>(Assert.Single(errors));
    }
}
