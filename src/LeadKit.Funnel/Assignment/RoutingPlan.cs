using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Assignment;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;

namespace LeadKit.Funnel.Assignment;

/// <summary>
/// A compiled routing plan: a chain of steps tried in order; the first step that assigns a rep wins. When no step
/// does, the result is an explicit "unassigned" with the reason (<see cref="UnassignedReason.NoEligibleRep"/> if
/// some step applied but found nobody eligible, otherwise <see cref="UnassignedReason.NotApplicable"/>) and the plan's
/// default queue — never an exception, never a random rep.
/// </summary>
/// <remarks>Immutable and thread-safe; assignments are recorded in the <see cref="AssignmentState"/> it was built with.</remarks>
public sealed class RoutingPlan : IAssignmentStrategy
{
    private readonly IAssignmentStrategy[] _steps;
    private readonly string? _defaultQueue;

    internal RoutingPlan(string name, string? defaultQueue, IAssignmentStrategy[] steps, SalesRep[] reps)
    {
        Name = name;
        _defaultQueue = defaultQueue;
        _steps = steps;
        Reps = reps;
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
        foreach (var step in _steps)
        {
            var result = step.Assign(context);
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
