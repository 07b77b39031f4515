using System.Collections.Immutable;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;
using LeadKit.Funnel.State;

namespace LeadKit.Funnel.Definitions;

/// <summary>
/// A compiled funnel: its stages, the transitions each permits (with guards), terminal stages, SLAs and recycling.
/// Fires triggers on per-lead <see cref="FunnelState"/> values as pure functions.
/// </summary>
/// <remarks>
/// <para>
/// Immutable and thread-safe: one instance (a singleton) serves any number of leads concurrently. Built by
/// <see cref="FunnelDefinitionBuilder"/> or <see cref="DefaultFunnel"/>. Look-ups are array reads indexed by the
/// stage and trigger <c>Ordinal</c>: firing does no LINQ, no dictionary look-up, no closure and no formatting on
/// the accepted path, and <see cref="CanFire(FunnelState, FunnelTrigger, DateTimeOffset, in TransitionDetails)"/>
/// allocates nothing (given allocation-free guards).
/// </para>
/// <para>
/// Rules of a transition, in order: the trigger must be permitted from the current stage (otherwise
/// <see cref="FireOutcome.Invalid"/>); an actor or reason, when given, must not be blank; a backward edge needs a
/// reason; an override needs an actor, a reason and the definition's authorisation
/// (<see cref="FunnelDefinitionBuilder.AuthorizeOverrides"/>; without one every override is refused), and then skips
/// the guards; otherwise every guard must be met. A requirement that is not met gives
/// <see cref="FireOutcome.Refused"/> with each unmet description (a guard's explanation, such as the qualification
/// policy's reasons, follows its description in parentheses); it never throws.
/// </para>
/// <para>
/// Messages name stages, triggers and fields, never a lead id, an actor or a reason (applications use e-mail
/// addresses as lead ids).
/// </para>
/// </remarks>
public sealed class FunnelDefinition
{
    /// <summary>The description of the requirement that a backward edge carries a reason.</summary>
    public const string ReasonRequiredDescription = "a reason is required (backward edge, audited)";

    /// <summary>The description of the requirement that an override names an actor and a reason.</summary>
    public const string OverrideRequirementsDescription = "an override needs an actor and a reason";

    /// <summary>The description of the refusal of an override by a definition that authorises no overrides.</summary>
    public const string OverridesNotEnabledDescription = "overrides are not enabled: the funnel definition has no override authorizer (FunnelDefinitionBuilder.AuthorizeOverrides, FunnelOptions.OverrideAuthorizer)";

    /// <summary>The longest actor or reason accepted, in UTF-16 code units (what the funnel-state JSON format also accepts).</summary>
    public const int MaximumTextLength = 1000;

    /// <summary>The description of the requirement that an actor, when given, is not blank and is valid text of at most <see cref="MaximumTextLength"/> characters.</summary>
    public const string InvalidActorDescription = "the actor, when given, must not be empty or white space and must be at most 1000 characters of valid Unicode (no unpaired surrogate)";

    /// <summary>The description of the requirement that a reason, when given, is not blank and is valid text of at most <see cref="MaximumTextLength"/> characters.</summary>
    public const string InvalidReasonDescription = "the reason, when given, must not be empty or white space and must be at most 1000 characters of valid Unicode (no unpaired surrogate)";

    private readonly FunnelStage[] _stages;
    // The stages and triggers, registered when the definition is built, so a stage or trigger is found by ordinal.
    private readonly VocabularyIndex<FunnelStage> _stageIndex;
    private readonly VocabularyIndex<FunnelTrigger> _triggerIndex;
    private readonly int _triggerCount;
    private readonly FunnelTransition?[] _table;
    private readonly ImmutableArray<FunnelTransition>[] _outgoing;
    private readonly bool[] _terminal;
    private readonly long[] _maxTicks;
    private readonly int[] _recycleInto;
    private readonly Action<FunnelState>[][] _entryActions;
    private readonly Action<FunnelState>[][] _exitActions;
    private readonly FunnelOverrideAuthorizer? _overrideAuthorizer;
    private readonly string? _overrideDescription;

