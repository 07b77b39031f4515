using System.Text.Json;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Assignment.Engine;
using LeadKit.Funnel.Assignment.Json;

namespace LeadKit.Funnel.Assignment;

/// <summary>
/// The mutable side of routing: each rep's counters (assigned in total, open, assigned in the current capacity
/// period) and each pool's rotation (last rep chosen; weighted selection's per-rep counts). Routing plans are
/// immutable and bind to a state; several plans (an old and its replacement) can share one state.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe: every assignment selects and records under one lock per state, so under concurrent assignment
/// every lead is assigned exactly once, capacities are never exceeded and the counts add up.
/// </para>
/// <para>Counters are keyed by rep id and pools by name, so a new plan with changed teams keeps everyone's counts.</para>
/// <para>Persist with <see cref="ToJson"/> and restore with <see cref="FromJson(string)"/>.</para>
/// </remarks>
public sealed class AssignmentState
{
    /// <summary>The snapshot format version written by <see cref="ToJson"/>.</summary>
    public const int SnapshotVersion = 1;

    private readonly Dictionary<SalesRepId, RepLedger> _reps = [];
    private readonly Dictionary<string, PoolLedger> _pools = new(StringComparer.Ordinal);

    /// <summary>Gets the number of leads assigned through this state in total.</summary>
    public long TotalAssigned
    {
        get
        {
            lock (Gate)
            {
                long total = 0;
                foreach (var ledger in _reps.Values)
                {
                    total += ledger.Assigned;
                }

                return total;
            }
        }
    }

    internal Lock Gate { get; } = new();

    /// <summary>Reads a rep's counters.</summary>
    /// <param name="repId">The rep.</param>
    /// <returns>The counters; all zero for a rep never assigned.</returns>
    public RepCounters GetCounters(SalesRepId repId)
    {
        lock (Gate)
        {
            return _reps.TryGetValue(repId, out var ledger)
                ? new(ledger.Assigned, ledger.Open, ledger.PeriodStart == 0 ? null : DateOnly.FromDayNumber(ledger.PeriodStart), ledger.PeriodCount)
                : default;
        }
    }

    /// <summary>Records that a rep no longer holds one of their open leads (converted, disqualified or reassigned).</summary>
    /// <param name="repId">The rep.</param>
    /// <exception cref="InvalidOperationException">The rep holds no open leads.</exception>
    public void ReleaseLead(SalesRepId repId)
    {
        lock (Gate)
        {
            var ledger = GetLedger(repId);
            if (ledger.Open == 0)
            {
                throw new InvalidOperationException($"Rep '{repId}' holds no open leads to release.");
            }

            ledger.Open--;
        }
    }

