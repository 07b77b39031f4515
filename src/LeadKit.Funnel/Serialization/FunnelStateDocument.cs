namespace LeadKit.Funnel.Serialization;

/// <summary>The JSON shape of a funnel state. Redundant fields (stage, version, entered-at) are checked on read.</summary>
internal sealed record FunnelStateDocument
{
    public required string LeadId { get; init; }

    public required string InitialStage { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required string Stage { get; init; }

    public required long Version { get; init; }

    public required DateTimeOffset EnteredAt { get; init; }

    public required StageChangeDocument[] History { get; init; }
}