    internal FunnelDefinition(
        FunnelStage initialStage,
        List<StageConfiguration> stages,
        FunnelStage[] mainPath,
        FunnelOverrideAuthorizer? overrideAuthorizer,
        string? overrideDescription)
    {
        InitialStage = initialStage;
        MainPath = [.. mainPath];
        _overrideAuthorizer = overrideAuthorizer;
        _overrideDescription = overrideDescription;

        var count = stages.Count;
        _stages = new FunnelStage[count];
        for (var i = 0; i < count; i++)
        {
            _stages[i] = stages[i].Stage;
        }

        _stageIndex = new VocabularyIndex<FunnelStage>(_stages);

        // Dense local trigger indexes so the table is stages x triggers, whatever the process-wide ordinals are.
        _triggerIndex = new VocabularyIndex<FunnelTrigger>(stages.SelectMany(s => s.Transitions).Select(t => t.Trigger));
        _triggerCount = _triggerIndex.Count;

        _table = new FunnelTransition?[count * _triggerCount];
        _outgoing = new ImmutableArray<FunnelTransition>[count];
        _terminal = new bool[count];
        _maxTicks = new long[count];
        _recycleInto = new int[count];
        _entryActions = new Action<FunnelState>[count][];
        _exitActions = new Action<FunnelState>[count][];
        var all = ImmutableArray.CreateBuilder<FunnelTransition>();
        for (var i = 0; i < count; i++)
        {
            var stage = stages[i];
            var outgoing = ImmutableArray.CreateBuilder<FunnelTransition>(stage.Transitions.Count);
            foreach (var pending in stage.Transitions)
            {
                var transition = new FunnelTransition(
                    stage.Stage,
                    pending.Trigger,
                    pending.Destination,
                    [.. pending.Guards!],
                    pending.IsBackward,
                    IndexOf(pending.Destination));
                _table[(i * _triggerCount) + _triggerIndex.IndexOf(pending.Trigger)] = transition;
                outgoing.Add(transition);
                all.Add(transition);
            }

            _outgoing[i] = outgoing.MoveToImmutable();
            _terminal[i] = stage.IsTerminal;
            _maxTicks[i] = stage.MaxTime?.Ticks ?? 0;
            _recycleInto[i] = stage.RecycleInto.IsDefault ? -1 : IndexOf(stage.RecycleInto);
            _entryActions[i] = [.. stage.EntryActions];
            _exitActions[i] = [.. stage.ExitActions];
        }

        Stages = [.. _stages];
        Transitions = all.ToImmutable();
    }

    /// <summary>Gets the stage new leads start in.</summary>
    public FunnelStage InitialStage { get; }

    /// <summary>Gets every stage, in the order they were first mentioned to the builder.</summary>
    public ImmutableArray<FunnelStage> Stages { get; }

    /// <summary>Gets the forward-only main path (empty when the builder declared none).</summary>
    public ImmutableArray<FunnelStage> MainPath { get; }

    /// <summary>Gets every permitted transition, grouped by source stage.</summary>
    public ImmutableArray<FunnelTransition> Transitions { get; }

    /// <summary>Returns whether a stage belongs to this definition.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns><see langword="true"/> when the definition has the stage.</returns>
    public bool Contains(FunnelStage stage) => IndexOf(stage) >= 0;

    /// <summary>Returns whether a stage is terminal (no trigger is permitted from it).</summary>
    /// <param name="stage">The stage.</param>
    /// <returns><see langword="true"/> when terminal; <see langword="false"/> when active or not in this definition.</returns>
    public bool IsTerminal(FunnelStage stage)
    {
        var index = IndexOf(stage);
        return index >= 0 && _terminal[index];
    }

