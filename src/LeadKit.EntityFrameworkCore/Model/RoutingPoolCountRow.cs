namespace LeadKit.EntityFrameworkCore.Model;

/// <summary>One rep's count of a pool's weighted assignments.</summary>
internal sealed class RoutingPoolCountRow
{
    public required string PoolName { get; set; }

    public required string RepId { get; set; }

    public long Count { get; set; }
}
