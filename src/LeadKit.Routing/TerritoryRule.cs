using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Routing;

/// <summary>
/// An ordered routing rule: when the lead matches <see cref="When"/>, route it to <see cref="Team"/> and pick a rep
/// there with <see cref="Selection"/>. In a territory step the first matching rule wins.
/// </summary>
/// <remarks>
/// The condition is a shared <see cref="FieldCondition"/>, the same vocabulary and semantics as scoring rules
/// (<see cref="FieldCondition.Matches"/> is the reference): text compares ordinally ignoring case, a lead lacking a
/// value matches only <see cref="FieldOperator.NotExists"/>. Checked by <see cref="RoutingPlanBuilder.Build"/>.
/// </remarks>
public sealed record TerritoryRule
{
    /// <summary>Gets the rule's name, unique within its step, shown in explanations.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the team the rule routes to.</summary>
    public required SalesTeamId Team { get; init; }

    /// <summary>Gets how a rep is picked inside the team.</summary>
    /// <value>Defaults to <see cref="RepSelection.RoundRobin"/>.</value>
    public RepSelection Selection { get; init; }

    /// <summary>Gets the condition a lead must match, e.g. <c>FieldCondition.Create(LeadField.Country, FieldOperator.In, ["DE", "AT"])</c>.</summary>
    /// <value>Defaults to <see langword="null"/>: the rule matches every lead (a catch-all rule).</value>
    public FieldCondition? When { get; init; }
}
