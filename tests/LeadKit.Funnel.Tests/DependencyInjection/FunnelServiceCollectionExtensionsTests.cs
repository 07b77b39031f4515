using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.DependencyInjection;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Store;
using LeadKit.Funnel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.DependencyInjection;

public sealed class FunnelServiceCollectionExtensionsTests
{
    [Fact]
    public void AddLeadKitFunnel_GuardsOff_ResolvesSharedDefinitionAndStoreUsingRegisteredTimeAndObservers()
    {
        var time = new FakeTimeProvider(T0);
        var observer = new Store.RecordingObserver(() => null);
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IFunnelObserver>(observer)
            .AddLeadKitFunnel(options => options.UseQualificationGuards = false)
            .BuildServiceProvider();

        var store = provider.GetRequiredService<IFunnelStore>();
        var definition = provider.GetRequiredService<FunnelDefinition>();
        Assert.Same(definition, store.Definition);
        Assert.Same(store, provider.GetRequiredService<IFunnelStore>());
        Assert.True(store.TryAdd(definition.Start(new LeadId("a"), T0)));
        time.Advance(TimeSpan.FromMinutes(1));
        var result = store.Fire(new LeadId("a"), 0, FunnelTrigger.Qualify);

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
        Assert.Same(own, provider.GetRequiredService<IFunnelStore>().Definition);
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
}