    /// <summary>Returns the transitions permitted from a stage (before guards).</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The transitions; empty for terminal stages and stages not in this definition.</returns>
    public ImmutableArray<FunnelTransition> TransitionsFrom(FunnelStage stage)
    {
        var index = IndexOf(stage);
        return index < 0 ? [] : _outgoing[index];
    }

    /// <summary>Returns the stage new leads recycled from a stage start in.</summary>
    /// <param name="stage">The stage, typically <c>lost</c>.</param>
    /// <returns>The entry stage, or <see langword="null"/> when leads in <paramref name="stage"/> cannot be recycled.</returns>
    public FunnelStage? RecycleEntryStage(FunnelStage stage)
    {
        var index = IndexOf(stage);
        return index < 0 || _recycleInto[index] < 0 ? null : _stages[_recycleInto[index]];
    }

    /// <summary>Returns a stage's SLA: the longest a lead should stay in it.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The maximum time, or <see langword="null"/> when the stage has none.</returns>
    public TimeSpan? GetMaxTimeInStage(FunnelStage stage)
    {
        var index = IndexOf(stage);
        return index < 0 || _maxTicks[index] == 0 ? null : TimeSpan.FromTicks(_maxTicks[index]);
    }

    /// <summary>Returns when a lead breaches its current stage's SLA.</summary>
    /// <param name="state">The lead's state.</param>
    /// <returns>
    /// <c>EnteredAt + MaxTimeInStage</c> (in <c>EnteredAt</c>'s offset), or <see langword="null"/> when the stage has no
    /// SLA. A deadline past the end of the calendar saturates at <see cref="DateTimeOffset.MaxValue"/>: it is never
    /// reached, just as <see cref="IsSlaBreached"/> never reports it.
    /// </returns>
    public DateTimeOffset? SlaDeadline(FunnelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var index = IndexOf(state.Stage);
        if (index < 0 || _maxTicks[index] == 0)
        {
            return null;
        }

        // Both the clock time and the UTC time must stay representable; whichever runs out first caps the SLA.
        var entered = state.EnteredAt;
        var room = DateTime.MaxValue.Ticks - Math.Max(entered.Ticks, entered.UtcTicks);
        return _maxTicks[index] > room ? DateTimeOffset.MaxValue : entered.AddTicks(_maxTicks[index]);
    }

    /// <summary>Returns whether a lead has stayed in its current stage longer than the stage's SLA (e.g. an MQL not accepted within 48 hours).</summary>
    /// <param name="state">The lead's state.</param>
    /// <param name="asOf">The moment to check at.</param>
    /// <returns><see langword="true"/> when the stage has an SLA and <c>asOf - EnteredAt &gt; MaxTimeInStage</c>.</returns>
    public bool IsSlaBreached(FunnelState state, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(state);
        var index = IndexOf(state.Stage);
        return index >= 0 && _maxTicks[index] != 0 && (asOf - state.EnteredAt).Ticks > _maxTicks[index];
    }

    /// <summary>Starts a lead in the initial stage.</summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="startedAt">When the lead entered the funnel.</param>
    /// <returns>The state: version 0, empty history.</returns>
    public FunnelState Start(LeadId leadId, DateTimeOffset startedAt) => Start(leadId, startedAt, InitialStage);

    /// <summary>Starts a lead in a given stage, e.g. a lead imported mid-funnel or captured directly as a lead.</summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="startedAt">When the lead entered the funnel.</param>
    /// <param name="stage">The stage to start in; must be an active (non-terminal) stage of this definition.</param>
    /// <returns>The state: version 0, empty history.</returns>
    /// <exception cref="ArgumentException">The stage is not an active stage of this definition, or an argument is unset.</exception>
    public FunnelState Start(LeadId leadId, DateTimeOffset startedAt, FunnelStage stage)
    {
        var index = IndexOf(stage);
        if (index < 0 || _terminal[index])
        {
            throw new ArgumentException($"stage '{stage}' is not an active stage of this funnel definition.", nameof(stage));
        }

        return FunnelState.Start(leadId, stage, startedAt);
    }

