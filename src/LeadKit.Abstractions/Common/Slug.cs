namespace LeadKit.Abstractions.Common;

/// <summary>Validation of the lower-case machine names used by extensible vocabularies.</summary>
/// <remarks>Messages say which rule a text breaks and never repeat the text: it may come from untrusted input or carry personal data.</remarks>
internal static class Slug
{
    public const int MaximumLength = 64;

    /// <summary>
    /// Accepts 1 to 64 characters of <c>a-z</c>, <c>0-9</c>, <c>_</c>, <c>-</c> and <c>.</c>, starting with a letter or digit.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a machine name; the message says which rule it breaks.</exception>
    public static string Validate(string? value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        var problem = Check(value);
        return problem is null ? value : throw new ArgumentException($"{name} {problem}", name);
    }

    /// <summary>Gets a value indicating whether <paramref name="value"/> is a machine name; never throws.</summary>
    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) => value is not null && Check(value) is null;

    /// <summary>Returns the rule <paramref name="value"/> breaks (a phrase that follows the field's name), or <see langword="null"/>.</summary>
    public static string? Check(string value)
    {
        if (value.Length == 0)
        {
            return "must not be empty (a machine name is 1 to 64 characters of a-z, 0-9, '_', '-' or '.').";
        }

        if (value.Length > MaximumLength)
        {
            return $"must be at most {MaximumLength} characters (was {value.Length}).";
        }

        if (!IsLetterOrDigit(value[0]))
        {
            return "must start with a-z or 0-9.";
        }

        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (!IsLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return $"must contain only a-z, 0-9, '_', '-' or '.' (character {i + 1} is not one of them).";
            }
        }

        return null;
    }

    private static bool IsLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
