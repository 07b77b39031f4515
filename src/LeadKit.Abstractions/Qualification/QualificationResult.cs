using System.Collections.Immutable;

namespace LeadKit.Abstractions.Qualification;

/// <summary>The outcome of a qualification policy for one lead.</summary>
/// <remarks>
/// Reasons never carry personal data (no ids, names, contact details or free text from the lead): they are shown
/// in funnel refusals, logs and reports. Equality compares <see cref="Level"/>, <see cref="Disqualification"/> and
/// <see cref="Reason"/> (which holds every reason). A result can gain properties in a later version without breaking
/// code that creates or reads one (it has no positional deconstruction).
/// </remarks>
public sealed record QualificationResult
{
    private readonly ImmutableArray<string> _reasons;

    /// <summary>Creates a result with one reason.</summary>
    /// <param name="level">The qualification level reached.</param>
    /// <param name="disqualification">Why the lead is out of the active funnel, or <see cref="DisqualificationReason.None"/>.</param>
    /// <param name="reason">A short, non-personal explanation of the decision (e.g. "fit 42 >= 40 and engagement 31 >= 30").</param>
    public QualificationResult(QualificationLevel level, DisqualificationReason disqualification, string reason)
    {
        Level = level;
        Disqualification = disqualification;
        Reason = reason;
    }

    /// <summary>Creates a result from separate findings, e.g. "immediate timeframe" and "BANT not confirmed: budget".</summary>
    /// <param name="level">The qualification level reached.</param>
    /// <param name="disqualification">Why the lead is out of the active funnel, or <see cref="DisqualificationReason.None"/>.</param>
    /// <param name="reasons">The findings that decided it, each short and non-personal; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="reasons"/> is empty or holds a blank entry.</exception>
    public QualificationResult(QualificationLevel level, DisqualificationReason disqualification, ImmutableArray<string> reasons)
        : this(level, disqualification, Join(reasons))
    {
        _reasons = reasons;
    }

    /// <summary>Gets the qualification level reached.</summary>
    public QualificationLevel Level { get; init; }

    /// <summary>Gets why the lead is out of the active funnel, or <see cref="DisqualificationReason.None"/>.</summary>
    public DisqualificationReason Disqualification { get; init; }

    /// <summary>Gets a short, non-personal explanation of the decision; with several <see cref="Reasons"/>, they joined by "; ".</summary>
    public string Reason { get; init; }

    /// <summary>Gets the findings that decided the level, in order (one entry, <see cref="Reason"/>, when the policy gave a single reason).</summary>
    /// <remarks>A funnel guard that refuses a lead lists these, so a refusal says what is missing ("BANT not confirmed: budget").</remarks>
    public ImmutableArray<string> Reasons => _reasons.IsDefault ? [Reason] : _reasons;

    /// <summary>Gets a value indicating whether the lead is at least marketing-qualified and not disqualified.</summary>
    public bool IsMarketingQualified => Level >= QualificationLevel.Mql && Disqualification == DisqualificationReason.None;

    /// <summary>Gets a value indicating whether the lead is sales-qualified and not disqualified.</summary>
    public bool IsSalesQualified => Level == QualificationLevel.Sql && Disqualification == DisqualificationReason.None;

    /// <inheritdoc />
    public bool Equals(QualificationResult? other)
        => other is not null && Level == other.Level && Disqualification == other.Disqualification && string.Equals(Reason, other.Reason, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Level, Disqualification, StringComparer.Ordinal.GetHashCode(Reason));

    private static string Join(ImmutableArray<string> reasons)
    {
        if (reasons.IsDefaultOrEmpty)
        {
            throw new ArgumentException("reasons must hold at least one reason.", nameof(reasons));
        }

        foreach (var reason in reasons)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new ArgumentException("reasons must not hold a null, empty or white-space reason.", nameof(reasons));
            }
        }

        return string.Join("; ", reasons);
    }
}
