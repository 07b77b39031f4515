using System.Diagnostics.CodeAnalysis;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;

namespace LeadKit.Funnel.Store;

/// <summary>
/// Keeps the funnel state of many leads and applies transitions with optimistic concurrency. Observers are told
/// after a transition is committed. Implementations must be thread-safe.
/// </summary>
public interface IFunnelStore
{
    /// <summary>Gets the definition every transition is checked against.</summary>
    FunnelDefinition Definition { get; }

    /// <summary>Gets the number of leads in the store.</summary>
    int Count { get; }

    /// <summary>Adds a lead's state (e.g. a new lead, a recycled lead, or a state read from storage).</summary>
    /// <param name="state">The state; its history must replay over <see cref="Definition"/>.</param>
    /// <returns><see langword="true"/> when added; <see langword="false"/> when the store already has the lead.</returns>
    /// <exception cref="ArgumentException">The state's history does not replay over the definition.</exception>
    bool TryAdd(FunnelState state);

    /// <summary>Gets a lead's current state.</summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="state">The state when found.</param>
    /// <returns><see langword="true"/> when the store has the lead.</returns>
    bool TryGet(LeadId leadId, [MaybeNullWhen(false)] out FunnelState state);

    /// <summary>
    /// Fires a trigger on the version of the lead's state the caller last saw. When another writer changed the
    /// lead since, nothing changes and the result is <see cref="FireOutcome.Conflict"/> with the current state.
    /// </summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="expectedVersion">The version the caller's decision is based on.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="details">Actor, reason, lead data and override.</param>
    /// <returns>The result; accepted results are committed before observers are told.</returns>
    /// <exception cref="KeyNotFoundException">The store does not have the lead.</exception>
    FireResult Fire(LeadId leadId, long expectedVersion, FunnelTrigger trigger, in TransitionDetails details = default);

    /// <summary>
    /// Fires a trigger on the lead's latest state, whatever its version; a race with another writer is retried on the
    /// new state (so the transition is checked against the state it is actually applied to).
    /// </summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="details">Actor, reason, lead data and override.</param>
    /// <returns>The result (never <see cref="FireOutcome.Conflict"/>).</returns>
    /// <exception cref="KeyNotFoundException">The store does not have the lead.</exception>
    FireResult FireOnLatest(LeadId leadId, FunnelTrigger trigger, in TransitionDetails details = default);

    /// <summary>Returns the leads whose current stage's SLA is breached (e.g. MQLs not accepted within 48 hours).</summary>
    /// <param name="asOf">The moment to check at.</param>
    /// <returns>The breaching states, longest-waiting first.</returns>
    IReadOnlyList<FunnelState> FindSlaBreaches(DateTimeOffset asOf);

    /// <summary>Returns the leads that have been in a stage longer than a duration.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="duration">The duration; not negative.</param>
    /// <param name="asOf">The moment to measure to.</param>
    /// <returns>The matching states, longest-waiting first.</returns>
    IReadOnlyList<FunnelState> FindInStageLongerThan(FunnelStage stage, TimeSpan duration, DateTimeOffset asOf);
}
