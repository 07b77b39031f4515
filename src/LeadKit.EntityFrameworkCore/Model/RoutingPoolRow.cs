namespace LeadKit.EntityFrameworkCore.Model;

/// <summary>One rep pool's rotation (the stored form of <c>PoolRotation</c> without its weighted counts).</summary>
internal sealed class RoutingPoolRow
{
    public required string Name { get; set; }

    /// <summary>The last rep chosen, or <see langword="null"/> when none yet.</summary>
    public string? LastRep { get; set; }

    public long Assignments { get; set; }
}
