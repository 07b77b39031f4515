namespace LeadKit.Abstractions.Configuration.Reload;

/// <summary>The <see cref="ConfigurationProblem.Code"/>s that reloading adds to <see cref="ConfigurationProblemCodes"/>.</summary>
public static class ReloadProblemCodes
{
    /// <summary>Building the value threw an exception other than <see cref="ConfigurationException"/> (see <see cref="ReloadRejection.Exception"/>).</summary>
    public const string BuildFailed = "build-failed";

    /// <summary>The builder returned no value and reported no problem; the document is rejected all the same.</summary>
    public const string NoValue = "no-value";
}