    /// <summary>Sets how many open leads a rep holds, e.g. when starting from the numbers in a CRM.</summary>
    /// <param name="repId">The rep.</param>
    /// <param name="open">The number of open leads (not negative).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="open"/> is negative.</exception>
    public void SetOpenLeads(SalesRepId repId, int open)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(open);
        lock (Gate)
        {
            GetLedger(repId).Open = open;
        }
    }

    /// <summary>Writes a consistent snapshot of the whole state as JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var snapshot = new AssignmentStateSnapshot { Version = SnapshotVersion };
        lock (Gate)
        {
            foreach (var (id, ledger) in _reps)
            {
                snapshot.Reps.Add(new RepSnapshot
                {
                    Id = id.Value!,
                    Assigned = ledger.Assigned,
                    Open = ledger.Open,
                    PeriodStart = ledger.PeriodStart == 0 ? null : DateOnly.FromDayNumber(ledger.PeriodStart),
                    AssignedInPeriod = ledger.PeriodCount,
                });
            }

            foreach (var (name, pool) in _pools)
            {
                var entry = new PoolSnapshot { Name = name, LastRep = pool.LastRepId.Value, Assignments = pool.Assignments };
                foreach (var (rep, cell) in pool.Weights)
                {
                    entry.Weights.Add(new WeightSnapshot { Rep = rep.Value!, Count = cell.Count });
                }

                snapshot.Pools.Add(entry);
            }
        }

        snapshot.Reps.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        snapshot.Pools.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return JsonSerializer.Serialize(snapshot, AssignmentJsonContext.Default.AssignmentStateSnapshot);
    }

    /// <summary>Restores a state from a snapshot written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>The restored state.</returns>
    /// <exception cref="JsonException">The snapshot is malformed; the message gives the JSON path of the problem.</exception>
    public static AssignmentState FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        AssignmentStateSnapshot snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize(json, AssignmentJsonContext.Default.AssignmentStateSnapshot)
                ?? throw new JsonException("Expected an assignment-state object but found null. Path: $.", "$", 0, 0);
        }
        catch (JsonException ex) when (ex.Path is not null && !ex.Message.Contains(ex.Path, StringComparison.Ordinal))
        {
            throw new JsonException($"{ex.Message} Path: {ex.Path}.", ex.Path, ex.LineNumber, ex.BytePositionInLine, ex);
        }

        if (snapshot.Version != SnapshotVersion)
        {
            throw new JsonException($"Unsupported assignment-state version {snapshot.Version} (expected {SnapshotVersion}). Path: $.version.", "$.version", null, null);
        }

        var state = new AssignmentState();
        for (var i = 0; i < snapshot.Reps.Count; i++)
        {
            var rep = snapshot.Reps[i];
            var path = $"$.reps[{i}]";
            var id = ParseRepId(rep.Id, path + ".id");
            if (state._reps.ContainsKey(id))
            {
                throw new JsonException($"Rep '{rep.Id}' appears more than once. Path: {path}.id.", path + ".id", null, null);
            }

            if (rep.Assigned < 0 || rep.Open < 0 || rep.AssignedInPeriod < 0)
            {
                throw new JsonException($"Counters must not be negative (assigned {rep.Assigned}, open {rep.Open}, assignedInPeriod {rep.AssignedInPeriod}). Path: {path}.", path, null, null);
            }

            state._reps.Add(id, new RepLedger
            {
                Assigned = rep.Assigned,
                Open = rep.Open,
                PeriodStart = rep.PeriodStart?.DayNumber ?? 0,
                PeriodCount = rep.PeriodStart is null ? 0 : rep.AssignedInPeriod,
            });
        }

        for (var i = 0; i < snapshot.Pools.Count; i++)
        {
            var entry = snapshot.Pools[i];
            var path = $"$.pools[{i}]";
            if (string.IsNullOrWhiteSpace(entry.Name) || state._pools.ContainsKey(entry.Name))
            {
                throw new JsonException($"Pool name '{entry.Name}' is blank or appears more than once. Path: {path}.name.", path + ".name", null, null);
            }

            if (entry.Assignments < 0)
            {
                throw new JsonException($"Assignments must not be negative (was {entry.Assignments}). Path: {path}.assignments.", path + ".assignments", null, null);
            }

            var pool = new PoolLedger { Assignments = entry.Assignments };
            if (entry.LastRep is not null)
            {
                pool.RestoredLastRepId = ParseRepId(entry.LastRep, path + ".lastRep");
            }

            for (var j = 0; j < entry.Weights.Count; j++)
            {
                var weightPath = $"{path}.weights[{j}].rep";
                var rep = ParseRepId(entry.Weights[j].Rep, weightPath);
                if (!pool.Weights.TryAdd(rep, new WeightCell { Count = entry.Weights[j].Count }))
                {
                    throw new JsonException($"Rep '{rep}' appears more than once. Path: {weightPath}.", weightPath, null, null);
                }
            }

            state._pools.Add(entry.Name, pool);
        }

        return state;
    }

    /// <summary>Gets or creates a rep's ledger; the caller holds <see cref="Gate"/> or is binding a plan.</summary>
    internal RepLedger GetLedger(SalesRepId repId)
    {
        lock (Gate)
        {
            if (!_reps.TryGetValue(repId, out var ledger))
            {
                ledger = new RepLedger();
                _reps.Add(repId, ledger);
            }

            return ledger;
        }
    }

    /// <summary>Gets or creates a pool's ledger.</summary>
    internal PoolLedger GetPool(string name)
    {
        lock (Gate)
        {
            if (!_pools.TryGetValue(name, out var pool))
            {
                pool = new PoolLedger();
                _pools.Add(name, pool);
            }

            return pool;
        }
    }

    private static SalesRepId ParseRepId(string? text, string path)
    {
        try
        {
            return new SalesRepId(text!);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"{ex.Message} Path: {path}.", path, null, null, ex);
        }
    }
}
