namespace LeadKit.Abstractions.Funnel.Store;

/// <summary>What <see cref="IFunnelStore.CommitAsync"/> did with a transition.</summary>
/// <remarks>No value that means success is the default: <c>default</c> reads as <see cref="Unset"/>.</remarks>
public enum FunnelCommitOutcome
{
    /// <summary>Not an outcome: the default value, which no store returns.</summary>
    Unset = 0,

    /// <summary>The transition was stored; the lead's version went up by one.</summary>
    Committed = 1,

    /// <summary>The lead was no longer at the expected version (another writer committed first); nothing changed: read again and decide again.</summary>
    Conflict = 2,

    /// <summary>The store does not have the lead; nothing changed.</summary>
    NotFound = 3,
}
