using System.Collections.Concurrent;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Store;

namespace LeadKit.Funnel.Tests.Store;

/// <summary>Records every notification and what the store held for the lead at that moment.</summary>
internal sealed class RecordingObserver(Func<IFunnelStore?> store) : IFunnelObserver
{
    public ConcurrentQueue<(LeadId LeadId, StageChange Change, long? VersionInStore)> Seen { get; } = new();

    public void OnStageChanged(LeadId leadId, StageChange change)
    {
        long? version = store() is { } s && s.TryGet(leadId, out var state) ? state.Version : null;
        Seen.Enqueue((leadId, change, version));
    }
}