    /// <summary>
    /// Fires a trigger: a pure function of the state, the trigger, the time and the details. Returns the new state
    /// (accepted), or the unchanged state with the unmet guards (refused) or why the trigger is not permitted (invalid).
    /// </summary>
    /// <param name="state">The lead's current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="occurredAt">When the change happens; not before the state's <c>EnteredAt</c>.</param>
    /// <param name="details">Actor, reason, lead data and override.</param>
    /// <returns>The result. An accepted transition allocates only the new state and its history entry.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is unset or before the state's <c>EnteredAt</c>.</exception>
    public FireResult Fire(FunnelState state, FunnelTrigger trigger, DateTimeOffset occurredAt, in TransitionDetails details = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (occurredAt < state.EnteredAt || occurredAt == default)
        {
            ThrowTimeBeforeEntry(state, occurredAt);
        }

        var transition = Find(state.Stage, trigger);
        if (transition is null)
        {
            return FireResult.Invalid(state, DescribeInvalid(state.Stage, trigger));
        }

        var context = new FunnelGuardContext(state, trigger, transition.Destination, occurredAt, details.Lead);
        if (!Check(transition, in context, in details, unmet: null))
        {
            var unmet = new List<string>();
            Check(transition, in context, in details, unmet);
            return FireResult.Refused(state, [.. unmet], $"Trigger '{trigger}' from stage '{state.Stage}' was refused: {string.Join("; ", unmet)}.");
        }

        var change = new StageChange
        {
            From = state.Stage,
            To = transition.Destination,
            Trigger = trigger,
            OccurredAt = occurredAt,
            Actor = details.Actor,
            Reason = details.Reason,
            IsOverride = details.IsOverride,
        };
        return FireResult.Accepted(state.Append(change));
    }

    /// <summary>Tells whether a trigger would be accepted, without changing anything. Allocates nothing (given allocation-free guards).</summary>
    /// <param name="state">The lead's current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="occurredAt">When the change would happen (guards may depend on it).</param>
    /// <param name="details">Actor, reason, lead data and override.</param>
    /// <returns><see langword="true"/> when <see cref="Fire(FunnelState, FunnelTrigger, DateTimeOffset, in TransitionDetails)"/> would accept.</returns>
    public bool CanFire(FunnelState state, FunnelTrigger trigger, DateTimeOffset occurredAt, in TransitionDetails details = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var transition = Find(state.Stage, trigger);
        if (transition is null || occurredAt < state.EnteredAt)
        {
            return false;
        }

        var context = new FunnelGuardContext(state, trigger, transition.Destination, occurredAt, details.Lead);
        return Check(transition, in context, in details, unmet: null);
    }

    /// <summary>Returns the guards and requirements a trigger would fail (Stateless' <c>CanFire(out unmetGuards)</c>), without changing anything.</summary>
    /// <param name="state">The lead's current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="occurredAt">When the change would happen.</param>
    /// <param name="details">Actor, reason, lead data and override.</param>
    /// <returns>The unmet descriptions; empty when the trigger would be accepted or is not permitted at all.</returns>
    public ImmutableArray<string> GetUnmetGuards(FunnelState state, FunnelTrigger trigger, DateTimeOffset occurredAt, in TransitionDetails details = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var transition = Find(state.Stage, trigger);
        if (transition is null || occurredAt < state.EnteredAt)
        {
            return [];
        }

        var context = new FunnelGuardContext(state, trigger, transition.Destination, occurredAt, details.Lead);
        var unmet = new List<string>();
        Check(transition, in context, in details, unmet);
        return [.. unmet];
    }

