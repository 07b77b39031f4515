using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Configuration.Reload;
using LeadKit.Abstractions.Routing;
using LeadKit.Routing.DependencyInjection;
using LeadKit.Routing.Tests.Telemetry;
using LeadKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

public sealed class RoutingServiceCollectionExtensionsTests
{
    private const string TwoReps = """{ "version": 1, "options": { "name": "v1" }, "steps": [ { "kind": "allReps" } ] }""";

    [Fact]
    public void AddLeadKitRouting_CalledTwice_RegistersServicesOnce()
    {
        var services = new ServiceCollection();

        services.AddLeadKitRouting().AddLeadKitRouting();

        Assert.Single(services, d => d.ServiceType == typeof(IRoutingLedgerStore));
        Assert.Single(services, d => d.ServiceType == typeof(RoutingPlanProvider));
        Assert.Single(services, d => d.ServiceType == typeof(LeadRouter));
        Assert.Single(services, d => d.ServiceType == typeof(RoutingPlanRegistry));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<RoutingStartupCheck>));
    }

    [Fact]
    public void Start_NeitherOrBothPlans_FailsNamingTheOptions()
    {
        foreach (var configure in new Action<RoutingOptions>[] { _ => { }, o => (o.PlanJson, o.ConfigurePlan) = ("{}", _ => { }) })
        {
            using var provider = new ServiceCollection().AddLeadKitRouting(configure).BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains("RoutingOptions.PlanJson", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Start_InvalidPlan_ReportsEveryProblemWithPathAndCode()
    {
        using var provider = new ServiceCollection().AddLeadKitRouting(o =>
        {
            o.PlanJson = """{ "version": 1, "steps": [ { "kind": "team", "team": "nowhere" } ] }""";
            o.Reps.Add(Rep("ana"));
        }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("$.steps[0].team", error.Message, StringComparison.Ordinal);
        Assert.Contains(ConfigurationProblemCodes.UnknownReference, error.Message, StringComparison.Ordinal);
        Assert.Equal("$.steps[0].team", Assert.Single(provider.GetRequiredService<RoutingPlanProvider>().Status.LastRejection!.Problems).Path);
    }

    [Fact]
    public void Start_ValidCodePlan_Succeeds()
    {
        using var provider = new ServiceCollection()
            .AddLeadKitRouting(o => o.ConfigurePlan = b => b.AddRep(Rep("ana")).AddAllReps(RepSelection.RoundRobin))
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(1, provider.GetRequiredService<RoutingPlanProvider>().Status.Version);
    }

    [Fact]
    public void Start_PlanJsonWithNullStepOrDuplicateKey_FailsValidationWithPathNotNullReference()
    {
        foreach (var json in new[] { """{ "version": 1, "steps": [ null ] }""", """{ "version": 1, "steps": [ { "kind": "allReps" } ], "version": 1 }""" })
        {
            using var provider = new ServiceCollection().AddLeadKitRouting(o =>
            {
                o.PlanJson = json;
                o.Reps.Add(Rep("ana"));
            }).BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains("$.", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reload_InvalidDocument_NeverAppliedValidDocumentApplied_StatusEventAndCounterSayWhich()
    {
        using var source = new ChangingOptions(TwoReps);
        var services = new ServiceCollection().AddMetrics();
        services.AddLeadKitRouting("emea", o =>
        {
            o.PlanJson = source.Json;
            o.Reps.Add(Rep("hans"));
            o.Reps.Add(Rep("ines"));
        });
        services.AddSingleton<IConfigureOptions<RoutingOptions>>(source);
        services.AddSingleton<IOptionsChangeTokenSource<RoutingOptions>>(source);
        using var provider = services.BuildServiceProvider();
        using var reloads = new MeasurementRecorder(provider.GetRequiredService<IMeterFactory>(), "leadkit.routing.plan_reloads");
        var plans = provider.GetRequiredKeyedService<RoutingPlanProvider>("emea");
        var router = provider.GetRequiredKeyedService<LeadRouter>("emea");
        var rejected = new List<ReloadRejectedEventArgs>();
        plans.Rejected += (_, e) => rejected.Add(e);
        Assert.Equal("hans", Route(router));

        source.Change("""{ "version": 1, "options": { "name": "v2" }, "steps": [ { "kind": "team", "team": "missing" } ] }""");

        Assert.Equal("v1", plans.Current.Name);
        Assert.Equal("ines", Route(router)); // the plan in use goes on, rotation included
        var rejection = Assert.Single(rejected).Rejection;
        Assert.Equal(("$.steps[0].team", ConfigurationProblemCodes.UnknownReference), (Assert.Single(rejection.Problems).Path, rejection.Problems[0].Code));
        Assert.Equal((1L, "emea"), (plans.Status.Version, plans.Status.Name));

        source.Change("""{ "version": 1, "options": { "name": "v3" }, "steps": [ { "kind": "allReps" } ] }""");

        Assert.Equal("v3", plans.Current.Name);
        Assert.Equal(2, plans.Status.Version);
        Assert.Null(plans.Status.LastRejection);
        Assert.Equal("hans", Route(router)); // same pool name, same ledger: the rotation continues
        Assert.Equal(
            ["applied", "rejected", "applied"],
            reloads.Measurements.Select(m => (string)m.Tags["leadkit.outcome"]!).ToArray());
        Assert.All(reloads.Measurements, m => Assert.Equal("emea", m.Tags["leadkit.routing"]));
    }

    [Fact]
    public void Named_TwoRoutings_HaveTheirOwnPlansAndLedgers()
    {
        var services = new ServiceCollection();
        services.AddLeadKitRouting(o => o.ConfigurePlan = b => b.AddReps([Rep("ana"), Rep("bruno")]).AddAllReps(RepSelection.RoundRobin));
        services.AddLeadKitRouting("apac", o => o.ConfigurePlan = b => b.AddReps([Rep("chen")]).AddAllReps(RepSelection.RoundRobin));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("ana", Route(provider.GetRequiredService<LeadRouter>()));
        Assert.Equal("chen", Route(provider.GetRequiredKeyedService<LeadRouter>("apac")));
        Assert.Equal("bruno", Route(provider.GetRequiredService<LeadRouter>()));
        Assert.NotSame(provider.GetRequiredService<IRoutingLedgerStore>(), provider.GetRequiredKeyedService<IRoutingLedgerStore>("apac"));
        Assert.Equal("default", provider.GetRequiredService<RoutingPlanProvider>().Status.Name);
    }

    [Fact]
    public void Replace_ProviderThatFollowsOptions_RefusesCodeReplacement()
    {
        using var provider = new ServiceCollection()
            .AddLeadKitRouting(o => o.ConfigurePlan = b => b.AddRep(Rep("ana")).AddAllReps(RepSelection.RoundRobin))
            .BuildServiceProvider();
        var plans = provider.GetRequiredService<RoutingPlanProvider>();

        Assert.Throws<InvalidOperationException>(() => plans.Replace(plans.Current));
    }

    private static string? Route(LeadRouter router)
    {
        var decision = router.RouteAsync(LeadBuilder.New().Build(), Now).AsTask().GetAwaiter().GetResult();
        return decision.IsAssigned ? decision.RepId.Value : null;
    }

    /// <summary>An options change source (as a reloading configuration file is) whose JSON plan the test changes.</summary>
    private sealed class ChangingOptions(string json) : IOptionsChangeTokenSource<RoutingOptions>, IConfigureNamedOptions<RoutingOptions>, IDisposable
    {
        private CancellationTokenSource _change = new();

        public string Json { get; private set; } = json;

        public string Name => "emea";

        public IChangeToken GetChangeToken() => new CancellationChangeToken(_change.Token);

        public void Change(string json)
        {
            Json = json;
            var previous = _change;
            _change = new CancellationTokenSource();
            previous.Cancel();
            previous.Dispose();
        }

        public void Configure(string? name, RoutingOptions options)
        {
            if (name == Name)
            {
                options.PlanJson = Json;
            }
        }

        public void Configure(RoutingOptions options) => Configure(Microsoft.Extensions.Options.Options.DefaultName, options);

        public void Dispose() => _change.Dispose();
    }
}
