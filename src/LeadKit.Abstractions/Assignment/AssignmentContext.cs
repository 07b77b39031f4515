using LeadKit.Abstractions.Leads;

namespace LeadKit.Abstractions.Assignment;

/// <summary>What a strategy needs to route one lead: the lead, the moment of assignment and, when asked for, an explanation to fill.</summary>
/// <remarks>A small value passed by reference (<c>in</c>) so routing allocates nothing when no explanation is asked for.</remarks>
public readonly struct AssignmentContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="lead">The lead to route.</param>
    /// <param name="asOf">The moment of the assignment: decides availability (working hours, out of office) and the capacity period.</param>
    /// <param name="explanation">An explanation to fill, or <see langword="null"/> (the default) for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is the default value.</exception>
    public AssignmentContext(Lead lead, DateTimeOffset asOf, AssignmentExplanation? explanation = null)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (asOf == default)
        {
            throw new ArgumentException($"asOf must be set (was the default value {asOf:O}).", nameof(asOf));
        }

        Lead = lead;
        AsOf = asOf;
        Explanation = explanation;
    }

    /// <summary>Gets the lead to route.</summary>
    public Lead Lead { get; }

    /// <summary>Gets the moment of the assignment.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Gets the explanation to fill, or <see langword="null"/> when none was asked for.</summary>
    public AssignmentExplanation? Explanation { get; }

    /// <summary>Gets a value indicating whether an explanation was asked for.</summary>
    public bool IsExplaining => Explanation is not null;
}
