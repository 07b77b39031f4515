using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Funnel;

/// <summary>Is told about stage changes after they are committed (e.g. to publish an event or notify a rep). Implementations must be thread-safe.</summary>
public interface IFunnelObserver
{
    /// <summary>Called after a lead's stage change was committed; an exception here does not undo the change.</summary>
    /// <param name="leadId">The lead that moved.</param>
    /// <param name="change">The committed change.</param>
    /// <param name="cancellationToken">The token of the call that made the change; cancelling it stops the notification, not the committed change.</param>
    /// <returns>A task that completes when the observer has handled the change.</returns>
    ValueTask OnStageChangedAsync(LeadId leadId, StageChange change, CancellationToken cancellationToken);
}
