using System.Collections.Immutable;

namespace LeadKit.Funnel.Definitions;

/// <summary>Thrown by <see cref="FunnelDefinitionBuilder.Build"/> with every problem of the definition at once.</summary>
public sealed class FunnelDefinitionException : Exception
{
    /// <summary>Creates an exception without problems.</summary>
    public FunnelDefinitionException()
        : this("The funnel definition is invalid.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public FunnelDefinitionException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FunnelDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates an exception listing every problem.</summary>
    /// <param name="problems">The problems, one sentence each.</param>
    public FunnelDefinitionException(ImmutableArray<string> problems)
        : base($"The funnel definition has {problems.Length} problem(s):{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, one sentence each.</summary>
    public ImmutableArray<string> Problems { get; }
}
