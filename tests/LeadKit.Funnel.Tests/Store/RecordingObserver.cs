using System.Collections.Concurrent;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Funnel.Tests.Store;

/// <summary>Records every notification and what the store held for the lead at that moment.</summary>
internal sealed class RecordingObserver(Func<IFunnelStore?> store) : IFunnelObserver
{
    public ConcurrentQueue<(LeadId LeadId, StageChange Change, long? VersionInStore)> Seen { get; } = new();

    public async ValueTask OnStageChangedAsync(LeadId leadId, StageChange change, CancellationToken cancellationToken)
    {
        long? version = store() is { } s && await s.GetAsync(leadId, cancellationToken) is { } state ? state.Version : null;
        Seen.Enqueue((leadId, change, version));
    }
}
