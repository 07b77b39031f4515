using System.Globalization;

namespace LeadKit.Abstractions.Common;

/// <summary>
/// The rule for names given in configuration (model, group, rule, plan, step, queue names) that flow into
/// metric tags, explanations, logs and reports: 1 to <see cref="MaximumLength"/> characters, not blank, and no
/// character that can hide or rewrite text on a terminal or a page — control characters (including ANSI
/// escape sequences' ESC), format characters (bidirectional overrides such as U+202E, zero-width characters),
/// line and paragraph separators, unpaired surrogates and non-characters.
/// </summary>
/// <remarks>Thread-safe; allocates nothing when the name is valid.</remarks>
public static class ConfigurationName
{
    /// <summary>The longest name accepted, in UTF-16 code units (200).</summary>
    public const int MaximumLength = 200;

    /// <summary>Tells why a name breaks the rule, without echoing it.</summary>
    /// <param name="name">The name to check.</param>
    /// <returns><see langword="null"/> when the name is valid; otherwise a sentence that says what is wrong (never the name itself).</returns>
    public static string? Problem(string? name)
    {
        if (name is null)
        {
            return "is missing";
        }

        if (name.Length == 0 || string.IsNullOrWhiteSpace(name))
        {
            return "must not be empty or white space";
        }

        if (name.Length > MaximumLength)
        {
            return $"must be at most {MaximumLength} characters long (was {name.Length})";
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"must not contain an unpaired surrogate (at position {i})";
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned)
            {
                return $"must not contain control, format or unassigned characters (U+{(int)c:X4} at position {i})";
            }
        }

        return null;
    }

    /// <summary>Tells whether a name follows the rule.</summary>
    /// <param name="name">The name to check.</param>
    /// <returns><see langword="true"/> when <see cref="Problem"/> finds nothing wrong.</returns>
    public static bool IsValid(string? name) => Problem(name) is null;

    /// <summary>Returns the name when it follows the rule.</summary>
    /// <param name="name">The name to check.</param>
    /// <param name="parameterName">The parameter the name came from, for the exception.</param>
    /// <returns><paramref name="name"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> breaks the rule; the message says how, without the name.</exception>
    public static string Validate(string? name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        var problem = Problem(name);
        return problem is null ? name : throw new ArgumentException($"{parameterName} {problem}.", parameterName);
    }
}
