using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Routing.Json;

/// <summary>
/// Loads routing plans from JSON documents (format, limits and error contract in docs/routing.md): a closed
/// vocabulary of step kinds, selections and condition fields; unknown properties, duplicate keys, nulls, comments,
/// trailing commas, invalid UTF-8 and unpaired surrogates refused; a UTF-8 BOM accepted; size and depth limits; and
/// every problem reported with its JSON path in the format's words (never a value, never a .NET type name).
/// Nothing in a document is executed: no expressions, no type names.
/// </summary>
/// <remarks>Thread-safe (stateless). No reflection: documents are read token by token, AOT-safe.</remarks>
public static class RoutingPlanJson
{
    /// <summary>The document format version this version of LeadKit reads.</summary>
    public const int Version = 1;

    /// <summary>The longest accepted document, in characters.</summary>
    public const int MaximumLength = 262_144;

    /// <summary>The deepest accepted nesting of JSON objects and arrays.</summary>
    public const int MaximumDepth = 16;

    /// <summary>The longest accepted UTF-8 document, in bytes: every text document within <see cref="MaximumLength"/> fits.</summary>
    public const int MaximumUtf8Length = 3 * MaximumLength;

    /// <summary>
    /// Loads a plan. The builder supplies what the document refers to — reps and application filters — and the
    /// state; the document supplies options, teams and steps. The builder is consumed (built) either way.
    /// </summary>
    /// <param name="json">The document; a leading byte-order mark (U+FEFF) is ignored.</param>
    /// <param name="builder">A builder holding the reps (and filters) the document names.</param>
    /// <param name="accountOwners">The account-owner directory, needed when the document has an <c>accountOwnership</c> step.</param>
    /// <returns>The plan, or every problem with its JSON path. Never throws for any content of <paramref name="json"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="builder"/> is <see langword="null"/>.</exception>
    public static RoutingPlanLoadResult Load(string json, RoutingPlanBuilder builder, IAccountOwnerDirectory? accountOwners = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(builder);
        if (json.Length > MaximumLength)
        {
            return Fail(builder, new RoutingPlanError("$", string.Create(CultureInfo.InvariantCulture, $"The document has {json.Length:N0} characters; at most {MaximumLength:N0} are accepted.")));
        }

        var utf8 = JsonInput.ToUtf8(json, out var problem);
        return utf8 is null ? Fail(builder, problem!.Value) : LoadCore(utf8, builder, accountOwners);
    }

    /// <summary>Loads a plan from UTF-8 bytes (a file or a request body); see <see cref="Load"/>.</summary>
    /// <param name="utf8Json">The document; a leading UTF-8 byte-order mark is ignored.</param>
    /// <param name="builder">A builder holding the reps (and filters) the document names.</param>
    /// <param name="accountOwners">The account-owner directory, needed when the document has an <c>accountOwnership</c> step.</param>
    /// <returns>The plan, or every problem with its JSON path (invalid UTF-8 is a problem). Never throws for any content.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static RoutingPlanLoadResult LoadUtf8(ReadOnlySpan<byte> utf8Json, RoutingPlanBuilder builder, IAccountOwnerDirectory? accountOwners = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var content = JsonInput.SkipBom(utf8Json);
        if (content.Length > MaximumUtf8Length)
        {
            return Fail(builder, new RoutingPlanError("$", string.Create(CultureInfo.InvariantCulture, $"The document has {content.Length:N0} bytes; at most {MaximumUtf8Length:N0} are accepted.")));
        }

