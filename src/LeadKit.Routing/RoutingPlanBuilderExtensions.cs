using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Routing.Strategies;

namespace LeadKit.Routing;

/// <summary>The built-in routing steps, each added through <see cref="RoutingPlanBuilder.AddStep"/> like any plugin.</summary>
public static class RoutingPlanBuilderExtensions
{
    /// <summary>The largest number of rules in one territory step.</summary>
    public const int MaximumRules = 1000;

    /// <summary>The largest number of values in one rule condition.</summary>
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
    /// Adds territory rules: ordered rules on country, region, industry, company size, source, language and
    /// product; the first matching rule routes to its team, which picks a rep with the rule's selection. When the
    /// matching rule's team has nobody eligible the step passes (later rules are not tried: first match wins).
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
            context.ReportError("rules", $"A territory step needs 1 to {MaximumRules} rules (had {rules.Length}).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var compiled = new List<CompiledRule>(rules.Length);
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            var path = $"rules[{i}]";
            if (rule is null)
            {
                context.ReportError(path, "The rule is null.");
                continue;
            }

            if (ConfigurationName.Problem(rule.Name) is { } problem)
            {
                context.ReportError($"{path}.name", $"The rule name {problem}.");
            }
            else if (!names.Add(rule.Name))
            {
                context.ReportError($"{path}.name", "Rule names must be unique within a step; this name is already used.");
            }

            if (rule.Team.IsDefault)
            {
                context.ReportError($"{path}.team", "The rule's team is unset.");
                continue;
            }

            var countries = Check(context, $"{path}.when.countries", rule.Countries.IsDefault ? [] : rule.Countries.AsSpan(), static c => c.IsDefault ? "an unset country code" : null);
            var regions = Check(context, $"{path}.when.regions", rule.Regions.IsDefault ? [] : rule.Regions.AsSpan(), static r => string.IsNullOrWhiteSpace(r) ? "a blank region" : null);
            var industries = Check(context, $"{path}.when.industries", rule.Industries.IsDefault ? [] : rule.Industries.AsSpan(), CheckSlug);
            var sources = Check(context, $"{path}.when.sources", rule.Sources.IsDefault ? [] : rule.Sources.AsSpan(), static s => s.IsDefault ? "an unset lead source" : null);
            var languages = Check(context, $"{path}.when.languages", rule.Languages.IsDefault ? [] : rule.Languages.AsSpan(), CheckLanguage);
            var products = Check(context, $"{path}.when.products", rule.Products.IsDefault ? [] : rule.Products.AsSpan(), CheckSlug);
            if (rule.MinEmployees < 0 || rule.MaxEmployees < 0 || rule.MinEmployees > rule.MaxEmployees)
            {
                context.ReportError($"{path}.when.minEmployees", "Company size bounds must be non-negative with minEmployees <= maxEmployees.");
            }

            compiled.Add(new CompiledRule
            {
                Name = rule.Name ?? string.Empty,
                Pool = context.GetPool(rule.Team, rule.Selection, requireCoverage: false, $"{path}.team", $"{path}.selection"),
                Countries = countries,
                Regions = regions,
                Industries = industries,
                HasSizeBounds = rule.MinEmployees is not null || rule.MaxEmployees is not null,
                MinEmployees = rule.MinEmployees ?? 0,
                MaxEmployees = rule.MaxEmployees ?? int.MaxValue,
                Sources = sources,
                Languages = languages,
                Products = products,
            });
        }

        return [.. compiled];
    }

    /// <summary>Checks a condition list and returns it as an array, or <see langword="null"/> ("any") when empty.</summary>
    private static T[]? Check<T>(RoutingStepContext context, string path, ReadOnlySpan<T> values, Func<T, string?> problem)
    {
        if (values.IsEmpty)
        {
            return null;
        }

        if (values.Length > MaximumConditionValues)
        {
            context.ReportError(path, $"A condition has at most {MaximumConditionValues} values (had {values.Length}).");
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (problem(values[i]) is { } message)
            {
                // Name the rule, not the value: condition values are untrusted document text.
                context.ReportError($"{path}[{i}]", $"The value is {message}.");
            }
        }

        return values.ToArray();
    }

    /// <summary>The machine-name form of industries and products: 1 to 64 of a-z, 0-9, _, -, . starting with a letter or digit.</summary>
    private static string? CheckSlug(string value)
    {
        var valid = value is { Length: > 0 and <= 64 } && (char.IsAsciiLetterLower(value[0]) || char.IsAsciiDigit(value[0]));
        foreach (var c in value ?? string.Empty)
        {
            valid &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-' or '.';
        }

        return valid ? null : "not a lower-case machine name (1 to 64 of a-z, 0-9, _, -, .)";
    }

    private static string? CheckLanguage(string value)
        => value is { Length: 2 } && char.IsAsciiLetterLower(value[0]) && char.IsAsciiLetterLower(value[1]) ? null : "not a lower-case ISO 639-1 code";
}
