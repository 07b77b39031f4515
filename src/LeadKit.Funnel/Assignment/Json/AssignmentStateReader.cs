using System.Text.Json;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Assignment.Engine;

namespace LeadKit.Funnel.Assignment.Json;

/// <summary>
/// Reads an <see cref="AssignmentState"/> snapshot and checks every value a running state could not have: negative
/// or over-limit counters, a weighted count above its pool's assignments, blank or unsafe pool names, repeated reps
/// or pools. Problems go to <see cref="JsonFields.Errors"/> (the caller throws the first); messages never quote a value.
/// </summary>
internal static class AssignmentStateReader
{
    public static AssignmentState Read(JsonElement root, JsonFields fields)
    {
        var state = new AssignmentState();
        if (!fields.IsObject(root, "$", "an assignment state", "version", "reps", "pools"))
        {
            return state;
        }

        var version = fields.Whole(root, "version", "$", int.MinValue, int.MaxValue);
        if (fields.Errors.Count > 0)
        {
            return state;
        }

        if (version != AssignmentState.SnapshotVersion)
        {
            fields.Report("$.version", version is null
                ? $"The version is missing; expected {AssignmentState.SnapshotVersion}."
                : $"Unsupported assignment-state version; expected {AssignmentState.SnapshotVersion}.");
            return state;
        }

        var reps = fields.List(root, "reps", "$", AssignmentState.MaximumSnapshotEntries) ?? [];
        for (var i = 0; i < reps.Count && fields.Errors.Count == 0; i++)
        {
            ReadRep(reps[i], $"$.reps[{i}]", state, fields);
        }

        var pools = fields.List(root, "pools", "$", AssignmentState.MaximumSnapshotEntries) ?? [];
        for (var i = 0; i < pools.Count && fields.Errors.Count == 0; i++)
        {
            ReadPool(pools[i], $"$.pools[{i}]", state, fields);
        }

        return state;
    }

    private static void ReadRep(JsonElement element, string path, AssignmentState state, JsonFields fields)
    {
        if (!fields.IsObject(element, path, "a rep's counters", "id", "assigned", "open", "periodStart", "assignedInPeriod"))
        {
            return;
        }

        var id = ReadRepId(element, "id", path, fields, required: true);
        var assigned = fields.Whole(element, "assigned", path, 0, AssignmentState.MaximumCount) ?? 0;
        var open = fields.Whole(element, "open", path, 0, int.MaxValue) ?? 0;
        var periodStart = fields.Date(element, "periodStart", path);
        var inPeriod = fields.Whole(element, "assignedInPeriod", path, 0, int.MaxValue) ?? 0;
        if (fields.Errors.Count > 0)
        {
            return;
        }

        var ledger = new RepLedger
        {
            Assigned = assigned,
            Open = (int)open,
            PeriodStart = periodStart?.DayNumber ?? 0,
            PeriodCount = periodStart is null ? 0 : (int)inPeriod,
        };
        if (!state.TryRestore(id.GetValueOrDefault(), ledger))
        {
            fields.Report(path + ".id", "This rep appears more than once; each rep has one entry.");
        }
    }

    private static void ReadPool(JsonElement element, string path, AssignmentState state, JsonFields fields)
    {
        if (!fields.IsObject(element, path, "a pool's rotation", "name", "lastRep", "assignments", "weights"))
        {
            return;
        }

        var name = fields.Text(element, "name", path);
        if (name is null)
        {
            if (fields.Errors.Count == 0)
            {
                fields.Report(path + ".name", "A pool needs a name.");
            }

            return;
        }

        if (ConfigurationName.Problem(name) is { } problem)
        {
            fields.Report(path + ".name", $"The pool name {problem}.");
            return;
        }

        var lastRep = ReadRepId(element, "lastRep", path, fields, required: false);
        var assignments = fields.Whole(element, "assignments", path, 0, AssignmentState.MaximumCount) ?? 0;
        var weights = fields.List(element, "weights", path, AssignmentState.MaximumSnapshotEntries) ?? [];
        if (fields.Errors.Count > 0)
        {
            return;
        }

        var pool = new PoolLedger { Assignments = assignments, RestoredLastRepId = lastRep ?? default };
        for (var j = 0; j < weights.Count && fields.Errors.Count == 0; j++)
        {
            var at = $"{path}.weights[{j}]";
            if (!fields.IsObject(weights[j], at, "a rep's weighted count", "rep", "count"))
            {
                return;
            }

            var rep = ReadRepId(weights[j], "rep", at, fields, required: true);

            // Weighted selection never gives a rep more of a pool's leads than the pool assigned in total.
            var count = fields.Whole(weights[j], "count", at, 0, assignments);
            if (fields.Errors.Count > 0)
            {
                return;
            }

            if (!pool.Weights.TryAdd(rep.GetValueOrDefault(), new WeightCell { Count = count ?? 0 }))
            {
                fields.Report(at + ".rep", "This rep appears more than once in the pool; each rep has one count.");
            }
        }

        if (fields.Errors.Count == 0 && !state.TryRestore(name, pool))
        {
            fields.Report(path + ".name", "This pool appears more than once; each pool has one entry.");
        }
    }

    private static SalesRepId? ReadRepId(JsonElement element, string name, string path, JsonFields fields, bool required)
    {
        var text = fields.Text(element, name, path);
        if (text is null)
        {
            if (required && fields.Errors.Count == 0)
            {
                fields.Report($"{path}.{name}", "A rep id is required here.");
            }

            return null;
        }

        try
        {
            return new SalesRepId(text);
        }
        catch (ArgumentException)
        {
            // The identifier's own message may quote the id (often an e-mail address); the path and the rule suffice.
            fields.Report($"{path}.{name}", "Not a valid rep id (1 to 128 characters, not blank, without control characters).");
            return null;
        }
    }
}
