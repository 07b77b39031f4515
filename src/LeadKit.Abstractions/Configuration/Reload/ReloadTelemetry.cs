namespace LeadKit.Abstractions.Configuration.Reload;

/// <summary>The tag names and values that reload telemetry uses besides the entry's name (<see cref="ReloadableRegistryOptions.NameTag"/>).</summary>
public static class ReloadTelemetry
{
    /// <summary>The tag that says what happened to a document: <see cref="Applied"/> or <see cref="Rejected"/>.</summary>
    public const string OutcomeTag = "leadkit.outcome";

    /// <summary>The document was valid and its value is now in use.</summary>
    public const string Applied = "applied";

    /// <summary>The document was refused; the value in use stayed in use.</summary>
    public const string Rejected = "rejected";
}
