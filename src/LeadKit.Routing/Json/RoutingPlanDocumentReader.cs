using System.Text.Json;

namespace LeadKit.Routing.Json;

/// <summary>
/// Turns a parsed routing-plan document into <see cref="RoutingPlanDocument"/>, reporting every wrong type, unknown
/// property, null and over-long list with its path. Null list entries stay as <see langword="null"/> slots so the
/// entries after them keep their paths; <see cref="RoutingPlanJson"/> skips them (the load fails anyway).
/// </summary>
internal static class RoutingPlanDocumentReader
{
    /// <summary>Reads the document; <see langword="null"/> when the root is not an object (reported).</summary>
    public static RoutingPlanDocument? Read(JsonElement root, JsonFields fields)
    {
        if (!fields.IsObject(root, "$", "a routing plan", "version", "options", "teams", "steps"))
        {
            return null;
        }

        return new RoutingPlanDocument
        {
            Version = (int?)fields.Whole(root, "version", "$", int.MinValue, int.MaxValue),
            Options = ReadOptions(root, fields),
            Teams = ReadList(root, "teams", "$", RoutingPlanBuilder.MaximumTeams, fields, ReadTeam),
            Steps = ReadList(root, "steps", "$", RoutingPlanBuilder.MaximumSteps, fields, ReadStep),
        };
    }

    private static PlanOptionsDocument? ReadOptions(JsonElement root, JsonFields fields)
    {
        if (!root.TryGetProperty("options", out var element) || !fields.IsObject(element, "$.options", "the plan options", "name", "respectAvailability", "enforceOpenLeadCapacity", "capacityPeriod", "defaultQueue", "productField"))
        {
            return null;
        }

        const string path = "$.options";
        return new PlanOptionsDocument
        {
            Name = fields.Text(element, "name", path),
            RespectAvailability = fields.Bool(element, "respectAvailability", path),
            EnforceOpenLeadCapacity = fields.Bool(element, "enforceOpenLeadCapacity", path),
            CapacityPeriod = fields.Text(element, "capacityPeriod", path),
            DefaultQueue = fields.Text(element, "defaultQueue", path),
            ProductField = fields.Text(element, "productField", path),
        };
    }

    private static TeamDocument? ReadTeam(JsonElement element, string path, JsonFields fields)
        => fields.IsObject(element, path, "a team", "id", "members")
            ? new TeamDocument { Id = fields.Text(element, "id", path), Members = fields.Texts(element, "members", path, RoutingPlanBuilder.MaximumReps) }
            : null;

    private static StepDocument? ReadStep(JsonElement element, string path, JsonFields fields)
        => fields.IsObject(element, path, "a step", "kind", "name", "team", "selection", "rules")
            ? new StepDocument
            {
                Kind = fields.Text(element, "kind", path),
                Name = fields.Text(element, "name", path),
                Team = fields.Text(element, "team", path),
                Selection = fields.Text(element, "selection", path),
                Rules = ReadList(element, "rules", path, RoutingPlanBuilderExtensions.MaximumRules, fields, ReadRule),
            }
            : null;

    private static RuleDocument? ReadRule(JsonElement element, string path, JsonFields fields)
    {
        if (!fields.IsObject(element, path, "a territory rule", "name", "when", "team", "selection"))
        {
            return null;
        }

        ConditionDocument? when = null;
        if (element.TryGetProperty("when", out var condition)
            && fields.IsObject(condition, path + ".when", "a rule condition", "countries", "regions", "industries", "minEmployees", "maxEmployees", "sources", "languages", "products"))
        {
            var at = path + ".when";
            const int values = RoutingPlanBuilderExtensions.MaximumConditionValues;
            when = new ConditionDocument
            {
                Countries = fields.Texts(condition, "countries", at, values),
                Regions = fields.Texts(condition, "regions", at, values),
                Industries = fields.Texts(condition, "industries", at, values),
                MinEmployees = (int?)fields.Whole(condition, "minEmployees", at, 0, int.MaxValue),
                MaxEmployees = (int?)fields.Whole(condition, "maxEmployees", at, 0, int.MaxValue),
                Sources = fields.Texts(condition, "sources", at, values),
                Languages = fields.Texts(condition, "languages", at, values),
                Products = fields.Texts(condition, "products", at, values),
            };
        }

        return new RuleDocument
        {
            Name = fields.Text(element, "name", path),
            When = when,
            Team = fields.Text(element, "team", path),
            Selection = fields.Text(element, "selection", path),
        };
    }

    private static List<T?>? ReadList<T>(JsonElement parent, string name, string path, int maxCount, JsonFields fields, Func<JsonElement, string, JsonFields, T?> read)
        where T : class
    {
        var items = fields.List(parent, name, path, maxCount);
        if (items is null)
        {
            return null;
        }

        var result = new List<T?>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            result.Add(read(items[i], $"{path}.{name}[{i}]", fields));
        }

        return result;
    }
}
