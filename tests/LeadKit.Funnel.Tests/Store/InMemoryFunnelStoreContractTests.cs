using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Funnel.Store;
using LeadKit.Testing.Stores;

namespace LeadKit.Funnel.Tests.Store;

/// <summary>The store contract, for <see cref="InMemoryFunnelStore"/>.</summary>
public sealed class InMemoryFunnelStoreContractTests : FunnelStoreContractTests
{
    protected override IFunnelStore CreateStore() => new InMemoryFunnelStore();
}
