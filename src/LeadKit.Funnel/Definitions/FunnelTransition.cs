using System.Collections.Immutable;
using LeadKit.Abstractions.Funnel;

namespace LeadKit.Funnel.Definitions;

/// <summary>One permitted transition of a definition: from a stage, on a trigger, to a destination, with its guards.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FunnelTransition
{
    private readonly FunnelGuardPredicate[] _predicates;

    internal FunnelTransition(FunnelStage source, FunnelTrigger trigger, FunnelStage destination, ImmutableArray<TransitionGuard> guards, bool isBackward, int destinationIndex)
    {
        Source = source;
        Trigger = trigger;
        Destination = destination;
        Guards = guards;
        IsBackward = isBackward;
        DestinationIndex = destinationIndex;
        _predicates = new FunnelGuardPredicate[guards.Length];
        for (var i = 0; i < guards.Length; i++)
        {
            _predicates[i] = guards[i].Predicate;
        }
    }

    /// <summary>Gets the stage the transition leaves.</summary>
    public FunnelStage Source { get; }

    /// <summary>Gets the trigger that fires it.</summary>
    public FunnelTrigger Trigger { get; }

    /// <summary>Gets the stage the transition enters.</summary>
    public FunnelStage Destination { get; }

    /// <summary>Gets the guards that must all be met (empty for an unguarded transition).</summary>
    public ImmutableArray<TransitionGuard> Guards { get; }

    /// <summary>
    /// Gets a value indicating whether this is an explicit backward (audited) edge, such as sales rejecting an MQL
    /// back to nurture: firing it needs a reason, which the history records.
    /// </summary>
    public bool IsBackward { get; }

    internal int DestinationIndex { get; }

    /// <summary>Returns the index of the first unmet guard, or -1 when all are met. Allocation-free.</summary>
    internal int FirstUnmetGuard(in FunnelGuardContext context)
    {
        var predicates = _predicates;
        for (var i = 0; i < predicates.Length; i++)
        {
            if (!predicates[i](in context))
            {
                return i;
            }
        }

        return -1;
    }

    internal bool IsGuardMet(int index, in FunnelGuardContext context) => _predicates[index](in context);

    internal string DescribeUnmetGuard(int index, in FunnelGuardContext context) => Guards[index].DescribeUnmet(in context);

    /// <summary>Returns a short description such as <c>mql --accept--> sal</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Source} --{Trigger}--> {Destination}";
}
