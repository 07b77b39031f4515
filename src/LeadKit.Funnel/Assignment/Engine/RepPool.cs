using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Assignment;

namespace LeadKit.Funnel.Assignment.Engine;

/// <summary>
/// A compiled set of reps (a team, every rep, or every rep covering the lead) with one selection: round robin,
/// smooth weighted round robin or load balancing. Selection and the ledger update happen under the state's lock.
/// </summary>
internal sealed class RepPool
{
    private readonly RepEntry[] _members;
    private readonly WeightCell[] _weights;
    private readonly int[] _weightValues;
    private readonly long _totalWeight;

    /// <summary>Every member is always eligible (active, no availability rules, capacities or filters): selection needs no checks.</summary>
    private readonly bool _allStatic;
    private readonly PoolLedger _ledger;
    private readonly Lock _gate;
    private readonly Eligibility _eligibility;
    private readonly RepSelection _selection;
    private readonly bool _requireCoverage;

    public RepPool(string key, RepEntry[] members, RepSelection selection, bool requireCoverage, AssignmentState state, Eligibility eligibility)
    {
        Key = key;
        _members = members;
        _selection = selection;
        _requireCoverage = requireCoverage;
        _eligibility = eligibility;
        _gate = state.Gate;
        _ledger = state.GetPool(key);
        _weights = new WeightCell[members.Length];
        _weightValues = new int[members.Length];
        _allStatic = !requireCoverage && members.Length > 0;
        lock (_gate)
        {
            var created = new bool[members.Length];
            for (var i = 0; i < members.Length; i++)
            {
                _weights[i] = _ledger.GetWeight(members[i].Rep.Id, out created[i]);
                _weightValues[i] = members[i].Rep.Weight;
                _totalWeight += members[i].Rep.Weight;
                _allStatic &= members[i].IsActive && !members[i].NeedsChecks;
            }

            // A rep joining a pool that already assigned leads starts at its fair share, w * t / W, so it joins the
            // schedule instead of taking a burst of leads to catch up. Nobody else's count changes.
            for (var i = 0; i < members.Length && _ledger.Assignments > 0; i++)
            {
                if (created[i])
                {
                    _weights[i].Count = _weightValues[i] * _ledger.Assignments / _totalWeight;
                }
            }
        }
    }

    /// <summary>Gets the pool's name in the state (rotation survives plans that reuse the name).</summary>
    public string Key { get; }

    public int Count => _members.Length;

    public AssignmentResult Assign(in AssignmentContext context, string step)
    {
        lock (_gate)
        {
            var chosen = _allStatic && _selection == RepSelection.RoundRobin ? NextStatic(context, step) : _selection switch
            {
                RepSelection.WeightedRoundRobin => SelectWeighted(context, step),
                RepSelection.LoadBalancing => SelectLeastLoaded(context, step),
                _ => SelectRoundRobin(context, step),
            };

            if (chosen < 0)
            {
                if (context.Explanation is { } none)
                {
                    ExplainNone(none, step);
                }

                return AssignmentResult.Unassigned(UnassignedReason.NoEligibleRep);
            }

            var entry = _members[chosen];
            var ledger = entry.Ledger;
            if (entry.MaxNewLeadsPerPeriod > 0)
            {
                _eligibility.Commit(entry, context.AsOf);
            }
            else
            {
                // Eligibility.Commit without the period (no time-zone conversion on the hot path).
                ledger.Commit();
            }

            if (!ReferenceEquals(_ledger.LastMembers, _members))
            {
                _ledger.LastMembers = _members;
            }

            _ledger.LastIndex = chosen;
            if (context.Explanation is { } explanation)
            {
                ExplainChoice(explanation, step, chosen);
            }

            return AssignmentResult.Assigned(entry.Rep.Id, step);
        }
    }

    // Explanation texts are built out of line so the hot method's frame stays small (no string-handler locals to zero).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ExplainNone(AssignmentExplanation explanation, string step)
        => explanation.RecordStep(step, $"no eligible rep among {_members.Length} in pool '{Key}'");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ExplainChoice(AssignmentExplanation explanation, string step, int chosen)
        => explanation.RecordStep(step, $"chose member {chosen + 1} of {_members.Length} by {_selection} in pool '{Key}' (the result names the rep)");

