namespace LeadKit.Abstractions.Routing;

/// <summary>What <see cref="IRoutingLedgerStore.RecordAsync"/> did with a change.</summary>
public enum RoutingLedgerRecordOutcome
{
    /// <summary>The change was applied; the ledger's version went up by one.</summary>
    Recorded = 0,

    /// <summary>The ledger was no longer at the change's expected version; nothing was applied: read again and re-decide.</summary>
    Conflict,
}