    /// <summary>
    /// Folds a history over this definition from a start, reproducing the state, or rejecting the first entry
    /// that the definition does not allow (wrong source stage, trigger not permitted, wrong destination, time
    /// going backward, a backward edge without a reason, an override without an actor and a reason).
    /// </summary>
    /// <remarks>
    /// Guards are not evaluated again: they depended on the lead's data at the time, and the history records the
    /// outcome. Replay is deterministic: the same inputs give an equal state.
    /// </remarks>
    /// <param name="leadId">The lead.</param>
    /// <param name="initialStage">The stage the lead started in.</param>
    /// <param name="startedAt">When the lead started.</param>
    /// <param name="history">The entries, oldest first.</param>
    /// <returns>The reproduced state, or the offending entry and why.</returns>
    public ReplayResult Replay(LeadId leadId, FunnelStage initialStage, DateTimeOffset startedAt, IEnumerable<StageChange> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var index = IndexOf(initialStage);
        if (index < 0 || leadId.IsDefault || startedAt == default)
        {
            return ReplayResult.Invalid(-1, null, index < 0
                ? $"The initial stage '{initialStage}' is not a stage of this funnel definition."
                : "The lead id and the start time must be set.");
        }

        var state = FunnelState.Start(leadId, initialStage, startedAt);
        var position = 0;
        foreach (var entry in history)
        {
            var error = CheckReplayEntry(state, entry);
            if (error is not null)
            {
                return ReplayResult.Invalid(position, entry, $"History entry {position}: {error}");
            }

            state = state.Append(entry);
            position++;
        }

        return ReplayResult.Valid(state);
    }

    /// <summary>Replays a state's own history over this definition (e.g. to check a state read from storage).</summary>
    /// <param name="state">The state.</param>
    /// <returns>The reproduced state (equal to <paramref name="state"/> when valid), or the offending entry.</returns>
    public ReplayResult Replay(FunnelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Replay(state.LeadId, state.InitialStage, state.StartedAt, state.History);
    }

    /// <summary>
    /// Recycles a lost opportunity into a NEW lead — lost deals are one of the best sources of new leads. The new
    /// lead keeps who the buyer is (contact, company, account, consent, custom fields) and starts fresh: source
    /// <see cref="LeadSource.RecycledOpportunity"/>, <c>RecycledFromDealId</c> set to the lost deal, no signals,
    /// BANT and timeframe unknown, no owner (so routing assigns it again), created at <paramref name="recycledAt"/>.
    /// Its state starts in the stage's recycle entry stage (<see cref="StageConfiguration.RecyclesInto"/>). The lost
    /// lead's own state is unchanged.
    /// </summary>
    /// <param name="lostState">The lost lead's state; its stage must be recyclable.</param>
    /// <param name="lostLead">The lost lead (same id as the state).</param>
    /// <param name="lostDeal">The lost deal (status lost; when it names a lead, the same lead).</param>
    /// <param name="newLeadId">The new lead's id (different from the lost lead's).</param>
    /// <param name="recycledAt">When the lead is recycled; not before the lost state's <c>EnteredAt</c>.</param>
    /// <returns>The new lead and its state.</returns>
    /// <exception cref="ArgumentException">Any argument contradicts the others (named in the message).</exception>
    public RecycledLead Recycle(FunnelState lostState, Lead lostLead, Deal lostDeal, LeadId newLeadId, DateTimeOffset recycledAt)
    {
        ArgumentNullException.ThrowIfNull(lostState);
        ArgumentNullException.ThrowIfNull(lostLead);
        ArgumentNullException.ThrowIfNull(lostDeal);
        var entry = RecycleEntryStage(lostState.Stage)
            ?? throw new ArgumentException($"lostState is in stage '{lostState.Stage}', which cannot be recycled (no RecyclesInto).", nameof(lostState));
        if (lostLead.Id != lostState.LeadId)
        {
            throw new ArgumentException("lostLead.Id is not lostState.LeadId: the lead and the state belong to different leads.", nameof(lostLead));
        }

        if (lostDeal.Status != DealStatus.Lost)
        {
            throw new ArgumentException($"lostDeal.Status is {lostDeal.Status}; only a lost deal is recycled.", nameof(lostDeal));
        }

        if (lostDeal.LeadId is { } dealLead && dealLead != lostLead.Id)
        {
            throw new ArgumentException("lostDeal.LeadId is not lostLead.Id: the deal belongs to another lead.", nameof(lostDeal));
        }

        if (newLeadId.IsDefault || newLeadId == lostLead.Id)
        {
            throw new ArgumentException(newLeadId.IsDefault ? "newLeadId must be set (was the default LeadId)." : "newLeadId must be a new lead id (it equals lostLead.Id).", nameof(newLeadId));
        }

        if (recycledAt < lostState.EnteredAt)
        {
            throw new ArgumentOutOfRangeException(nameof(recycledAt), recycledAt, $"recycledAt ({recycledAt:O}) is before lostState entered '{lostState.Stage}' at {lostState.EnteredAt:O}.");
        }

        var lead = new Lead
        {
            Id = newLeadId,
            CreatedAt = recycledAt,
            Source = LeadSource.RecycledOpportunity,
            RecycledFromDealId = lostDeal.Id,
            Contact = lostLead.Contact,
            Company = lostLead.Company,
            AccountId = lostLead.AccountId ?? lostDeal.AccountId,
            Consent = lostLead.Consent,
            CustomFields = lostLead.CustomFields,
        };
        return new RecycledLead { Lead = lead, State = FunnelState.Start(newLeadId, entry, recycledAt) };
    }

