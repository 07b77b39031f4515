using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Funnel;

/// <summary>Is told about stage changes after they are committed. Implementations must be thread-safe.</summary>
public interface IFunnelObserver
{
    /// <summary>Called after a lead's stage change was committed; an exception here does not undo the change.</summary>
    /// <param name="leadId">The lead that moved.</param>
    /// <param name="change">The committed change.</param>
    void OnStageChanged(LeadId leadId, StageChange change);
}
