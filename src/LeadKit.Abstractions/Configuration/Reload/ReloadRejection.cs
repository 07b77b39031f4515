using System.Collections.Immutable;

namespace LeadKit.Abstractions.Configuration.Reload;

/// <summary>A document that was refused: its problems and when. The value in use stayed in use.</summary>
public sealed class ReloadRejection
{
    /// <summary>Gets every problem found in the refused document; never empty.</summary>
    public required ImmutableArray<ConfigurationProblem> Problems { get; init; }

    /// <summary>Gets when the document was refused (from the registry's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets the exception the builder threw, when it threw one other than <see cref="ConfigurationException"/>; otherwise <see langword="null"/>.</summary>
    /// <remarks>Kept here rather than in a problem's message, because an exception's message may quote input.</remarks>
    public Exception? Exception { get; init; }
}
