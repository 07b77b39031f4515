namespace LeadKit.Abstractions.Qualification;

/// <summary>The outcome of a qualification policy for one lead.</summary>
/// <param name="Level">The qualification level reached.</param>
/// <param name="Disqualification">Why the lead is out of the active funnel, or <see cref="DisqualificationReason.None"/>.</param>
/// <param name="Reason">A short, non-personal explanation of the decision (e.g. "fit 42 >= 40 and engagement 31 >= 30").</param>
public sealed record QualificationResult(QualificationLevel Level, DisqualificationReason Disqualification, string Reason)
{
    /// <summary>Gets a value indicating whether the lead is at least marketing-qualified and not disqualified.</summary>
    public bool IsMarketingQualified => Level >= QualificationLevel.Mql && Disqualification == DisqualificationReason.None;

    /// <summary>Gets a value indicating whether the lead is sales-qualified and not disqualified.</summary>
    public bool IsSalesQualified => Level == QualificationLevel.Sql && Disqualification == DisqualificationReason.None;
}
