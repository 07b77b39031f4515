namespace LeadKit.EntityFrameworkCore.Model;

/// <summary>The routing ledger's head: its version, which every recorded change moves by one (and which serializes writers).</summary>
internal sealed class RoutingLedgerRow
{
    /// <summary>The ledger's key; always <see cref="DefaultId"/> today (named ledgers are a later extension).</summary>
    public int Id { get; set; }

    public long Version { get; set; }

    public const int DefaultId = 1;
}
