namespace LeadKit.Abstractions.Common;

/// <summary>Validation of the lower-case machine names used by extensible vocabularies.</summary>
internal static class Slug
{
    public const int MaximumLength = 64;

    /// <summary>
    /// Accepts 1 to 64 characters of <c>a-z</c>, <c>0-9</c>, <c>_</c>, <c>-</c> and <c>.</c>, starting with a letter or digit.
    /// </summary>
    public static string Validate(string? value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length is 0 or > MaximumLength || !IsLetterOrDigit(value[0]))
        {
            throw new ArgumentException(
                $"{name} must be 1 to {MaximumLength} characters of a-z, 0-9, '_', '-' or '.', starting with a letter or digit (was '{value}').",
                name);
        }

        foreach (var c in value)
        {
            if (!IsLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                throw new ArgumentException(
                    $"{name} must contain only a-z, 0-9, '_', '-' or '.' (was '{value}').", name);
            }
        }

        return value;
    }

    private static bool IsLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
