using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing.Engine;
using LeadKit.Routing.Strategies;

namespace LeadKit.Routing;

/// <summary>
/// A compiled routing plan: a chain of steps tried in order; the first step that assigns a rep wins. When no step
/// does, the decision is an explicit "unassigned" with the reason (<see cref="UnassignedReason.NoEligibleRep"/> if
/// some step applied but found nobody eligible, otherwise <see cref="UnassignedReason.NotApplicable"/>) and the plan's
/// default queue — never an exception, never a random rep.
/// </summary>
/// <remarks>
/// Immutable and thread-safe, and it holds no counters: it decides from the ledger snapshot it is given and returns
/// the decision with the <see cref="RoutingDecision.Change"/> to record (the rep's counters and the pool's rotation),
/// the same for a built-in step's choice and a plugin's. <see cref="LeadRouter"/> reads, decides and records.
/// </remarks>
public sealed class RoutingPlan : IRoutingStrategy
{
    private readonly IRoutingStrategy[] _steps;
    private readonly string? _defaultQueue;
    private readonly Dictionary<SalesRepId, RepEntry> _repsById;
    private readonly Eligibility _eligibility;
    private readonly IAccountOwnerDirectory? _owners;

    internal RoutingPlan(string name, string? defaultQueue, IRoutingStrategy[] steps, SalesRep[] reps, Dictionary<SalesRepId, RepEntry> repsById, Eligibility eligibility, IAccountOwnerDirectory? owners)
    {
        Name = name;
        _defaultQueue = defaultQueue;
        _steps = steps;
        Reps = reps;
        _repsById = repsById;
        _eligibility = eligibility;
        _owners = owners;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets the steps in the order they are tried.</summary>
    public IReadOnlyList<IRoutingStrategy> Steps => _steps;

    /// <summary>Gets the plan's reps.</summary>
    public IReadOnlyList<SalesRep> Reps { get; }

    /// <summary>Gets the queue named in unassigned decisions, if any.</summary>
    public string? DefaultQueue => _defaultQueue;

    /// <summary>
    /// Decides for a lead from a ledger snapshot, first looking up the account owner when the plan has an
    /// account-ownership step and the lead has an account (the one I/O of routing).
    /// </summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment of assignment.</param>
    /// <param name="ledger">The snapshot to decide from.</param>
    /// <param name="explanation">An explanation to fill, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the owner look-up.</param>
    /// <returns>The decision; when assigned, with the change to record.</returns>
    public ValueTask<RoutingDecision> DecideAsync(Lead lead, DateTimeOffset asOf, RoutingLedgerSnapshot ledger, RoutingExplanation? explanation = null, CancellationToken cancellationToken = default)
    {
        var context = new RoutingContext(lead, asOf, ledger, explanation);
        return _owners is null || lead.AccountId is not { } account
            ? new(Decide(context))
            : DecideWithOwnerAsync(context, account, cancellationToken);
    }

    /// <inheritdoc />
    public RoutingDecision Decide(in RoutingContext context)
    {
        var anyNoEligible = false;
        for (var i = 0; i < _steps.Length; i++)
        {
            var step = _steps[i];
            var decision = step.Decide(context);
            if (decision.IsAssigned)
            {
                // A pool of this plan built its change from the same entries and eligibility rules, and never chooses
                // a full rep: its decision is recorded as it is. Any other step's change is computed here.
                if (decision.Change is { } own && own.ExpectedVersion == context.Ledger.Version && step is ICompiledStep compiled && compiled.IsCompiledWith(_eligibility))
                {
                    return decision;
                }

                var counters = context.Ledger.GetCounters(decision.RepId);

                // A rep whose counters are at their limit cannot be assigned, by a plugin either (built-ins never choose one).
                if (!counters.IsFull)
                {
                    return decision.WithChange(new RoutingLedgerChange
                    {
                        ExpectedVersion = context.Ledger.Version,
                        RepId = decision.RepId,
                        Counters = _eligibility.Next(_repsById.GetValueOrDefault(decision.RepId), counters, context.AsOf),
                        Pool = decision.Rotation,
                    });
                }

                context.Explanation?.RecordSkipped(decision.RepId, step.Name, RepSkipReason.CounterLimitReached);
                decision = RoutingDecision.Unassigned(UnassignedReason.NoEligibleRep);
            }

            anyNoEligible |= decision.Reason == UnassignedReason.NoEligibleRep;
            if (context.Explanation is { } explanation)
            {
                ExplainPassed(explanation, step.Name, decision.Reason);
            }
        }

        return Unassigned(context.Explanation, anyNoEligible ? UnassignedReason.NoEligibleRep : UnassignedReason.NotApplicable);
    }

    private async ValueTask<RoutingDecision> DecideWithOwnerAsync(RoutingContext context, AccountId account, CancellationToken cancellationToken)
    {
        var owner = await _owners!.GetOwnerAsync(account, cancellationToken).ConfigureAwait(false);
        return Decide(context with { AccountOwner = owner });
    }

    // Out of line: keeps Decide's frame small on the assigned (hot) path.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ExplainPassed(RoutingExplanation explanation, string step, UnassignedReason reason)
        => explanation.RecordStep(step, $"passed ({reason})");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private RoutingDecision Unassigned(RoutingExplanation? explanation, UnassignedReason reason)
    {
        explanation?.RecordStep(Name, _defaultQueue is null ? $"nobody assigned ({reason})" : $"nobody assigned ({reason}); queued in '{_defaultQueue}'");
        return RoutingDecision.Unassigned(reason, _defaultQueue);
    }
}
