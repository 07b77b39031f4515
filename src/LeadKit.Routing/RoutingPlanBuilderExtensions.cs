using System.Globalization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Routing.Strategies;

namespace LeadKit.Routing;

/// <summary>The built-in routing steps, each added through <see cref="RoutingPlanBuilder.AddStep"/> like any plugin.</summary>
public static class RoutingPlanBuilderExtensions
{
    /// <summary>The largest number of rules in one territory step.</summary>
    public const int MaximumRules = 1000;

    /// <summary>The largest number of values in one condition of a rule.</summary>
    public const int MaximumConditionValues = 1000;

    /// <summary>
    /// Adds account ownership: a lead whose <see cref="Abstractions.Leads.Lead.AccountId"/> names an existing customer
    /// account (it came from or was referred by that account) goes to the account's owner, when the owner is a rep of
    /// the plan and passes the eligibility rules (active, available, under capacity).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="directory">Who owns which account.</param>
    /// <param name="name">The step's name.</param>
    /// <returns>The builder.</returns>
    public static RoutingPlanBuilder AddAccountOwnership(this RoutingPlanBuilder builder, IAccountOwnerDirectory directory, string name = "account-ownership")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(directory);
        return builder.AddStep(context => new AccountOwnershipStrategy(name, directory, context.RepsById, context.Eligibility));
    }

    /// <summary>Adds a step that picks a rep of a team with the given selection.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="team">The team.</param>
    /// <param name="selection">Round robin, weighted round robin or load balancing.</param>
    /// <param name="name">The step's name; defaults to <c>team:&lt;id&gt;</c>.</param>
    /// <returns>The builder.</returns>
    public static RoutingPlanBuilder AddTeamStep(this RoutingPlanBuilder builder, SalesTeamId team, RepSelection selection, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddStep(context => context.CreateTeamStrategy(team, selection, name ?? $"team:{team}"));
    }

    /// <summary>Adds a step that picks among every rep of the plan with the given selection (a typical last step).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="selection">Round robin, weighted round robin or load balancing.</param>
    /// <param name="name">The step's name.</param>
    /// <returns>The builder.</returns>
    public static RoutingPlanBuilder AddAllReps(this RoutingPlanBuilder builder, RepSelection selection, string name = "all-reps")
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddStep(context => context.CreateTeamStrategy(null, selection, name));
    }

    /// <summary>
    /// Adds attribute matching: among every rep whose territories, segments, languages and products cover the lead
    /// (see <see cref="Abstractions.Sales.SalesRep"/>), pick one with the given selection.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="selection">Round robin, weighted round robin or load balancing.</param>
    /// <param name="name">The step's name.</param>
    /// <returns>The builder.</returns>
    public static RoutingPlanBuilder AddAttributeMatching(this RoutingPlanBuilder builder, RepSelection selection, string name = "attribute-matching")
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddStep(context => new PoolStrategy(name, context.GetPool(null, selection, requireCoverage: true, "team", "selection")));
    }

    /// <summary>
    /// Adds territory rules: ordered rules whose <see cref="TerritoryRule.When"/> is a shared
    /// <see cref="FieldCondition"/> (country, region, industry, company size, source, language, a custom field such as
    /// the product, ...); the first matching rule routes to its team, which picks a rep with the rule's selection. When
    /// the matching rule's team has nobody eligible the step passes (later rules are not tried: first match wins).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="rules">The rules, in order.</param>
    /// <param name="name">The step's name.</param>
    /// <returns>The builder.</returns>
    public static RoutingPlanBuilder AddTerritoryRules(this RoutingPlanBuilder builder, IEnumerable<TerritoryRule> rules, string name = "territory-rules")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(rules);
        TerritoryRule[] copy = [.. rules];
        return builder.AddStep(context => new TerritoryRulesStrategy(name, CompileRules(context, copy), context.Eligibility));
    }

    private static CompiledRule[] CompileRules(RoutingStepContext context, TerritoryRule[] rules)
    {
        if (rules.Length is 0 or > MaximumRules)
        {
            context.ReportProblem("rules", rules.Length == 0 ? ConfigurationProblemCodes.Required : ConfigurationProblemCodes.TooMany, $"must hold 1 to {MaximumRules} rules");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var compiled = new List<CompiledRule>(rules.Length);
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"rules[{i}]");
            if (rule is null)
            {
                context.ReportProblem(path, ConfigurationProblemCodes.Required, "must not be null");
                continue;
            }

            if (ConfigurationName.Problem(rule.Name) is { } problem)
            {
                context.ReportProblem($"{path}.name", ConfigurationProblemCodes.InvalidValue, problem);
            }
            else if (!names.Add(rule.Name))
            {
                context.ReportProblem($"{path}.name", ConfigurationProblemCodes.DuplicateName, "is the name of another rule; rule names are unique within a step");
            }

            if (rule.Team.IsDefault)
            {
                context.ReportProblem($"{path}.team", ConfigurationProblemCodes.Required, "must be set");
                continue;
            }

            if (rule.When is { } when)
            {
                var at = context.PathOf($"{path}.when");
                CheckValueCounts(when, at, context.Problems);
                when.Validate(at, context.Problems);
            }

            compiled.Add(new CompiledRule
            {
                Name = rule.Name ?? string.Empty,
                Pool = context.GetPool(rule.Team, rule.Selection, requireCoverage: false, $"{path}.team", $"{path}.selection"),
                When = rule.When,
            });
        }

        return [.. compiled];
    }

    /// <summary>Bounds the work of one match: at most <see cref="MaximumConditionValues"/> values in any one condition.</summary>
    private static void CheckValueCounts(FieldCondition condition, string path, ICollection<ConfigurationProblem> problems)
    {
        if (condition.Values.Length > MaximumConditionValues)
        {
            problems.Add(new(path + ".values", ConfigurationProblemCodes.TooMany, $"must hold at most {MaximumConditionValues} values"));
        }

        if (condition.Operator is FieldOperator.All or FieldOperator.Any or FieldOperator.Not)
        {
            var name = FieldOperators.NameOf(condition.Operator);
            for (var i = 0; i < condition.Conditions.Length; i++)
            {
                if (condition.Conditions[i] is { } child)
                {
                    CheckValueCounts(child, condition.Operator == FieldOperator.Not ? path + ".not" : string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{i}]"), problems);
                }
            }
        }
    }
}
