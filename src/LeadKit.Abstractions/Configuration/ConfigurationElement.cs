using System.Globalization;
using System.Text.Json;

namespace LeadKit.Abstractions.Configuration;

/// <summary>
/// A value of a parsed configuration document with its JSON path and the list its problems go to: the one way
/// every LeadKit format reader (and a plugin's descriptor) reads properties, so that a wrong type, a missing or
/// unknown property and an out-of-range number are reported the same way everywhere, with the same codes.
/// Reading never throws for bad input; it reports and returns <see langword="null"/>.
/// </summary>
public readonly struct ConfigurationElement
{
    /// <summary>Creates an element.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="path">Its JSON path, e.g. <c>$.rules[3]</c>.</param>
    /// <param name="problems">Where problems go.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="problems"/> is null.</exception>
    public ConfigurationElement(JsonElement value, string path, ICollection<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problems);
        Value = value;
        Path = path;
        Problems = problems;
    }

    /// <summary>Gets the JSON value.</summary>
    public JsonElement Value { get; }

    /// <summary>Gets the JSON path of the value.</summary>
    public string Path { get; }

    /// <summary>Gets the list problems are added to.</summary>
    public ICollection<ConfigurationProblem> Problems { get; }

    /// <summary>Gets the path of a property of this object.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The path, e.g. <c>$.rules[3].points</c>.</returns>
    public string PathOf(string name) => Path + ConfigurationPath.Segment(name);

    /// <summary>Adds a problem at this element's path.</summary>
    /// <param name="code">The problem's code.</param>
    /// <param name="message">What is wrong, without input values.</param>
    public void Report(string code, string message) => Problems.Add(new(Path, code, message));

    /// <summary>Adds a problem at a property of this element.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="code">The problem's code.</param>
    /// <param name="message">What is wrong, without input values.</param>
    public void Report(string name, string code, string message) => Problems.Add(new(PathOf(name), code, message));

    /// <summary>
    /// Checks that this is an object and reports each property not in <paramref name="allowed"/> as
    /// <see cref="ConfigurationProblemCodes.UnknownProperty"/>.
    /// </summary>
    /// <param name="allowed">The property names the format defines here (case-sensitive).</param>
    /// <returns><see langword="true"/> when this is an object (unknown properties are still reported).</returns>
    public bool ExpectObject(params ReadOnlySpan<string> allowed)
    {
        if (Value.ValueKind != JsonValueKind.Object)
        {
            Report(ConfigurationProblemCodes.WrongType, "must be an object");
            return false;
        }

        foreach (var property in Value.EnumerateObject())
        {
            if (!Contains(allowed, property.Name))
            {
                Report(property.Name, ConfigurationProblemCodes.UnknownProperty, "is not a property of this object in the format");
            }
        }

        return true;
    }

    /// <summary>Gets a property of this object.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The property; default when absent.</param>
    /// <returns><see langword="true"/> when this is an object holding the property with a non-null value.</returns>
    public bool TryGetProperty(string name, out ConfigurationElement value)
    {
        if (Value.ValueKind == JsonValueKind.Object && Value.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null)
        {
            value = new(element, PathOf(name), Problems);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Gets a required property, reporting <see cref="ConfigurationProblemCodes.Required"/> when it is absent or null.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The property; default when absent.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool TryGetRequired(string name, out ConfigurationElement value)
    {
        if (TryGetProperty(name, out value))
        {
            return true;
        }

        Report(name, ConfigurationProblemCodes.Required, "is required");
        return false;
    }

    /// <summary>Reads this value as a string.</summary>
    /// <param name="maximumLength">The most UTF-16 units accepted.</param>
    /// <param name="allowBlank">Whether an empty or white-space string is accepted.</param>
    /// <returns>The string, or <see langword="null"/> after reporting a problem.</returns>
    public string? GetString(int maximumLength = 256, bool allowBlank = false)
    {
        if (Value.ValueKind != JsonValueKind.String)
        {
            Report(ConfigurationProblemCodes.WrongType, "must be a string");
            return null;
        }

        var text = Value.GetString()!;
        if (text.Length > maximumLength)
        {
            Report(ConfigurationProblemCodes.TooMany, string.Create(CultureInfo.InvariantCulture, $"must be at most {maximumLength} characters"));
            return null;
        }

        if (!allowBlank && string.IsNullOrWhiteSpace(text))
        {
            Report(ConfigurationProblemCodes.InvalidValue, "must not be empty or white space");
            return null;
        }

        return text;
    }

    /// <summary>Reads this value as a finite number within a range.</summary>
    /// <param name="minimum">The smallest value accepted.</param>
    /// <param name="maximum">The largest value accepted.</param>
    /// <returns>The number, or <see langword="null"/> after reporting a problem.</returns>
    public double? GetNumber(double minimum = double.MinValue, double maximum = double.MaxValue)
    {
        if (Value.ValueKind != JsonValueKind.Number || !Value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Report(ConfigurationProblemCodes.WrongType, "must be a finite number");
            return null;
        }

        if (number < minimum || number > maximum)
        {
            Report(ConfigurationProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be from {minimum} to {maximum}"));
            return null;
        }

        return number;
    }

    /// <summary>Reads this value as a decimal number within a range (for money).</summary>
    /// <param name="minimum">The smallest value accepted.</param>
    /// <param name="maximum">The largest value accepted.</param>
    /// <returns>The number, or <see langword="null"/> after reporting a problem.</returns>
    public decimal? GetDecimal(decimal minimum = decimal.MinValue, decimal maximum = decimal.MaxValue)
    {
        if (Value.ValueKind != JsonValueKind.Number || !Value.TryGetDecimal(out var number))
        {
            Report(ConfigurationProblemCodes.WrongType, "must be a decimal number");
            return null;
        }

        if (number < minimum || number > maximum)
        {
            Report(ConfigurationProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be from {minimum} to {maximum}"));
            return null;
        }

        return number;
    }

    /// <summary>Reads this value as an integer within a range.</summary>
    /// <param name="minimum">The smallest value accepted.</param>
    /// <param name="maximum">The largest value accepted.</param>
    /// <returns>The integer, or <see langword="null"/> after reporting a problem.</returns>
    public int? GetInt32(int minimum = int.MinValue, int maximum = int.MaxValue)
    {
        if (Value.ValueKind != JsonValueKind.Number || !Value.TryGetInt32(out var number))
        {
            Report(ConfigurationProblemCodes.WrongType, "must be an integer");
            return null;
        }

        if (number < minimum || number > maximum)
        {
            Report(ConfigurationProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be from {minimum} to {maximum}"));
            return null;
        }

        return number;
    }

    /// <summary>Reads this value as a boolean.</summary>
    /// <returns>The boolean, or <see langword="null"/> after reporting a problem.</returns>
    public bool? GetBoolean()
    {
        if (Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return Value.GetBoolean();
        }

        Report(ConfigurationProblemCodes.WrongType, "must be true or false");
        return null;
    }

    /// <summary>Reads this value as an array of at most <paramref name="maximumCount"/> items.</summary>
    /// <param name="maximumCount">The most items accepted.</param>
    /// <returns>The items with their paths, or an empty list after reporting a problem.</returns>
    public IReadOnlyList<ConfigurationElement> GetArray(int maximumCount = 10_000)
    {
        if (Value.ValueKind != JsonValueKind.Array)
        {
            Report(ConfigurationProblemCodes.WrongType, "must be an array");
            return [];
        }

        var count = Value.GetArrayLength();
        if (count > maximumCount)
        {
            Report(ConfigurationProblemCodes.TooMany, string.Create(CultureInfo.InvariantCulture, $"must hold at most {maximumCount} items"));
            return [];
        }

        var items = new ConfigurationElement[count];
        var index = 0;
        foreach (var item in Value.EnumerateArray())
        {
            items[index] = new(item, string.Create(CultureInfo.InvariantCulture, $"{Path}[{index}]"), Problems);
            index++;
        }

        return items;
    }

    private static bool Contains(ReadOnlySpan<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