    /// <summary>
    /// Runs the exit actions of the stage a committed state left, then the entry actions of the stage it entered.
    /// Every action runs even if one throws; the failures are then thrown together.
    /// </summary>
    /// <param name="committed">A state produced by an accepted transition and committed by the caller.</param>
    /// <exception cref="AggregateException">One or more actions threw.</exception>
    public void RunStageActions(FunnelState committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        if (committed.LastChange is not { } change)
        {
            return;
        }

        List<Exception>? failures = null;
        Run(_exitActions, change.From, committed, ref failures);
        Run(_entryActions, change.To, committed, ref failures);
        if (failures is not null)
        {
            throw new AggregateException($"{failures.Count} stage action(s) failed after a lead moved {change.From} -> {change.To}.", failures);
        }
    }

    internal bool HasStageActions(FunnelStage stage)
    {
        var index = IndexOf(stage);
        return index >= 0 && (_entryActions[index].Length > 0 || _exitActions[index].Length > 0);
    }

    private void Run(Action<FunnelState>[][] actions, FunnelStage stage, FunnelState committed, ref List<Exception>? failures)
    {
        var index = IndexOf(stage);
        if (index < 0)
        {
            return;
        }

        foreach (var action in actions[index])
        {
            try
            {
                action(committed);
            }
#pragma warning disable CA1031 // Every action must run; failures are collected and rethrown together.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                (failures ??= []).Add(ex);
            }
        }
    }

    private int IndexOf(FunnelStage stage) => _stageIndex.IndexOf(stage);

    private FunnelTransition? Find(FunnelStage stage, FunnelTrigger trigger)
    {
        var stageIndex = IndexOf(stage);
        var triggerIndex = _triggerIndex.IndexOf(trigger);
        if (stageIndex < 0 || triggerIndex < 0)
        {
            return null;
        }

        return _table[(stageIndex * _triggerCount) + triggerIndex];
    }

    /// <summary>Checks the requirements and guards; collects unmet descriptions when <paramref name="unmet"/> is given, otherwise stops at the first.</summary>
    private bool Check(FunnelTransition transition, in FunnelGuardContext context, in TransitionDetails details, List<string>? unmet)
    {
        var met = true;

        // A StageChange cannot hold a blank actor or reason; asking for one is refused like a missing actor, not thrown.
        if (details.Actor is { } actor && !IsValidText(actor))
        {
            if (unmet is null)
            {
                return false;
            }

            met = false;
            unmet.Add(InvalidActorDescription);
        }

        if (details.Reason is { } reason && !IsValidText(reason))
        {
            if (unmet is null)
            {
                return false;
            }

            met = false;
            unmet.Add(InvalidReasonDescription);
        }

        if (transition.IsBackward && string.IsNullOrWhiteSpace(details.Reason))
        {
            if (unmet is null)
            {
                return false;
            }

            met = false;
            unmet.Add(ReasonRequiredDescription);
        }

        if (details.IsOverride)
        {
            if (string.IsNullOrWhiteSpace(details.Actor) || string.IsNullOrWhiteSpace(details.Reason))
            {
                unmet?.Add(OverrideRequirementsDescription);
                return false;
            }

            // Who may override is the application's decision; a definition that was not given one refuses every override.
            if (_overrideAuthorizer is null)
            {
                unmet?.Add(OverridesNotEnabledDescription);
                return false;
            }

            if (!_overrideAuthorizer(details.Actor, transition.Source, transition.Trigger))
            {
                // The actor is a user id (often an e-mail address): say who is authorised, not who asked.
                unmet?.Add($"the actor is not authorised to override (authorised: {_overrideDescription})");
                return false;
            }

            // An authorised override skips the guards; the history records it as an override.
            return met;
        }

        if (unmet is null)
        {
            return met && transition.FirstUnmetGuard(in context) < 0;
        }

        for (var i = 0; i < transition.Guards.Length; i++)
        {
            if (!transition.IsGuardMet(i, in context))
            {
                met = false;
                unmet.Add(transition.DescribeUnmetGuard(i, in context));
            }
        }

        return met;
    }

    /// <summary>Whether an actor or reason can be recorded and written as JSON: not blank, not too long, no unpaired surrogate.</summary>
    internal static bool IsValidText(string text)
        => text.Length <= MaximumTextLength && !string.IsNullOrWhiteSpace(text) && !HasUnpairedSurrogate(text);

    internal static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private string? CheckReplayEntry(FunnelState state, StageChange? entry)
    {
        if (entry is null)
        {
            return "the entry is null.";
        }

        if (entry.From != state.Stage)
        {
            return $"it leaves '{entry.From}' but the lead is in '{state.Stage}'.";
        }

        var transition = Find(entry.From, entry.Trigger);
        if (transition is null)
        {
            return DescribeInvalid(entry.From, entry.Trigger);
        }

        if (transition.Destination != entry.To)
        {
            return $"trigger '{entry.Trigger}' from '{entry.From}' leads to '{transition.Destination}', not '{entry.To}'.";
        }

        if (entry.OccurredAt < state.EnteredAt)
        {
            return $"it occurred at {entry.OccurredAt:O}, before the lead entered '{state.Stage}' at {state.EnteredAt:O}.";
        }

        if (transition.IsBackward && entry.Reason is null)
        {
            return $"the backward edge '{entry.Trigger}' from '{entry.From}' has no reason.";
        }

        if (entry.IsOverride && (entry.Actor is null || entry.Reason is null))
        {
            return "an override without an actor and a reason.";
        }

        return null;
    }

    private string DescribeInvalid(FunnelStage stage, FunnelTrigger trigger)
    {
        var index = IndexOf(stage);
        if (index < 0)
        {
            return $"Stage '{stage}' is not a stage of this funnel definition.";
        }

        return _terminal[index]
            ? $"Trigger '{trigger}' is not permitted: stage '{stage}' is terminal."
            : $"Trigger '{trigger}' is not permitted from stage '{stage}'.";
    }

    private static void ThrowTimeBeforeEntry(FunnelState state, DateTimeOffset occurredAt)
        => throw new ArgumentOutOfRangeException(
            nameof(occurredAt),
            occurredAt,
            $"occurredAt ({occurredAt:O}) must be set and not before the state's EnteredAt ({state.EnteredAt:O}, stage '{state.Stage}').");
}