    /// <summary>Round robin over always-eligible members: the next one, unless its counters are at their limit.</summary>
    private int NextStatic(in AssignmentContext context, string step)
    {
        var next = StartIndex();
        return _members[next].Ledger.IsFull ? SelectRoundRobin(context, step) : next;
    }

    private int SelectRoundRobin(in AssignmentContext context, string step)
    {
        var count = _members.Length;
        var start = StartIndex();
        for (var k = 0; k < count; k++)
        {
            var i = start + k;
            if (i >= count)
            {
                i -= count;
            }

            if (IsEligible(i, context, step))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Weighted selection with the quota guarantee: for the t-th assignment of the pool, rep i (count c, weight w,
    /// total weight W) is released when W * c &lt;= w * t (one more lead keeps it within one above its share) and the
    /// released rep with the earliest deadline (c + 1) / w wins (ties: member order). This earliest-deadline schedule
    /// of the chairman-assignment problem keeps |c - w * t / W| &lt;= 1 at every prefix; integer arithmetic only.
    /// If no eligible rep is released (some reps ineligible), the earliest deadline among eligible reps wins.
    /// </summary>
    private int SelectWeighted(in AssignmentContext context, string step)
    {
        // The pool's count is capped (AssignmentState.MaximumCount) so total weight x count cannot overflow a long.
        if (_ledger.Assignments >= AssignmentState.MaximumCount)
        {
            return -1;
        }

        var t = _ledger.Assignments + 1;
        var best = -1;
        var bestReleased = false;
        long bestCount = 0;
        long bestWeight = 1;
        for (var i = 0; i < _members.Length; i++)
        {
            if (!(_allStatic && !_members[i].Ledger.IsFull) && !IsEligible(i, context, step))
            {
                continue;
            }

            var count = _weights[i].Count;
            long weight = _weightValues[i];
            var released = _totalWeight * count <= weight * t;
            if (best < 0
                || (released && !bestReleased)
                || (released == bestReleased && (count + 1) * bestWeight < (bestCount + 1) * weight))
            {
                best = i;
                bestReleased = released;
                bestCount = count;
                bestWeight = weight;
            }
        }

        if (best >= 0)
        {
            _weights[best].Count++;
            _ledger.Assignments = t;
        }

        return best;
    }

    private int SelectLeastLoaded(in AssignmentContext context, string step)
    {
        var best = -1;
        for (var i = 0; i < _members.Length; i++)
        {
            if (IsEligible(i, context, step) && (best < 0 || IsLessLoaded(_members[i], _members[best])))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>open_a / cap_a &lt; open_b / cap_b, compared exactly by cross-multiplication; ties by open leads, then total assigned.</summary>
    private static bool IsLessLoaded(RepEntry a, RepEntry b)
    {
        var left = (long)a.Ledger.Open * b.MaxOpenLeads;
        var right = (long)b.Ledger.Open * a.MaxOpenLeads;
        if (left != right)
        {
            return left < right;
        }

        return a.Ledger.Open != b.Ledger.Open ? a.Ledger.Open < b.Ledger.Open : a.Ledger.Assigned < b.Ledger.Assigned;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsEligible(int index, in AssignmentContext context, string step)
    {
        var entry = _members[index];

        // The common case needs no call: active, no availability rules, no capacities, no filters, counters below their limit.
        return (entry.IsActive && !entry.NeedsChecks && !_requireCoverage && !entry.Ledger.IsFull) || IsEligibleChecked(entry, context, step);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool IsEligibleChecked(RepEntry entry, in AssignmentContext context, string step)
    {
        var reason = _eligibility.Check(entry, context, _requireCoverage);
        if (reason == RepSkipReason.None)
        {
            return true;
        }

        context.Explanation?.RecordSkipped(entry.Rep.Id, step, reason);
        return false;
    }

    /// <summary>The member after the last one chosen; after a team change, found again by the last rep's id.</summary>
    private int StartIndex()
    {
        if (ReferenceEquals(_ledger.LastMembers, _members))
        {
            var next = _ledger.LastIndex + 1;
            return next >= _members.Length ? 0 : next;
        }

        var last = _ledger.LastRepId;
        if (last.IsDefault)
        {
            return 0;
        }

        for (var i = 0; i < _members.Length; i++)
        {
            if (_members[i].Rep.Id == last)
            {
                return i + 1 >= _members.Length ? 0 : i + 1;
            }
        }

        return 0;
    }
}
