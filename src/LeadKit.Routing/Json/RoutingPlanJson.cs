using System.Globalization;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Routing;

namespace LeadKit.Routing.Json;

/// <summary>
/// Loads routing plans from JSON documents (format, limits and error contract in docs/routing.md) through the shared
/// <see cref="ConfigurationDocument"/> policy: UTF-8, a required integer <c>version</c>, no comments, trailing commas
/// or duplicate keys, byte and depth limits. A closed vocabulary of step kinds and selections; rule conditions in the
/// shared <see cref="Abstractions.Fields.FieldCondition"/> shape of scoring rule sets; unknown properties refused.
/// Every problem is a <see cref="ConfigurationProblem"/> with its JSON path and stable code, never a value.
/// Nothing in a document is executed: no expressions, no type names.
/// </summary>
/// <remarks>Thread-safe (stateless). No reflection: AOT-safe.</remarks>
public static class RoutingPlanJson
{
    /// <summary>The newest document format <c>version</c> this release reads.</summary>
    public const int Version = 1;

    /// <summary>The largest accepted document, in UTF-8 bytes (768 KiB).</summary>
    public const int MaximumBytes = 786_432;

    /// <summary>The deepest accepted nesting of JSON objects and arrays (room for conditions nested <see cref="Abstractions.Fields.FieldCondition.MaximumDepth"/> levels).</summary>
    public const int MaximumDepth = 32;

    private const int MaximumIdLength = 128;

    private const string Kinds = "accountOwnership, territoryRules, team, allReps or attributeMatching";

    private static readonly ConfigurationDocumentOptions Format = new("routing plan", Version) { MaximumBytes = MaximumBytes, MaximumDepth = MaximumDepth };

    /// <summary>
    /// Loads a plan. The builder supplies what the document refers to — reps and application filters; the document
    /// supplies options, teams and steps. The builder is consumed (built) either way.
    /// </summary>
    /// <param name="json">The document; a leading byte-order mark (U+FEFF) is ignored.</param>
    /// <param name="builder">A builder holding the reps (and filters) the document names.</param>
    /// <param name="accountOwners">The account-owner directory, needed when the document has an <c>accountOwnership</c> step.</param>
    /// <returns>The plan, or every problem. Never throws for any content of <paramref name="json"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="builder"/> is <see langword="null"/>.</exception>
    public static RoutingPlanLoadResult Load(string json, RoutingPlanBuilder builder, IAccountOwnerDirectory? accountOwners = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(builder);
        var problems = new List<ConfigurationProblem>();
        using var document = ConfigurationDocument.Parse(json, Format, problems);
        return LoadCore(document, problems, builder, accountOwners);
    }

