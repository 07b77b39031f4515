using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Assignment;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Funnel.Assignment.Engine;
using LeadKit.Funnel.Assignment.Strategies;

namespace LeadKit.Funnel.Assignment;

/// <summary>
/// A compiled routing plan: a chain of steps tried in order; the first step that assigns a rep wins. When no step
/// does, the result is an explicit "unassigned" with the reason (<see cref="UnassignedReason.NoEligibleRep"/> if
/// some step applied but found nobody eligible, otherwise <see cref="UnassignedReason.NotApplicable"/>) and the plan's
/// default queue — never an exception, never a random rep.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; every assignment, by a built-in step or a plugin, is recorded once in the
/// <see cref="AssignmentState"/> the plan was built with.
/// </remarks>
public sealed class RoutingPlan : IAssignmentStrategy
{
    private readonly IAssignmentStrategy[] _steps;

    /// <summary>Per step: true for the built-in steps, which record their assignments under the state's lock as they choose.</summary>
    private readonly bool[] _recordsItself;
    private readonly string? _defaultQueue;
    private readonly AssignmentState _state;
    private readonly Dictionary<SalesRepId, RepEntry> _repsById;
    private readonly Eligibility _eligibility;

    internal RoutingPlan(string name, string? defaultQueue, IAssignmentStrategy[] steps, SalesRep[] reps, AssignmentState state, Dictionary<SalesRepId, RepEntry> repsById, Eligibility eligibility)
    {
        Name = name;
        _defaultQueue = defaultQueue;
        _steps = steps;
        Reps = reps;
        _state = state;
        _repsById = repsById;
        _eligibility = eligibility;
        _recordsItself = new bool[steps.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            _recordsItself[i] = steps[i] is PoolStrategy or TerritoryRulesStrategy or AccountOwnershipStrategy;
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets the steps in the order they are tried.</summary>
    public IReadOnlyList<IAssignmentStrategy> Steps => _steps;

    /// <summary>Gets the plan's reps.</summary>
    public IReadOnlyList<SalesRep> Reps { get; }

    /// <summary>Gets the queue named in unassigned results, if any.</summary>
    public string? DefaultQueue => _defaultQueue;

    /// <inheritdoc />
    public AssignmentResult Assign(in AssignmentContext context)
    {
        var anyNoEligible = false;
        for (var i = 0; i < _steps.Length; i++)
        {
            var step = _steps[i];
            var result = _recordsItself[i] ? step.Assign(context) : AssignByPlugin(step, context);
            if (result.IsAssigned)
            {
                return result;
            }

            anyNoEligible |= result.Reason == UnassignedReason.NoEligibleRep;
            if (context.Explanation is { } explanation)
            {
                ExplainPassed(explanation, step.Name, result.Reason);
            }
        }

        return Unassigned(context.Explanation, anyNoEligible ? UnassignedReason.NoEligibleRep : UnassignedReason.NotApplicable);
    }

    /// <summary>
    /// Runs a step that is not built in and records its assignment like a built-in's: assigned + 1, open + 1 and the
    /// period count for a rep with a per-period limit. A step that delegated to a built-in strategy (which recorded
    /// the assignment on this thread already) is not counted twice. A rep whose counters are at their limit cannot be
    /// assigned, by a plugin either: the step then counts as having found nobody eligible.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private AssignmentResult AssignByPlugin(IAssignmentStrategy step, in AssignmentContext context)
    {
        var before = AssignmentState.RecordedOnThisThread;
        var result = step.Assign(context);
        if (!result.IsAssigned || AssignmentState.RecordedOnThisThread != before)
        {
            return result;
        }

        lock (_state.Gate)
        {
            var entry = _repsById.GetValueOrDefault(result.RepId);
            var ledger = entry?.Ledger ?? _state.GetLedger(result.RepId);
            if (ledger.IsFull)
            {
                context.Explanation?.RecordSkipped(result.RepId, step.Name, RepSkipReason.CounterLimitReached);
                return AssignmentResult.Unassigned(UnassignedReason.NoEligibleRep);
            }

            if (entry is not null)
            {
                _eligibility.Commit(entry, context.AsOf);
            }
            else
            {
                // A rep outside the plan (the plugin's choice) is counted by id; without a rep record there is no period.
                ledger.Commit();
            }
        }

        return result;
    }

    // Out of line: keeps Assign's frame small on the assigned (hot) path.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ExplainPassed(AssignmentExplanation explanation, string step, UnassignedReason reason)
        => explanation.RecordStep(step, $"passed ({reason})");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private AssignmentResult Unassigned(AssignmentExplanation? explanation, UnassignedReason reason)
    {
        explanation?.RecordStep(Name, _defaultQueue is null ? $"nobody assigned ({reason})" : $"nobody assigned ({reason}); queued in '{_defaultQueue}'");
        return AssignmentResult.Unassigned(reason, _defaultQueue);
    }

    /// <summary>Routes a lead without an explanation.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment of assignment.</param>
    /// <returns>The result.</returns>
    public AssignmentResult Assign(Lead lead, DateTimeOffset asOf) => Assign(new AssignmentContext(lead, asOf));
}
