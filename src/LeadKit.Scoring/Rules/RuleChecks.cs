using System.Globalization;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Scoring.Rules;

/// <summary>Parameter checks and JSON schema fragments shared by the built-in rule kinds.</summary>
internal static class RuleChecks
{
    /// <summary>The largest absolute number of points one rule may give, so sums stay far from overflow.</summary>
    public const double MaximumPoints = 1_000_000;

    /// <summary>The longest duration a document may give, in days (100 years, so tick counts cannot overflow).</summary>
    public const double MaximumDays = 36_500;

    /// <summary>The schema of a number of points.</summary>
    public const string PointsSchema = """{ "$ref": "#/$defs/points" }""";

    /// <summary>The schema of a number of days.</summary>
    public const string DaysSchema = """{ "$ref": "#/$defs/days" }""";

    public static void Points(double points, string path, ICollection<ConfigurationProblem> problems)
    {
        if (!double.IsFinite(points))
        {
            problems.Add(new(path, ConfigurationProblemCodes.InvalidValue, "must be a finite number"));
        }
        else if (Math.Abs(points) > MaximumPoints)
        {
            problems.Add(new(path, ConfigurationProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be between -{MaximumPoints} and {MaximumPoints}")));
        }
    }

    /// <summary>Reads a required number (range checks are the builder's, so code and JSON report the same way).</summary>
    public static double? ReadNumber(ConfigurationElement element, string name)
        => element.TryGetRequired(name, out var value) ? value.GetNumber() : null;

    /// <summary>Reads a number of days above 0 and at most <see cref="MaximumDays"/>; <see langword="null"/> when absent or reported.</summary>
    public static TimeSpan? ReadDays(ConfigurationElement element, string name, bool required)
    {
        if (!(required ? element.TryGetRequired(name, out var value) : element.TryGetProperty(name, out value)))
        {
            return null;
        }

        var days = value.GetNumber();
        if (days is not { } d)
        {
            return null;
        }

        if (d <= 0 || d > MaximumDays)
        {
            value.Report(ConfigurationProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be a number of days above 0 and at most {MaximumDays}"));
            return null;
        }

        return TimeSpan.FromDays(d);
    }

    /// <summary>Writes a duration as days.</summary>
    public static double Days(TimeSpan duration) => duration.TotalDays;
}