        return LoadCore(content.ToArray(), builder, accountOwners);
    }

    private static RoutingPlanLoadResult LoadCore(byte[] utf8, RoutingPlanBuilder builder, IAccountOwnerDirectory? accountOwners)
    {
        using var parsed = JsonInput.Parse(utf8, MaximumDepth, out var problem);
        if (parsed is null)
        {
            return Fail(builder, problem!.Value);
        }

        var errors = new List<RoutingPlanError>();
        var document = RoutingPlanDocumentReader.Read(parsed.RootElement, new JsonFields(errors));
        if (document is null)
        {
            return Fail(builder, errors[0]);
        }

        if (document.Version != Version && !errors.Exists(static e => e.Path == "$.version"))
        {
            errors.Add(new("$.version", document.Version is null ? $"The version is missing; expected {Version}." : $"Unsupported version; expected {Version}."));
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
            // The document's own findings name the problem best; keep the builder's only for paths not yet reported
            // (nor inside one: a null rule's placeholder has no team, and that is the same problem).
            foreach (var error in ex.Errors)
            {
                if (!errors.Exists(e => Covers(e.Path, error.Path)))
                {
                    errors.Add(error);
                }
            }

            return new RoutingPlanLoadResult(null, errors);
        }
    }

    private static bool Covers(string reported, string path)
        => path.StartsWith(reported, StringComparison.Ordinal) && (path.Length == reported.Length || path[reported.Length] is '.' or '[');

    /// <summary>A document that could not be read at all: the builder is still consumed, as documented.</summary>
    private static RoutingPlanLoadResult Fail(RoutingPlanBuilder builder, RoutingPlanError error)
    {
        builder.Lock();
        return new(null, [error]);
    }

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
                _ => Report(errors, "$.options.capacityPeriod", "Unknown capacity period; expected none, day, week or month.", options.CapacityPeriod),
            };
        }

        if (document.ProductField is { } field)
        {
            options.ProductField = Parse(field, "$.options.productField", errors, static text => new CustomFieldKey(text), options.ProductField, Slug);
        }
    }

    private static void AddTeams(List<TeamDocument?>? teams, RoutingPlanBuilder builder, List<RoutingPlanError> errors)
    {
        if (teams is null)
        {
            return;
        }

        for (var i = 0; i < teams.Count; i++)
        {
            // A null entry was reported by the reader; skipping it keeps later teams at their own paths.
            if (teams[i] is not { } team)
            {
                continue;
            }

            var path = $"$.teams[{i}]";
            var id = team.Id is null
                ? Report<SalesTeamId>(errors, $"{path}.id", "A team needs an id.", default)
                : Parse(team.Id, $"{path}.id", errors, static text => new SalesTeamId(text), default, Identifier);
            var members = team.Members ?? Report<List<string?>>(errors, $"{path}.members", "A team needs members.", []);
            var ids = new SalesRepId[members.Count];
            for (var j = 0; j < members.Count; j++)
            {
                // An invalid id keeps its slot (as a placeholder) so later members keep their JSON paths.
                ids[j] = members[j] is { } member
                    ? Parse(member, $"{path}.members[{j}]", errors, static text => new SalesRepId(text), Placeholder(j), Identifier)
                    : Placeholder(j);
            }

            builder.AddTeam(id, ids);
        }
    }

    private static SalesRepId Placeholder(int index) => new(string.Create(CultureInfo.InvariantCulture, $"invalid-{index}"));

    private static void AddSteps(List<StepDocument?>? steps, RoutingPlanBuilder builder, IAccountOwnerDirectory? accountOwners, List<RoutingPlanError> errors)
    {
        if (steps is null)
        {
            return;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var path = $"$.steps[{i}]";
            if (steps[i] is not { } step)
            {
                // Reported by the reader; the placeholder keeps later steps at their own paths.
                AddPlaceholder(builder, i);
                continue;
            }

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
                        : Parse(step.Team, $"{path}.team", errors, static text => new SalesTeamId(text), default, Identifier);
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
                    var rules = step.Rules ?? Report<List<RuleDocument?>>(errors, $"{path}.rules", "A territoryRules step needs rules.", []);
                    builder.AddTerritoryRules(ToRules(rules, path, errors), name ?? "territory-rules");
                    break;
                case null:
                    if (!errors.Exists(e => e.Path == $"{path}.kind"))
                    {
                        errors.Add(new($"{path}.kind", "A step needs a kind: accountOwnership, territoryRules, team, allReps or attributeMatching."));
                    }

                    AddPlaceholder(builder, i);
                    break;
                default:
                    errors.Add(new($"{path}.kind", "Unknown step kind; expected accountOwnership, territoryRules, team, allReps or attributeMatching."));
                    AddPlaceholder(builder, i);
                    break;
            }
        }
    }

    private static TerritoryRule[] ToRules(List<RuleDocument?> rules, string stepPath, List<RoutingPlanError> errors)
    {
        var result = new List<TerritoryRule>(rules.Count);
        for (var k = 0; k < rules.Count; k++)
        {
            var path = $"{stepPath}.rules[{k}]";

            // A null rule was reported by the reader; a placeholder keeps later rules at their own paths.
            var rule = rules[k] ?? new RuleDocument { Name = string.Create(CultureInfo.InvariantCulture, $"invalid-rule-{k}") };
            var when = rule.When ?? new ConditionDocument();
            result.Add(new TerritoryRule
            {
                Name = rule.Name!,
                Team = rule.Team is null
                    ? (rules[k] is null ? new SalesTeamId("invalid") : Report<SalesTeamId>(errors, $"{path}.team", "A rule needs a team.", default))
                    : Parse(rule.Team, $"{path}.team", errors, static text => new SalesTeamId(text), default, Identifier),
                Selection = ParseSelection(rule.Selection, $"{path}.selection", errors),
                Countries = ParseAll(when.Countries, $"{path}.when.countries", errors, static text => new CountryCode(text), "an ISO 3166-1 alpha-2 country code (two upper-case letters)"),
                Regions = ToArray(when.Regions),
                Industries = ToArray(when.Industries),
                MinEmployees = when.MinEmployees,
                MaxEmployees = when.MaxEmployees,
                Sources = ParseAll(when.Sources, $"{path}.when.sources", errors, static text => new LeadSource(text), Slug),
                Languages = ToArray(when.Languages),
                Products = ToArray(when.Products),
            });
        }

        return [.. result];
    }

    private const string Identifier = "an id of 1 to 128 characters, not blank, without control characters";

    private const string Slug = "a lower-case machine name (1 to 64 of a-z, 0-9, _, -, .)";

    private static RepSelection ParseSelection(string? text, string path, List<RoutingPlanError> errors) => text switch
    {
        null or "roundRobin" => RepSelection.RoundRobin,
        "weightedRoundRobin" => RepSelection.WeightedRoundRobin,
        "loadBalancing" => RepSelection.LoadBalancing,
        _ => Report(errors, path, "Unknown selection; expected roundRobin, weightedRoundRobin or loadBalancing.", RepSelection.RoundRobin),
    };

    /// <summary>Null entries were reported by the reader; they are left out (the load fails anyway).</summary>
    private static ImmutableArray<string> ToArray(List<string?>? values)
    {
        if (values is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<string>(values.Count);
        foreach (var value in values)
        {
            if (value is not null)
            {
                result.Add(value);
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<T> ParseAll<T>(List<string?>? values, string path, List<RoutingPlanError> errors, Func<string, T> parse, string expected)
    {
        if (values is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<T>(values.Count);
        for (var j = 0; j < values.Count; j++)
        {
            if (values[j] is { } text && TryParse(text, $"{path}[{j}]", errors, parse, expected, out var value))
            {
                result.Add(value);
            }
        }

        return result.ToImmutable();
    }

    private static T Parse<T>(string text, string path, List<RoutingPlanError> errors, Func<string, T> parse, T placeholder, string expected)
        => TryParse(text, path, errors, parse, expected, out var value) ? value : placeholder;

    private static bool TryParse<T>(string text, string path, List<RoutingPlanError> errors, Func<string, T> parse, string expected, out T value)
    {
        try
        {
            value = parse(text);
            return true;
        }
        catch (ArgumentException)
        {
            // The type's own message may quote the value (an e-mail used as an id); the path and the rule are enough.
            errors.Add(new(path, $"Not valid: expected {expected}."));
            value = default!;
            return false;
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
        => builder.AddStep(context => context.CreateTeamStrategy(null, RepSelection.RoundRobin, string.Create(CultureInfo.InvariantCulture, $"invalid-step-{index}")));
}
