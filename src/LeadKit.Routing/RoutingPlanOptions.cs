using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Routing;

/// <summary>Plan-wide settings: the eligibility rules every built-in step applies, the default queue and the product field.</summary>
/// <remarks>Validated by <see cref="RoutingPlanBuilder.Build"/> (and by <c>ValidateOnStart</c> in DI); problems name the option and the rule, never the value.</remarks>
public sealed class RoutingPlanOptions
{
    /// <summary>The longest allowed <see cref="Name"/> and <see cref="DefaultQueue"/> (the shared rule for configuration names).</summary>
    public const int MaximumNameLength = ConfigurationName.MaximumLength;

    /// <summary>Gets or sets the plan's name, shown in explanations.</summary>
    /// <value>Defaults to <c>routing-plan</c>.</value>
    public string Name { get; set; } = "routing-plan";

    /// <summary>Gets or sets a value indicating whether reps out of office or outside their working hours are skipped.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool RespectAvailability { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether a rep holding <see cref="Abstractions.Sales.SalesRep.MaxOpenLeads"/> open leads is skipped.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool EnforceOpenLeadCapacity { get; set; } = true;

    /// <summary>Gets or sets the period over which <see cref="Abstractions.Sales.SalesRep.MaxNewLeadsPerPeriod"/> is counted (in the rep's time zone).</summary>
    /// <value>Defaults to <see cref="CapacityPeriod.Month"/>.</value>
    public CapacityPeriod CapacityPeriod { get; set; } = CapacityPeriod.Month;

    /// <summary>Gets or sets the queue named in unassigned results (e.g. <c>inbound-triage</c>); <see langword="null"/> for none.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? DefaultQueue { get; set; }

    /// <summary>Gets or sets the custom field whose text value is the lead's product of interest (for product rules and coverage).</summary>
    /// <value>Defaults to <c>product</c>.</value>
    public CustomFieldKey ProductField { get; set; } = new("product");

    /// <summary>Checks every option.</summary>
    /// <returns>One problem per invalid option, at <c>RoutingPlanOptions.&lt;Property&gt;</c>, naming the rule it breaks (never the value); empty when valid.</returns>
    public IReadOnlyList<ConfigurationProblem> Validate()
    {
        var problems = new List<ConfigurationProblem>();
        Validate(static property => nameof(RoutingPlanOptions) + "." + property, problems);
        return problems;
    }

    /// <summary>Checks every option; <paramref name="pathOf"/> turns a property name into the problem's path.</summary>
    internal void Validate(Func<string, string> pathOf, ICollection<ConfigurationProblem> problems)
    {
        // Names flow into explanations, metric tags and logs: the shared rule refuses control, format and bidi characters.
        if (ConfigurationName.Problem(Name) is { } name)
        {
            problems.Add(new(pathOf(nameof(Name)), ConfigurationProblemCodes.InvalidValue, name));
        }

        if (!Enum.IsDefined(CapacityPeriod))
        {
            problems.Add(new(pathOf(nameof(CapacityPeriod)), ConfigurationProblemCodes.InvalidValue, "must be None, Day, Week or Month"));
        }

        if (DefaultQueue is not null && ConfigurationName.Problem(DefaultQueue) is { } queue)
        {
            problems.Add(new(pathOf(nameof(DefaultQueue)), ConfigurationProblemCodes.InvalidValue, "must be null or a valid name: it " + queue));
        }

        if (ProductField.IsDefault)
        {
            problems.Add(new(pathOf(nameof(ProductField)), ConfigurationProblemCodes.Required, "must be set"));
        }
    }

    internal RoutingPlanOptions Clone() => (RoutingPlanOptions)MemberwiseClone();
}