    /// <summary>Loads a plan from UTF-8 bytes (a file or a request body); see <see cref="Load"/>.</summary>
    /// <param name="utf8Json">The document; a leading UTF-8 byte-order mark is ignored.</param>
    /// <param name="builder">A builder holding the reps (and filters) the document names.</param>
    /// <param name="accountOwners">The account-owner directory, needed when the document has an <c>accountOwnership</c> step.</param>
    /// <returns>The plan, or every problem (invalid UTF-8 is a problem). Never throws for any content.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static RoutingPlanLoadResult LoadUtf8(ReadOnlyMemory<byte> utf8Json, RoutingPlanBuilder builder, IAccountOwnerDirectory? accountOwners = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var problems = new List<ConfigurationProblem>();
        using var document = ConfigurationDocument.Parse(utf8Json, Format, problems);
        return LoadCore(document, problems, builder, accountOwners);
    }

    /// <summary>Reads a plan from a stream of UTF-8 text (at most <see cref="MaximumBytes"/> and one more byte are read); see <see cref="Load"/>.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="builder">A builder holding the reps (and filters) the document names.</param>
    /// <param name="accountOwners">The account-owner directory, needed when the document has an <c>accountOwnership</c> step.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plan, or every problem. Never throws for any content.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="builder"/> is <see langword="null"/>.</exception>
    public static async Task<RoutingPlanLoadResult> LoadAsync(Stream utf8Json, RoutingPlanBuilder builder, IAccountOwnerDirectory? accountOwners = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(builder);
        var problems = new List<ConfigurationProblem>();
        using var document = await ConfigurationDocument.ParseAsync(utf8Json, Format, problems, cancellationToken).ConfigureAwait(false);
        return LoadCore(document, problems, builder, accountOwners);
    }

    private static RoutingPlanLoadResult LoadCore(JsonDocument? document, List<ConfigurationProblem> problems, RoutingPlanBuilder builder, IAccountOwnerDirectory? accountOwners)
    {
        if (document is null)
        {
            // A document that could not be read at all: the builder is still consumed, as documented.
            builder.Lock();
            return new RoutingPlanLoadResult { Problems = [.. problems] };
        }

        var root = new ConfigurationElement(document.RootElement, "$", problems);
        root.ExpectObject(ConfigurationDocument.VersionProperty, "options", "teams", "steps");
        if (root.TryGetProperty("options", out var options))
        {
            ApplyOptions(options, builder.Options);
        }

        if (root.TryGetProperty("teams", out var teams))
        {
            AddTeams(teams, builder);
        }

        if (root.TryGetProperty("steps", out var steps))
        {
            AddSteps(steps, builder, accountOwners);
        }
        else
        {
            root.Report("steps", ConfigurationProblemCodes.Required, "is required");
        }

        try
        {
            var plan = builder.Build();
            return problems.Count == 0 ? new RoutingPlanLoadResult { Plan = plan } : new RoutingPlanLoadResult { Problems = [.. problems] };
        }
        catch (ConfigurationException ex)
        {
            // The document's own findings name the problem best; keep the builder's only for paths not yet reported
            // (nor inside one: a placeholder for a broken rule has no team, and that is the same problem).
            foreach (var problem in ex.Problems)
            {
                if (!problems.Exists(p => Covers(p.Path, problem.Path)))
                {
                    problems.Add(problem);
                }
            }

            return new RoutingPlanLoadResult { Problems = [.. problems] };
        }
    }

    private static bool Covers(string reported, string path)
        => path.StartsWith(reported, StringComparison.Ordinal) && (path.Length == reported.Length || path[reported.Length] is '.' or '[');

    private static void ApplyOptions(ConfigurationElement element, RoutingPlanOptions options)
    {
        if (!element.ExpectObject("name", "respectAvailability", "enforceOpenLeadCapacity", "capacityPeriod", "defaultQueue", "productField"))
        {
            return;
        }

        // Names are checked by the builder (the shared ConfigurationName rule) at the same paths.
        if (element.TryGetProperty("name", out var name) && name.GetString(int.MaxValue, allowBlank: true) is { } planName)
        {
            options.Name = planName;
        }

        if (element.TryGetProperty("respectAvailability", out var respect) && respect.GetBoolean() is { } respectAvailability)
        {
            options.RespectAvailability = respectAvailability;
        }

        if (element.TryGetProperty("enforceOpenLeadCapacity", out var enforce) && enforce.GetBoolean() is { } enforceCapacity)
        {
            options.EnforceOpenLeadCapacity = enforceCapacity;
        }

        if (element.TryGetProperty("defaultQueue", out var queue) && queue.GetString(int.MaxValue, allowBlank: true) is { } defaultQueue)
        {
            options.DefaultQueue = defaultQueue;
        }

        if (element.TryGetProperty("capacityPeriod", out var period) && period.GetString() is { } text)
        {
            switch (text)
            {
                case "none": options.CapacityPeriod = CapacityPeriod.None; break;
                case "day": options.CapacityPeriod = CapacityPeriod.Day; break;
                case "week": options.CapacityPeriod = CapacityPeriod.Week; break;
                case "month": options.CapacityPeriod = CapacityPeriod.Month; break;
                default: period.Report(ConfigurationProblemCodes.InvalidValue, "must be none, day, week or month"); break;
            }
        }

        if (element.TryGetProperty("productField", out var field) && field.GetString(128) is { } key)
        {
            options.ProductField = Parse(field, key, static text => new CustomFieldKey(text), options.ProductField, "a custom field key: a lower-case machine name (a-z, 0-9, _, -, .)");
        }
    }

    private static void AddTeams(ConfigurationElement element, RoutingPlanBuilder builder)
    {
        var teams = element.GetArray(RoutingPlanBuilder.MaximumTeams);
        for (var i = 0; i < teams.Count; i++)
        {
            var team = teams[i];
            SalesTeamId id = default;
            var ids = new List<SalesRepId>();
            if (team.ExpectObject("id", "members"))
            {
                if (team.TryGetRequired("id", out var idElement) && idElement.GetString(MaximumIdLength) is { } text)
                {
                    id = Parse(idElement, text, static t => new SalesTeamId(t), default, Identifier);
                }

                if (team.TryGetRequired("members", out var members))
                {
                    var list = members.GetArray(RoutingPlanBuilder.MaximumReps);
                    for (var j = 0; j < list.Count; j++)
                    {
                        // An invalid id keeps its slot (as a placeholder) so later members keep their JSON paths.
                        ids.Add(list[j].GetString(MaximumIdLength) is { } member
                            ? Parse(list[j], member, static t => new SalesRepId(t), Placeholder(j), Identifier)
                            : Placeholder(j));
                    }
                }
            }

            // Added even when broken, so later teams keep their paths in the builder's problems.
            builder.AddTeam(id, ids);
        }
    }

    private static SalesRepId Placeholder(int index) => new(string.Create(CultureInfo.InvariantCulture, $"invalid-{index}"));

    private static void AddSteps(ConfigurationElement element, RoutingPlanBuilder builder, IAccountOwnerDirectory? accountOwners)
    {
        var steps = element.GetArray(RoutingPlanBuilder.MaximumSteps);
        for (var i = 0; i < steps.Count; i++)
        {
            if (!AddStep(steps[i], builder, accountOwners))
            {
                // The placeholder keeps later steps at their own paths; the load fails anyway because a problem was reported.
                var index = i;
                builder.AddStep(context => context.CreateTeamStrategy(null, RepSelection.RoundRobin, string.Create(CultureInfo.InvariantCulture, $"invalid-step-{index}")));
            }
        }
    }

    /// <summary>Adds one step; <see langword="false"/> when it could not be added (reported).</summary>
    private static bool AddStep(ConfigurationElement step, RoutingPlanBuilder builder, IAccountOwnerDirectory? accountOwners)
    {
        if (!step.ExpectObject("kind", "name", "team", "selection", "rules"))
        {
            return false;
        }

        var name = step.TryGetProperty("name", out var nameElement) ? nameElement.GetString(int.MaxValue, allowBlank: true) : null;
        if (!step.TryGetRequired("kind", out var kindElement) || kindElement.GetString() is not { } kind)
        {
            return false;
        }

        switch (kind)
        {
            case "accountOwnership":
                NotUsed(step, kind, "team", "selection", "rules");
                if (accountOwners is null)
                {
                    step.Report(ConfigurationProblemCodes.Required, "is an accountOwnership step, which needs an account-owner directory, and none was supplied");
                    return false;
                }

                builder.AddAccountOwnership(accountOwners, name ?? "account-ownership");
                return true;
            case "team":
                NotUsed(step, kind, "rules");
                var selection = ReadSelection(step);
                if (!step.TryGetRequired("team", out var teamElement) || teamElement.GetString(MaximumIdLength) is not { } text)
                {
                    return false;
                }

                var team = Parse(teamElement, text, static t => new SalesTeamId(t), default, Identifier);
                if (team.IsDefault)
                {
                    return false;
                }

                builder.AddTeamStep(team, selection, name);
                return true;
            case "allReps":
                NotUsed(step, kind, "team", "rules");
                builder.AddAllReps(ReadSelection(step), name ?? "all-reps");
                return true;
            case "attributeMatching":
                NotUsed(step, kind, "team", "rules");
                builder.AddAttributeMatching(ReadSelection(step), name ?? "attribute-matching");
                return true;
            case "territoryRules":
                NotUsed(step, kind, "team", "selection");
                var rules = step.TryGetRequired("rules", out var rulesElement) ? ReadRules(rulesElement) : [];
                builder.AddTerritoryRules(rules, name ?? "territory-rules");
                return true;
            default:
                kindElement.Report(ConfigurationProblemCodes.UnknownType, "must be " + Kinds);
                return false;
        }
    }

    private static TerritoryRule[] ReadRules(ConfigurationElement element)
    {
        var list = element.GetArray(RoutingPlanBuilderExtensions.MaximumRules);
        var rules = new TerritoryRule[list.Count];
        for (var k = 0; k < list.Count; k++)
        {
            var rule = list[k];

            // A rule that is not an object keeps its slot as a placeholder (reported here, so the builder's findings inside it are dropped).
            var placeholder = new TerritoryRule { Name = string.Create(CultureInfo.InvariantCulture, $"invalid-rule-{k}"), Team = default };
            if (!rule.ExpectObject("name", "when", "team", "selection"))
            {
                rules[k] = placeholder;
                continue;
            }

            var name = rule.TryGetRequired("name", out var nameElement) ? nameElement.GetString(int.MaxValue, allowBlank: true) : null;
            var team = rule.TryGetRequired("team", out var teamElement) && teamElement.GetString(MaximumIdLength) is { } text
                ? Parse(teamElement, text, static t => new SalesTeamId(t), default, Identifier)
                : default;
            var selection = ReadSelection(rule);
            var when = rule.TryGetProperty("when", out var whenElement) ? FieldConditionJson.Read(whenElement, 1) : null;
            if (rule.Value.TryGetProperty("when", out var raw) && raw.ValueKind == JsonValueKind.Null)
            {
                // Elsewhere null counts as absent, but an absent condition matches every lead: a null here is more likely a mistake.
                rule.Report("when", ConfigurationProblemCodes.WrongType, "must be a condition object; leave it out for a rule that matches every lead");
            }

            // A condition that could not be read was reported and is left out; the builder still checks the team.
            rules[k] = new TerritoryRule { Name = name ?? placeholder.Name, Team = team, Selection = selection, When = when };
        }

        return rules;
    }

    private const string Identifier = "an id of 1 to 128 characters, not blank, without control characters";

    private static RepSelection ReadSelection(ConfigurationElement parent)
    {
        if (!parent.TryGetProperty("selection", out var element) || element.GetString() is not { } text)
        {
            return RepSelection.RoundRobin;
        }

        switch (text)
        {
            case "roundRobin": return RepSelection.RoundRobin;
            case "weightedRoundRobin": return RepSelection.WeightedRoundRobin;
            case "loadBalancing": return RepSelection.LoadBalancing;
            default:
                element.Report(ConfigurationProblemCodes.InvalidValue, "must be roundRobin, weightedRoundRobin or loadBalancing");
                return RepSelection.RoundRobin;
        }
    }

    private static T Parse<T>(ConfigurationElement element, string text, Func<string, T> parse, T placeholder, string expected)
    {
        try
        {
            return parse(text);
        }
        catch (ArgumentException)
        {
            // The type's own message may quote the value (an e-mail used as an id); the path and the rule are enough.
            element.Report(ConfigurationProblemCodes.InvalidValue, "must be " + expected);
            return placeholder;
        }
    }

    private static void NotUsed(ConfigurationElement step, string kind, params ReadOnlySpan<string> properties)
    {
        foreach (var property in properties)
        {
            if (step.Value.TryGetProperty(property, out _))
            {
                step.Report(property, ConfigurationProblemCodes.UnknownProperty, $"is not a property of a {kind} step");
            }
        }
    }
}
