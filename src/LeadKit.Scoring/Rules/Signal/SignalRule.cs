using System.Collections.Immutable;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Kernel;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// Points per occurrence of one or more signal kinds (pricing page views, demo requests, webinars attended, e-mail
/// clicks, chats, ... and negative signals such as unsubscribes and bounces), with frequency control and decay.
/// </summary>
/// <remarks>
/// <para>
/// Formula: of the lead's signals of <see cref="Kinds"/> with <c>0 &lt;= asOf - occurredAt &lt;= Window</c>, the
/// <see cref="MaxOccurrences"/> most recent are counted, and the rule gives
/// <c>PointsPerOccurrence * Σ decay(asOf - occurredAt)</c> over the counted ones. Signals after <c>asOf</c> are ignored.
/// With <see cref="MinOccurrences"/> set, the rule gives 0 unless at least that many occurrences are in the window:
/// "3 or more e-mail clicks: +10" is <c>PointsPerOccurrence = 10, MinOccurrences = 3, MaxOccurrences = 1</c>.
/// </para>
/// <para>Inside a model, a rule without its own <see cref="Decay"/> uses its group's decay, if any.</para>
/// </remarks>
public sealed class SignalRule : IScoringRule
{
    /// <summary>Creates a rule for one signal kind.</summary>
    /// <param name="name">The rule's name, unique within a model.</param>
    /// <param name="kind">The signal kind counted.</param>
    /// <param name="pointsPerOccurrence">Points per counted occurrence (negative for penalties); must be finite.</param>
    public SignalRule(string name, EngagementSignalKind kind, double pointsPerOccurrence)
        : this(name, [kind], pointsPerOccurrence)
    {
    }

    /// <summary>Creates a rule for several signal kinds counted together.</summary>
    /// <param name="name">The rule's name, unique within a model.</param>
    /// <param name="kinds">The signal kinds counted; at least one.</param>
    /// <param name="pointsPerOccurrence">Points per counted occurrence (negative for penalties); must be finite.</param>
    public SignalRule(string name, ImmutableArray<EngagementSignalKind> kinds, double pointsPerOccurrence)
    {
        Name = name;
        Kinds = kinds.IsDefault ? [] : kinds;
        PointsPerOccurrence = pointsPerOccurrence;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    /// <value>Defaults to <see cref="ScoreDimension.Engagement"/>.</value>
    public ScoreDimension Dimension { get; init; } = ScoreDimension.Engagement;

    /// <summary>Gets the signal kinds counted.</summary>
    public ImmutableArray<EngagementSignalKind> Kinds { get; }

    /// <summary>Gets the points per counted occurrence.</summary>
    public double PointsPerOccurrence { get; }

    /// <summary>Gets the most occurrences counted (the most recent ones).</summary>
    /// <value>Defaults to <see langword="null"/>: all occurrences count.</value>
    public int? MaxOccurrences { get; init; }

    /// <summary>Gets how many occurrences in the window the rule needs before it gives any points (a threshold).</summary>
    /// <value>Defaults to <see langword="null"/>: one occurrence is enough.</value>
    public int? MinOccurrences { get; init; }

    /// <summary>Gets how far back occurrences count (e.g. the last 30 days).</summary>
    /// <value>Defaults to <see langword="null"/>: no window.</value>
    public TimeSpan? Window { get; init; }

    /// <summary>Gets the rule's own decay.</summary>
    /// <value>Defaults to <see langword="null"/>: the group's decay, or none.</value>
    public DecayFunction? Decay { get; init; }

    /// <inheritdoc />
    /// <remarks>Used when the rule is evaluated on its own; uses <see cref="Decay"/> or none (not a group's decay).</remarks>
    public double Evaluate(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var plan = CompilePlan(Decay, 0, static _ => 0);
        var result = SignalMath.Evaluate(lead.Signals.AsSpan(), plan, asOf.UtcTicks);
        return result.Points;
    }

    /// <summary>Compiles the rule for a model, which maps each kind to its entry of the kind-to-code map.</summary>
    internal SignalPlan CompilePlan(DecayFunction? groupDecay, int slot, Func<EngagementSignalKind, int> kindSlot)
    {
        var kinds = Kinds.ToArray();
        var slots = new int[kinds.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = kindSlot(kinds[i]);
        }

        return new SignalPlan(
            slot,
            kinds,
            slots,
            PointsPerOccurrence,
            MaxOccurrences ?? int.MaxValue,
            MinOccurrences ?? 1,
            Window is { } w ? w.Ticks : long.MaxValue,
            (Decay ?? groupDecay ?? DecayFunction.None).Compile());
    }
}
