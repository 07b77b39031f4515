using LeadKit.Abstractions.Routing;
using LeadKit.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

public sealed class RoutingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddLeadKitRouting_CalledTwice_RegistersServicesOnce()
    {
        var services = new ServiceCollection();

        services.AddLeadKitRouting().AddLeadKitRouting();

        Assert.Single(services, d => d.ServiceType == typeof(IRoutingLedgerStore));
        Assert.Single(services, d => d.ServiceType == typeof(RoutingPlanProvider));
        Assert.Single(services, d => d.ServiceType == typeof(LeadRouter));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<RoutingOptions>));
    }

    [Fact]
    public void OptionsValidator_NeitherOrBothPlans_FailsNamingTheOptions()
    {
        var validator = new RoutingOptionsValidator();

        var neither = validator.Validate(null, new RoutingOptions());
        var both = validator.Validate(null, new RoutingOptions { PlanJson = "{}", ConfigurePlan = _ => { } });

        Assert.True(neither.Failed);
        Assert.Contains("ConfigurePlan", neither.FailureMessage, StringComparison.Ordinal);
        Assert.True(both.Failed);
    }

    [Fact]
    public void OptionsValidator_InvalidPlan_ReportsEveryProblemWithPath()
    {
        var options = new RoutingOptions { PlanJson = """{ "version": 1, "steps": [ { "kind": "team", "team": "nowhere" } ] }""" };
        options.Reps.Add(Rep("ana"));

        var result = new RoutingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("$.steps[0].team", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsValidator_ValidCodePlan_Succeeds()
    {
        var options = new RoutingOptions { ConfigurePlan = b => b.AddRep(Rep("ana")).AddAllReps(RepSelection.RoundRobin) };

        Assert.True(new RoutingOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Start_PlanJsonWithNullStepOrDuplicateKey_FailsValidationWithPathNotNullReference()
    {
        foreach (var json in new[] { """{ "version": 1, "steps": [ null ] }""", """{ "version": 1, "steps": [ { "kind": "allReps" } ], "version": 1 }""" })
        {
            var services = new ServiceCollection();
            services.AddLeadKitRouting(o =>
            {
                o.PlanJson = json;
                o.Reps.Add(Rep("ana"));
            });
            using var provider = services.BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RoutingOptions>>().Value);

            Assert.Contains("$.", error.Message, StringComparison.Ordinal);
        }
    }
}
