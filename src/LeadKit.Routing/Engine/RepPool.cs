using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Strategies;

namespace LeadKit.Routing.Engine;

/// <summary>
/// A compiled set of reps (a team, every rep, or every rep covering the lead) with one selection. It decides from the
/// ledger snapshot in the context and returns the pool's new rotation with the choice; it never changes the ledger.
/// </summary>
internal sealed class RepPool
{
    private readonly Dictionary<SalesRepId, int> _indexById;
    private readonly Eligibility _eligibility;
    private readonly PoolSelection _selection;
    private readonly bool _requireCoverage;

    // Member i's rotation with no assignments counted, shared by every round-robin and load-balancing choice of it.
    private readonly PoolRotation[] _rotations;

    public RepPool(string key, RepEntry[] members, RepSelection selection, bool requireCoverage, Eligibility eligibility)
    {
        Key = key;
        Members = members;
        _selection = PoolSelection.For(selection);
        _requireCoverage = requireCoverage;
        _eligibility = eligibility;
        Weights = new int[members.Length];
        _rotations = new PoolRotation[members.Length];
        _indexById = new Dictionary<SalesRepId, int>(members.Length);
        for (var i = 0; i < members.Length; i++)
        {
            _indexById.TryAdd(members[i].Rep.Id, i);
            Weights[i] = members[i].Rep.Weight;
            _rotations[i] = new PoolRotation { Name = key, LastRep = members[i].Rep.Id };
            TotalWeight += members[i].Rep.Weight;
        }
    }

    /// <summary>Gets the pool's name in the ledger (rotation survives plans that reuse the name).</summary>
    public string Key { get; }

    public RepEntry[] Members { get; }

    /// <summary>Gets each member's weight, in member order.</summary>
    public int[] Weights { get; }

    public long TotalWeight { get; }

    /// <summary>Gets the eligibility rules of the plan the pool was compiled for.</summary>
    public Eligibility Eligibility => _eligibility;

    public RoutingDecision Decide(in RoutingContext context, string step)
    {
        var rotation = context.Ledger.GetPool(Key);
        var chosen = _selection.Select(this, context, rotation, step, out var counters, out var next);
        if (chosen < 0)
        {
            if (context.Explanation is { } none)
            {
                ExplainNone(none, step);
            }

            return RoutingDecision.Unassigned(UnassignedReason.NoEligibleRep);
        }

        if (context.Explanation is { } explanation)
        {
            ExplainChoice(explanation, step, chosen);
        }

        // The change is built here, where the member's entry is at hand, and travels in the one decision object:
        // the plan records a built-in step's change as it is (see RoutingPlan.Decide).
        var entry = Members[chosen];
        var ledger = context.Ledger;
        var change = new RoutingLedgerChange
        {
            ExpectedVersion = ledger.Version,
            RepId = entry.Rep.Id,
            Counters = _eligibility.Next(entry, counters, context.AsOf),
            Pool = next,
        };
        return RoutingDecision.AssignedWithChange(change, step);
    }

    /// <summary>
    /// The rotation after choosing member <paramref name="index"/> by round robin or load balancing: only the last rep
    /// moves. Such pools count no assignments, so the rotation is one of the pool's shared immutable instances.
    /// </summary>
    public PoolRotation Rotated(PoolRotation? rotation, int index)
    {
        var assignments = rotation?.Assignments ?? 0;
        return assignments == 0 ? _rotations[index] : new() { Name = Key, LastRep = Members[index].Rep.Id, Assignments = assignments };
    }

    /// <summary>Tells whether member <paramref name="index"/> may take the lead, reading its counters from the snapshot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEligible(int index, in RoutingContext context, string step, out RepCounters counters)
    {
        var entry = Members[index];
        counters = context.Ledger.GetCounters(entry.Rep.Id);

        // The common case needs no call: active, no availability rules, no capacities, no filters, counters below their limit.
        return (entry.IsActive && !entry.NeedsChecks && !_requireCoverage && !counters.IsFull) || IsEligibleChecked(entry, counters, context, step);
    }

    /// <summary>The member after the last one chosen (found by the last rep's id, so a changed team continues), or 0.</summary>
    public int StartIndex(PoolRotation? rotation)
    {
        if (rotation is null || rotation.LastRep.IsDefault || !_indexById.TryGetValue(rotation.LastRep, out var last))
        {
            return 0;
        }

        return last + 1 >= Members.Length ? 0 : last + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool IsEligibleChecked(RepEntry entry, RepCounters counters, in RoutingContext context, string step)
    {
        var reason = _eligibility.Check(entry, counters, context, _requireCoverage);
        if (reason == RepSkipReason.None)
        {
            return true;
        }

        context.Explanation?.RecordSkipped(entry.Rep.Id, step, reason);
        return false;
    }

    // Explanation texts are built out of line so the hot method's frame stays small (no string-handler locals to zero).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ExplainNone(RoutingExplanation explanation, string step)
        => explanation.RecordStep(step, $"no eligible rep among {Members.Length} in pool '{Key}'");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ExplainChoice(RoutingExplanation explanation, string step, int chosen)
        => explanation.RecordStep(step, $"chose member {chosen + 1} of {Members.Length} by {_selection.Kind} in pool '{Key}' (the decision names the rep)");
}
