using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Routing;

/// <summary>Plan-wide settings: the eligibility rules every built-in step applies, the default queue and the product field.</summary>
/// <remarks>Validated by <see cref="RoutingPlanBuilder.Build"/> (and by <c>ValidateOnStart</c> in DI); errors name the option and the rule, never the value.</remarks>
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
    /// <returns>One message per invalid option, naming the option and the rule it breaks (never the value); empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = Problems();
        var messages = new string[problems.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = problems[i].Message;
        }

        return messages;
    }

    /// <summary>Checks every option; each problem with the option's JSON name (<c>name</c>, <c>defaultQueue</c>, ...).</summary>
    internal List<(string Field, string Message)> Problems()
    {
        var errors = new List<(string, string)>();

        // Names flow into explanations, metric tags and logs: the shared rule refuses control, format and bidi characters.
        if (ConfigurationName.Problem(Name) is { } name)
        {
            errors.Add(("name", $"{nameof(Name)} {name}."));
        }

        if (!Enum.IsDefined(CapacityPeriod))
        {
            errors.Add(("capacityPeriod", $"{nameof(CapacityPeriod)} must be None, Day, Week or Month (was {(int)CapacityPeriod})."));
        }

        if (DefaultQueue is not null && ConfigurationName.Problem(DefaultQueue) is { } queue)
        {
            errors.Add(("defaultQueue", $"{nameof(DefaultQueue)} must be null or a valid name: it {queue}."));
        }

        if (ProductField.IsDefault)
        {
            errors.Add(("productField", $"{nameof(ProductField)} must be set (was unset)."));
        }

        return errors;
    }

    internal RoutingPlanOptions Clone() => (RoutingPlanOptions)MemberwiseClone();
}
