using System.Collections.Immutable;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Routing;

/// <summary>
/// An ordered routing rule: when the lead matches every condition, route it to <see cref="Team"/> and pick a rep
/// there with <see cref="Selection"/>. In a territory step the first matching rule wins.
/// </summary>
/// <remarks>
/// An empty list or absent bound means "any". A condition on a value the lead does not have (no company country,
/// no language) does not match. Countries, industries, sources, languages and products compare exactly; regions
/// ignore case; company size is <c>MinEmployees &lt;= employees &lt;= MaxEmployees</c>. Checked by
/// <see cref="RoutingPlanBuilder.Build"/>.
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

    /// <summary>Gets the company countries that match.</summary>
    public ImmutableArray<CountryCode> Countries { get; init; } = [];

    /// <summary>Gets the company regions that match (ignoring case).</summary>
    public ImmutableArray<string> Regions { get; init; } = [];

    /// <summary>Gets the company industries that match.</summary>
    public ImmutableArray<string> Industries { get; init; } = [];

    /// <summary>Gets the smallest matching company size in employees.</summary>
    public int? MinEmployees { get; init; }

    /// <summary>Gets the largest matching company size in employees.</summary>
    public int? MaxEmployees { get; init; }

    /// <summary>Gets the lead sources that match.</summary>
    public ImmutableArray<LeadSource> Sources { get; init; } = [];

    /// <summary>Gets the contact languages (ISO 639-1) that match.</summary>
    public ImmutableArray<string> Languages { get; init; } = [];

    /// <summary>Gets the products of interest that match (see <see cref="RoutingPlanOptions.ProductField"/>).</summary>
    public ImmutableArray<string> Products { get; init; } = [];
}
