using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Funnel.Tests.Store;

/// <summary>An observer that always throws, to prove a failing observer cannot undo a committed transition.</summary>
internal sealed class ThrowingObserver : IFunnelObserver
{
    public int Calls;

    public void OnStageChanged(LeadId leadId, StageChange change)
    {
        Interlocked.Increment(ref Calls);
        throw new InvalidOperationException($"observer failed for {leadId}");
    }
}
