namespace LeadKit.Samples.Tests;

/// <summary>The build configuration (Debug or Release) of this test assembly, so it runs the samples built alongside it.</summary>
/// <param name="configuration">The configuration.</param>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class BuildConfigurationAttribute(string configuration) : Attribute
{
    /// <summary>Gets the configuration.</summary>
    public string Configuration { get; } = configuration;
}
