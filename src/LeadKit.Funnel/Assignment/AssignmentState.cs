using System.Globalization;
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
/// <para>
/// Persist with <see cref="ToJson"/> and restore with <see cref="FromJson(string)"/>, which refuses (with a
/// <see cref="JsonException"/> naming the path) every value a running state cannot have: negative or over-limit
/// counters, a weighted count above its pool's assignments, duplicate keys, nulls, invalid text.
/// </para>
/// <para>
/// Counters never wrap: a rep with <see cref="int.MaxValue"/> open leads or <see cref="MaximumCount"/> assigned is
/// full and no step (built-in or plugin) assigns them more; every assignment, by any step, is counted once.
/// </para>
/// </remarks>
public sealed class AssignmentState
{
    /// <summary>The snapshot format version written by <see cref="ToJson"/>.</summary>
    public const int SnapshotVersion = 1;

    /// <summary>
    /// The largest value of a rep's total assigned, a pool's assignments and a rep's weighted count (one hundred
    /// billion). A rep or pool at the limit takes no more leads; the cap keeps weighted selection's exact integer
    /// arithmetic (total weight x count) inside a 64-bit number, and <see cref="FromJson(string)"/> refuses larger values.
    /// </summary>
    public const long MaximumCount = 100_000_000_000;

    /// <summary>The longest snapshot <see cref="FromJson(string)"/> accepts, in characters (64 Mi).</summary>
    public const int MaximumSnapshotLength = 64 * 1024 * 1024;

    /// <summary>The longest UTF-8 snapshot <see cref="FromJson(ReadOnlySpan{byte})"/> accepts, in bytes: every text snapshot within <see cref="MaximumSnapshotLength"/> fits.</summary>
    public const int MaximumSnapshotUtf8Length = 3 * MaximumSnapshotLength;

    /// <summary>The largest number of reps, of pools and of weights in one pool in a snapshot (one million each).</summary>
    public const int MaximumSnapshotEntries = 1_000_000;

    /// <summary>The snapshot's nesting (state, pools, pool, weights, weight) with room to spare.</summary>
    private const int SnapshotDepth = 8;

    [ThreadStatic]
    private static long t_recorded;

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
    /// <exception cref="InvalidOperationException">The rep holds no open leads (the message does not name the rep).</exception>
    public void ReleaseLead(SalesRepId repId)
    {
        lock (Gate)
        {
            // TryGetValue, not GetLedger: a refused release leaves no trace in the state.
            if (!_reps.TryGetValue(repId, out var ledger) || ledger.Open == 0)
            {
                throw new InvalidOperationException("The rep holds no open leads to release (releases must follow assignments or SetOpenLeads).");
            }

            ledger.Open--;
        }
    }

    /// <summary>
    /// Sets how many open leads a rep holds, e.g. when starting from the numbers in a CRM. A rep holding
    /// <see cref="int.MaxValue"/> open leads is full: no step assigns them another lead until one is released.
    /// </summary>
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
    /// <param name="json">The snapshot; a leading byte-order mark (U+FEFF) is ignored.</param>
    /// <returns>The restored state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">
    /// The snapshot is not a valid state (see docs/assignment.md for the limits): <see cref="JsonException.Path"/> is the
    /// JSON path of the first problem, and the message names the path and the rule, never a value. No other exception
    /// is thrown for any content.
    /// </exception>
    public static AssignmentState FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaximumSnapshotLength)
        {
            throw Refuse(new("$", string.Create(CultureInfo.InvariantCulture, $"The snapshot has {json.Length:N0} characters; at most {MaximumSnapshotLength:N0} are accepted.")));
        }

        var utf8 = JsonInput.ToUtf8(json, out var problem) ?? throw Refuse(problem!.Value);
        return Restore(utf8);
    }

    /// <summary>Restores a state from a UTF-8 snapshot (a file or a database column); see <see cref="FromJson(string)"/>.</summary>
    /// <param name="utf8Json">The snapshot; a leading UTF-8 byte-order mark is ignored.</param>
    /// <returns>The restored state.</returns>
    /// <exception cref="JsonException">The snapshot is not a valid state (invalid UTF-8 included); the path of the first problem.</exception>
    public static AssignmentState FromJson(ReadOnlySpan<byte> utf8Json)
    {
        var content = JsonInput.SkipBom(utf8Json);
        if (content.Length > MaximumSnapshotUtf8Length)
        {
            throw Refuse(new("$", string.Create(CultureInfo.InvariantCulture, $"The snapshot has {content.Length:N0} bytes; at most {MaximumSnapshotUtf8Length:N0} are accepted.")));
        }

        return Restore(content.ToArray());
    }

    private static AssignmentState Restore(byte[] utf8)
    {
        using var parsed = JsonInput.Parse(utf8, SnapshotDepth, out var problem);
        if (parsed is null)
        {
            throw Refuse(problem!.Value);
        }

        var errors = new List<RoutingPlanError>();
        var state = AssignmentStateReader.Read(parsed.RootElement, new JsonFields(errors));
        return errors.Count == 0 ? state : throw Refuse(errors[0]);
    }

    private static JsonException Refuse(RoutingPlanError problem)
        => new($"{problem.Message} Path: {problem.Path}.", problem.Path, null, null);

    /// <summary>Adds a restored rep; <see langword="false"/> when the id is already taken.</summary>
    internal bool TryRestore(SalesRepId id, RepLedger ledger) => _reps.TryAdd(id, ledger);

    /// <summary>Adds a restored pool; <see langword="false"/> when the name is already taken.</summary>
    internal bool TryRestore(string name, PoolLedger pool) => _pools.TryAdd(name, pool);

    /// <summary>Counts one recorded assignment on this thread, so a plan can tell whether a step recorded its own.</summary>
    internal static void CountRecorded() => t_recorded++;

    /// <summary>Gets the number of assignments recorded on this thread so far.</summary>
    internal static long RecordedOnThisThread => t_recorded;

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
}
