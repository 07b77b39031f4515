namespace LeadKit.EntityFrameworkCore.Model;

/// <summary>Where <c>modelBuilder.AddLeadKit()</c> puts LeadKit's tables in the application's model.</summary>
public sealed class LeadKitModelOptions
{
    /// <summary>The default <see cref="TablePrefix"/>.</summary>
    public const string DefaultTablePrefix = "leadkit_";

    /// <summary>Gets or sets the schema of LeadKit's tables; <see langword="null"/> (the default) for the model's default schema.</summary>
    /// <remarks>SQLite has no schemas: EF Core's SQLite provider ignores it there.</remarks>
    public string? Schema { get; set; }

    /// <summary>Gets or sets the prefix of every LeadKit table name (e.g. <c>leadkit_funnel_leads</c>); may be empty.</summary>
    /// <value><see cref="DefaultTablePrefix"/> unless set.</value>
    public string TablePrefix { get; set; } = DefaultTablePrefix;
}
