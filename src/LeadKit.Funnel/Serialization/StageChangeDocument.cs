namespace LeadKit.Funnel.Serialization;

/// <summary>The JSON shape of one history entry.</summary>
internal sealed record StageChangeDocument
{
    public required string From { get; init; }

    public required string To { get; init; }

    public required string Trigger { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public string? Actor { get; init; }

    public string? Reason { get; init; }

    public bool? IsOverride { get; init; }
}
