using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Funnel.Definitions;

/// <summary>
/// Guards that ask the qualification policy (through the Abstractions contracts) whether a lead is an MQL or an
/// SQL. The application wires the implementations (e.g. from LeadKit.Scoring); the funnel does not depend on them.
/// </summary>
/// <remarks>
/// The guards score the lead in <see cref="FunnelGuardContext.Lead"/> as of <see cref="FunnelGuardContext.OccurredAt"/>
/// and ask the policy. They are unmet when no lead is supplied or the lead's id differs from the state's. A refusal
/// lists the policy's reasons (<see cref="QualificationResult.Reasons"/>) after the description, e.g.
/// <c>qualified as SQL by the policy (immediate timeframe; BANT not confirmed: budget)</c>. An authorised override
/// (<c>TransitionDetails.IsOverride</c>) moves a lead even though they are unmet, and is recorded as such.
/// </remarks>
public static class QualificationGuards
{
    /// <summary>The description of <see cref="MarketingQualified"/>.</summary>
    public const string MarketingQualifiedDescription = "qualified as MQL or better by the policy";

    /// <summary>The description of <see cref="SalesQualified"/>.</summary>
    public const string SalesQualifiedDescription = "qualified as SQL by the policy";

    /// <summary>Creates a guard met when the policy rates the lead at least marketing-qualified and not disqualified.</summary>
    /// <param name="scorer">Scores the lead.</param>
    /// <param name="policy">Qualifies the scored lead.</param>
    /// <returns>The guard.</returns>
    public static TransitionGuard MarketingQualified(ILeadScorer scorer, IQualificationPolicy policy)
        => Create(new QualificationGuard(scorer, policy, QualificationLevel.Mql), MarketingQualifiedDescription);

    /// <summary>Creates a guard met when the policy rates the lead sales-qualified and not disqualified.</summary>
    /// <param name="scorer">Scores the lead.</param>
    /// <param name="policy">Qualifies the scored lead.</param>
    /// <returns>The guard.</returns>
    public static TransitionGuard SalesQualified(ILeadScorer scorer, IQualificationPolicy policy)
        => Create(new QualificationGuard(scorer, policy, QualificationLevel.Sql), SalesQualifiedDescription);

    private static TransitionGuard Create(QualificationGuard guard, string description) => new(guard.IsMet, description, guard.Explain);
}
