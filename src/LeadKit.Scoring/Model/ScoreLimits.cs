using LeadKit.Abstractions.Configuration;

namespace LeadKit.Scoring.Model;

/// <summary>An optional floor and cap: <c>clip(x) = min(cap, max(floor, x))</c>, a missing bound does not apply.</summary>
/// <param name="Floor">The smallest value allowed, or <see langword="null"/> for none.</param>
/// <param name="Cap">The largest value allowed, or <see langword="null"/> for none; must not be below <paramref name="Floor"/>.</param>
public readonly record struct ScoreLimits(double? Floor, double? Cap)
{
    /// <summary>Gets limits that do nothing.</summary>
    public static ScoreLimits None => default;

    /// <summary>Gets a value indicating whether neither bound is set.</summary>
    public bool IsNone => Floor is null && Cap is null;

    /// <summary>Applies the limits.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The clipped value.</returns>
    public double Apply(double value)
    {
        if (Floor is { } floor && value < floor)
        {
            value = floor;
        }

        if (Cap is { } cap && value > cap)
        {
            value = cap;
        }

        return value;
    }

    internal void Validate(string path, ICollection<ConfigurationProblem> problems)
    {
        if (Floor is { } floor && !double.IsFinite(floor))
        {
            problems.Add(new(path + ".floor", ConfigurationProblemCodes.InvalidValue, "must be a finite number"));
        }

        if (Cap is { } cap && !double.IsFinite(cap))
        {
            problems.Add(new(path + ".cap", ConfigurationProblemCodes.InvalidValue, "must be a finite number"));
        }

        if (Floor is { } f && Cap is { } c && double.IsFinite(f) && double.IsFinite(c) && c < f)
        {
            problems.Add(new(path + ".cap", ConfigurationProblemCodes.Conflict, FormattableString.Invariant($"must not be below the floor ({c} < {f})")));
        }
    }
}
