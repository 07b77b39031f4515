using LeadKit.Abstractions.Assignment;
using LeadKit.Funnel.Assignment;
using LeadKit.Funnel.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static LeadKit.Funnel.Tests.Assignment.Routing;

namespace LeadKit.Funnel.Tests.Assignment;

public sealed class AssignmentServiceCollectionExtensionsTests
{
    [Fact]
    public void AddLeadKitAssignment_CalledTwice_RegistersServicesOnce()
    {
        var services = new ServiceCollection();

        services.AddLeadKitAssignment().AddLeadKitAssignment();

        Assert.Single(services, d => d.ServiceType == typeof(AssignmentState));
        Assert.Single(services, d => d.ServiceType == typeof(RoutingPlanProvider));
        Assert.Single(services, d => d.ServiceType == typeof(IAssignmentStrategy));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<AssignmentOptions>));
    }

    [Fact]
    public void OptionsValidator_NeitherOrBothPlans_FailsNamingTheOptions()
    {
        var validator = new AssignmentOptionsValidator();

        var neither = validator.Validate(null, new AssignmentOptions());
        var both = validator.Validate(null, new AssignmentOptions { PlanJson = "{}", ConfigurePlan = _ => { } });

        Assert.True(neither.Failed);
        Assert.Contains("ConfigurePlan", neither.FailureMessage, StringComparison.Ordinal);
        Assert.True(both.Failed);
    }

    [Fact]
    public void OptionsValidator_InvalidPlan_ReportsEveryProblemWithPath()
    {
        var options = new AssignmentOptions { PlanJson = """{ "version": 1, "steps": [ { "kind": "team", "team": "nowhere" } ] }""" };
        options.Reps.Add(Rep("ana"));

        var result = new AssignmentOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("$.steps[0].team", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsValidator_ValidCodePlan_Succeeds()
    {
        var options = new AssignmentOptions { ConfigurePlan = b => b.AddRep(Rep("ana")).AddAllReps(RepSelection.RoundRobin) };

        Assert.True(new AssignmentOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Start_PlanJsonWithNullStepOrDuplicateKey_FailsValidationWithPathNotNullReference()
    {
        foreach (var json in new[] { """{ "version": 1, "steps": [ null ] }""", """{ "version": 1, "steps": [ { "kind": "allReps" } ], "version": 1 }""" })
        {
            var services = new ServiceCollection();
            services.AddLeadKitAssignment(o =>
            {
                o.PlanJson = json;
                o.Reps.Add(Rep("ana"));
            });
            using var provider = services.BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AssignmentOptions>>().Value);

            Assert.Contains("$.", error.Message, StringComparison.Ordinal);
        }
    }
}
