using Microsoft.EntityFrameworkCore;

namespace LeadKit.EntityFrameworkCore.Model;

/// <summary>The few places where providers differ for LeadKit.</summary>
internal static class DatabaseDialect
{
    private const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// Returns whether id comparisons must name the byte-order collation <c>"C"</c>. PostgreSQL columns take the database's
    /// collation (usually a language one, where <c>"B" &lt; "a"</c> is false), so keyset paging compares and sorts ids
    /// <c>COLLATE "C"</c> there; SQLite's default <c>BINARY</c> collation already compares bytes.
    /// </summary>
    public static bool NeedsByteCollation(DbContext context) => context.Database.ProviderName == Npgsql;

    /// <summary>Returns whether a failure is the database's (to report as <see cref="LeadKitStoreException"/>) rather than a bug or a cancellation.</summary>
    public static bool IsDatabaseFailure(Exception exception)
        => exception is System.Data.Common.DbException or DbUpdateException
            || (exception is InvalidOperationException && exception.InnerException is System.Data.Common.DbException);
}
