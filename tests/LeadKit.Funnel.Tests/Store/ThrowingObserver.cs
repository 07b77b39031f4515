using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Funnel.Tests.Store;

/// <summary>An observer that always fails (after yielding, so the failure is asynchronous), to prove a failing observer cannot undo a committed transition.</summary>
internal sealed class ThrowingObserver : IFunnelObserver
{
    public int Calls;

    public async ValueTask OnStageChangedAsync(LeadId leadId, StageChange change, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        await Task.Yield();
        throw new InvalidOperationException($"observer failed for {leadId}");
    }
}
