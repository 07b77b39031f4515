namespace LeadKit.Routing;

/// <summary>Thrown by <see cref="RoutingPlanBuilder.Build"/> with every problem of the plan at once.</summary>
public sealed class RoutingPlanException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The problems; at least one.</param>
    public RoutingPlanException(IReadOnlyList<RoutingPlanError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a message.</summary>
    public RoutingPlanException()
        : this([new RoutingPlanError("$", "The routing plan is invalid.")])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public RoutingPlanException(string message)
        : this([new RoutingPlanError("$", message)])
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RoutingPlanException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new RoutingPlanError("$", message)];
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<RoutingPlanError> Errors { get; }

    private static string Describe(IReadOnlyList<RoutingPlanError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"The routing plan has {errors.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
    }
}
