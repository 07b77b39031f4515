namespace LeadKit.Abstractions.Common;

/// <summary>Validation shared by the typed identifiers; messages never repeat the identifier (apps use e-mail addresses as ids).</summary>
internal static class IdentifierText
{
    public const int MaximumLength = 128;

    public static string Validate(string? value, string typeName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value), $"A {typeName} must not be null.");
        }

        if (value.Length is 0 or > MaximumLength || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(
                $"A {typeName} must be 1 to {MaximumLength} characters and not blank (had {value.Length}).", nameof(value));
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"A {typeName} must not contain control characters.", nameof(value));
            }
        }

        return value;
    }
}
