using System.Collections.Immutable;
using System.Text.Json;
using LeadKit.Abstractions.Assignment;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Funnel.Assignment.Json;

/// <summary>
/// Loads routing plans from JSON documents (format in docs/assignment.md): a closed vocabulary of step kinds,
/// selections and condition fields, unknown properties rejected, size and depth limits, and every problem reported
/// with its JSON path. Nothing in a document is executed: no expressions, no type names.
/// </summary>
/// <remarks>Thread-safe (stateless). Source-generated serialization, AOT-safe.</remarks>
public static class RoutingPlanJson
{
    /// <summary>The document format version this version of LeadKit reads.</summary>
    public const int Version = 1;

    /// <summary>The longest accepted document, in characters.</summary>
    public const int MaximumLength = 262_144;

    /// <summary>The deepest accepted nesting of JSON objects and arrays.</summary>
    public const int MaximumDepth = 16;

    /// <summary>
    /// Loads a plan. The builder supplies what the document refers to — reps and application filters — and the
    /// state; the document supplies options, teams and steps. The builder is consumed (built) either way.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="builder">A builder holding the reps (and filters) the document names.</param>
    /// <param name="accountOwners">The account-owner directory, needed when the document has an <c>accountOwnership</c> step.</param>
    /// <returns>The plan, or every problem with its JSON path.</returns>
    public static RoutingPlanLoadResult Load(string json, RoutingPlanBuilder builder, IAccountOwnerDirectory? accountOwners = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(builder);
        if (json.Length > MaximumLength)
        {
            return Fail(new RoutingPlanError("$", $"The document has {json.Length} characters; at most {MaximumLength} are accepted."));
        }

        RoutingPlanDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, AssignmentJsonContext.Default.RoutingPlanDocument);
        }
        catch (JsonException ex)
        {
            return Fail(new RoutingPlanError(ex.Path ?? "$", ex.Message));
        }

        if (document is null)
        {
            return Fail(new RoutingPlanError("$", "Expected a routing-plan object but found null."));
        }

        var errors = new List<RoutingPlanError>();
        if (document.Version != Version)
        {
            errors.Add(new("$.version", $"Expected version {Version} (was {document.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"})."));
        }

        ApplyOptions(document.Options, builder.Options, errors);
        AddTeams(document.Teams, builder, errors);
        AddSteps(document.Steps, builder, accountOwners, errors);

        try
        {
            var plan = builder.Build();
            return errors.Count == 0 ? new RoutingPlanLoadResult(plan, []) : new RoutingPlanLoadResult(null, errors);
        }
        catch (RoutingPlanException ex)
        {
            // The document's own findings name the problem best; keep the builder's only for paths not yet reported.
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var error in errors)
            {
                reported.Add(error.Path);
            }

            foreach (var error in ex.Errors)
            {
                if (!reported.Contains(error.Path))
                {
                    errors.Add(error);
                }
            }

            return new RoutingPlanLoadResult(null, errors);
        }
    }

    private static RoutingPlanLoadResult Fail(RoutingPlanError error) => new(null, [error]);

    private static void ApplyOptions(PlanOptionsDocument? document, RoutingPlanOptions options, List<RoutingPlanError> errors)
    {
        if (document is null)
        {
            return;
        }

        options.Name = document.Name ?? options.Name;
        options.RespectAvailability = document.RespectAvailability ?? options.RespectAvailability;
        options.EnforceOpenLeadCapacity = document.EnforceOpenLeadCapacity ?? options.EnforceOpenLeadCapacity;
        options.DefaultQueue = document.DefaultQueue ?? options.DefaultQueue;
        if (document.CapacityPeriod is { } period)
        {
            options.CapacityPeriod = period switch
            {
                "none" => CapacityPeriod.None,
                "day" => CapacityPeriod.Day,
                "week" => CapacityPeriod.Week,
                "month" => CapacityPeriod.Month,
                _ => Report(errors, "$.options.capacityPeriod", $"Unknown capacity period '{period}'; expected none, day, week or month.", options.CapacityPeriod),
            };
        }

        if (document.ProductField is { } field)
        {
            options.ProductField = Parse(field, "$.options.productField", errors, static text => new CustomFieldKey(text), options.ProductField);
        }
    }

    private static void AddTeams(List<TeamDocument>? teams, RoutingPlanBuilder builder, List<RoutingPlanError> errors)
    {
        if (teams is null)
        {
            return;
        }

        for (var i = 0; i < teams.Count; i++)
        {
            var team = teams[i];
            var path = $"$.teams[{i}]";
            var id = team.Id is null
                ? Report<SalesTeamId>(errors, $"{path}.id", "A team needs an id.", default)
                : Parse(team.Id, $"{path}.id", errors, static text => new SalesTeamId(text), default);
            var members = team.Members ?? Report<List<string>>(errors, $"{path}.members", "A team needs members.", []);
            var ids = new SalesRepId[members.Count];
            for (var j = 0; j < members.Count; j++)
            {
                // An invalid id keeps its slot (as a placeholder) so later members keep their JSON paths.
                ids[j] = Parse(members[j], $"{path}.members[{j}]", errors, static text => new SalesRepId(text), new SalesRepId($"invalid-{j}"));
            }

            builder.AddTeam(id, ids);
        }
    }

    private static void AddSteps(List<StepDocument>? steps, RoutingPlanBuilder builder, IAccountOwnerDirectory? accountOwners, List<RoutingPlanError> errors)
    {
        if (steps is null)
        {
            return;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var path = $"$.steps[{i}]";
            var name = step.Name;
            switch (step.Kind)
            {
                case "accountOwnership":
                    Disallow(step.Team is not null, $"{path}.team", errors);
                    Disallow(step.Selection is not null, $"{path}.selection", errors);
                    Disallow(step.Rules is not null, $"{path}.rules", errors);
                    if (accountOwners is null)
                    {
                        errors.Add(new(path, "An accountOwnership step needs an account-owner directory, and none was supplied."));
                        AddPlaceholder(builder, i);
                    }
                    else
                    {
                        builder.AddAccountOwnership(accountOwners, name ?? "account-ownership");
                    }

                    break;
                case "team":
                    Disallow(step.Rules is not null, $"{path}.rules", errors);
                    var team = step.Team is null
                        ? Report<SalesTeamId>(errors, $"{path}.team", "A team step needs a team.", default)
                        : Parse(step.Team, $"{path}.team", errors, static text => new SalesTeamId(text), default);
                    var selection = ParseSelection(step.Selection, $"{path}.selection", errors);
                    if (team.IsDefault)
                    {
                        AddPlaceholder(builder, i);
                    }
                    else
                    {
                        builder.AddTeamStep(team, selection, name);
                    }

                    break;
                case "allReps":
                case "attributeMatching":
                    Disallow(step.Team is not null, $"{path}.team", errors);
                    Disallow(step.Rules is not null, $"{path}.rules", errors);
                    var poolSelection = ParseSelection(step.Selection, $"{path}.selection", errors);
                    if (step.Kind == "allReps")
                    {
                        builder.AddAllReps(poolSelection, name ?? "all-reps");
                    }
                    else
                    {
                        builder.AddAttributeMatching(poolSelection, name ?? "attribute-matching");
                    }

                    break;
                case "territoryRules":
                    Disallow(step.Team is not null, $"{path}.team", errors);
                    Disallow(step.Selection is not null, $"{path}.selection", errors);
                    var rules = step.Rules ?? Report<List<RuleDocument>>(errors, $"{path}.rules", "A territoryRules step needs rules.", []);
                    builder.AddTerritoryRules(ToRules(rules, path, errors), name ?? "territory-rules");
                    break;
                default:
                    errors.Add(new($"{path}.kind", $"Unknown step kind '{step.Kind}'; expected accountOwnership, territoryRules, team, allReps or attributeMatching."));
                    AddPlaceholder(builder, i);
                    break;
            }
        }
    }

    private static TerritoryRule[] ToRules(List<RuleDocument> rules, string stepPath, List<RoutingPlanError> errors)
    {
        var result = new TerritoryRule[rules.Count];
        for (var k = 0; k < rules.Count; k++)
        {
            var rule = rules[k];
            var path = $"{stepPath}.rules[{k}]";
            var when = rule.When ?? new ConditionDocument();
            result[k] = new TerritoryRule
            {
                Name = rule.Name!,
                Team = rule.Team is null
                    ? Report<SalesTeamId>(errors, $"{path}.team", "A rule needs a team.", default)
                    : Parse(rule.Team, $"{path}.team", errors, static text => new SalesTeamId(text), default),
                Selection = ParseSelection(rule.Selection, $"{path}.selection", errors),
                Countries = ParseAll(when.Countries, $"{path}.when.countries", errors, static text => new CountryCode(text), new CountryCode("ZZ")),
                Regions = ToArray(when.Regions),
                Industries = ToArray(when.Industries),
                MinEmployees = when.MinEmployees,
                MaxEmployees = when.MaxEmployees,
                Sources = ParseAll(when.Sources, $"{path}.when.sources", errors, static text => new LeadSource(text), LeadSource.Other),
                Languages = ToArray(when.Languages),
                Products = ToArray(when.Products),
            };
        }

        return result;
    }

    private static RepSelection ParseSelection(string? text, string path, List<RoutingPlanError> errors) => text switch
    {
        null or "roundRobin" => RepSelection.RoundRobin,
        "weightedRoundRobin" => RepSelection.WeightedRoundRobin,
        "loadBalancing" => RepSelection.LoadBalancing,
        _ => Report(errors, path, $"Unknown selection '{text}'; expected roundRobin, weightedRoundRobin or loadBalancing.", RepSelection.RoundRobin),
    };

    private static ImmutableArray<string> ToArray(List<string>? values) => values is null ? [] : [.. values];

    private static ImmutableArray<T> ParseAll<T>(List<string>? values, string path, List<RoutingPlanError> errors, Func<string, T> parse, T placeholder)
    {
        if (values is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<T>(values.Count);
        for (var j = 0; j < values.Count; j++)
        {
            result.Add(Parse(values[j], $"{path}[{j}]", errors, parse, placeholder));
        }

        return result.MoveToImmutable();
    }

    private static T Parse<T>(string text, string path, List<RoutingPlanError> errors, Func<string, T> parse, T placeholder)
    {
        try
        {
            return parse(text);
        }
        catch (ArgumentException ex)
        {
            errors.Add(new(path, ex.Message));
            return placeholder;
        }
    }

    private static T Report<T>(List<RoutingPlanError> errors, string path, string message, T placeholder)
    {
        errors.Add(new(path, message));
        return placeholder;
    }

    private static void Disallow(bool present, string path, List<RoutingPlanError> errors)
    {
        if (present)
        {
            errors.Add(new(path, "This property is not allowed for this step kind."));
        }
    }

    /// <summary>Keeps the step's slot so later steps keep their JSON paths; the load fails anyway because an error was reported.</summary>
    private static void AddPlaceholder(RoutingPlanBuilder builder, int index)
        => builder.AddStep(context => context.CreateTeamStrategy(null, RepSelection.RoundRobin, $"invalid-step-{index}"));
}
