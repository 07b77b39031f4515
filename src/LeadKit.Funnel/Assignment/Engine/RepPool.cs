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
        lock (_gate)
        {
            for (var i = 0; i < members.Length; i++)
            {
                _weights[i] = _ledger.GetWeight(members[i].Rep.Id);
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
            var chosen = _selection switch
            {
                RepSelection.WeightedRoundRobin => SelectWeighted(context, step),
                RepSelection.LoadBalancing => SelectLeastLoaded(context, step),
                _ => SelectRoundRobin(context, step),
            };

            if (chosen < 0)
            {
                context.Explanation?.RecordStep(step, $"no eligible rep among {_members.Length} in pool '{Key}'");
                return AssignmentResult.Unassigned(UnassignedReason.NoEligibleRep);
            }

            var entry = _members[chosen];
            _eligibility.Commit(entry, context.AsOf);
            _ledger.LastRepId = entry.Rep.Id;
            _ledger.LastMembers = _members;
            _ledger.LastIndex = chosen;
            context.Explanation?.RecordStep(step, $"chose {entry.Rep.Id} by {_selection} in pool '{Key}'");
            return AssignmentResult.Assigned(entry.Rep.Id, step);
        }
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

    /// <summary>Smooth weighted round robin (as in nginx): deterministic and evenly interleaved.</summary>
    private int SelectWeighted(in AssignmentContext context, string step)
    {
        var best = -1;
        long total = 0;
        long bestWeight = long.MinValue;
        for (var i = 0; i < _members.Length; i++)
        {
            if (!IsEligible(i, context, step))
            {
                continue;
            }

            var weight = _members[i].Rep.Weight;
            var cell = _weights[i];
            cell.Current += weight;
            total += weight;
            if (cell.Current > bestWeight)
            {
                bestWeight = cell.Current;
                best = i;
            }
        }

        if (best >= 0)
        {
            _weights[best].Current -= total;
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

    private bool IsEligible(int index, in AssignmentContext context, string step)
    {
        var entry = _members[index];
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

        if (_ledger.LastRepId.IsDefault)
        {
            return 0;
        }

        for (var i = 0; i < _members.Length; i++)
        {
            if (_members[i].Rep.Id == _ledger.LastRepId)
            {
                return i + 1 >= _members.Length ? 0 : i + 1;
            }
        }

        return 0;
    }
}
