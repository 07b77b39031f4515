using System.Collections.Immutable;
using System.Text;

namespace LeadKit.Abstractions.Configuration;

/// <summary>
/// A LeadKit configuration (a JSON document, a builder, options) is invalid. <see cref="Problems"/> lists every
/// problem found, each with its path and code; nothing was built, applied or changed.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty or holds null.</exception>
    public ConfigurationException(IEnumerable<ConfigurationProblem> problems)
        : this(Check(problems), null)
    {
    }

    /// <summary>Creates the exception with one problem at the root (<c>$</c>) with the code <see cref="ConfigurationProblemCodes.InvalidValue"/>.</summary>
    public ConfigurationException()
        : this("the configuration is invalid")
    {
    }

    /// <summary>Creates the exception with one problem at the root described by <paramref name="message"/>.</summary>
    /// <param name="message">The problem, without input values.</param>
    public ConfigurationException(string message)
        : this([new ConfigurationProblem("$", ConfigurationProblemCodes.InvalidValue, message)], null)
    {
    }

    /// <summary>Creates the exception with one problem at the root described by <paramref name="message"/> and its cause.</summary>
    /// <param name="message">The problem, without input values.</param>
    /// <param name="innerException">The cause.</param>
    public ConfigurationException(string message, Exception? innerException)
        : this([new ConfigurationProblem("$", ConfigurationProblemCodes.InvalidValue, message)], innerException)
    {
    }

    private ConfigurationException(ImmutableArray<ConfigurationProblem> problems, Exception? innerException)
        : base(Describe(problems), innerException)
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, in the order found; never empty.</summary>
    public ImmutableArray<ConfigurationProblem> Problems { get; }

    /// <summary>Throws a <see cref="ConfigurationException"/> when <paramref name="problems"/> is not empty.</summary>
    /// <param name="problems">The problems found.</param>
    /// <exception cref="ConfigurationException"><paramref name="problems"/> is not empty.</exception>
    public static void ThrowIfAny(IReadOnlyCollection<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }
    }

    private static ImmutableArray<ConfigurationProblem> Check(IEnumerable<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var array = problems.ToImmutableArray();
        if (array.IsEmpty || array.Any(p => p is null))
        {
            throw new ArgumentException("problems must hold at least one problem and no null.", nameof(problems));
        }

        return array;
    }

    private static string Describe(ImmutableArray<ConfigurationProblem> problems)
    {
        var text = new StringBuilder();
        text.Append("The configuration has ").Append(problems.Length).Append(" problem(s):");
        foreach (var problem in problems)
        {
            text.AppendLine().Append("  ").Append(problem);
        }

        return text.ToString();
    }
}
