using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Common;

/// <summary>An e-mail address, checked for form (one <c>@</c>, a local part, a dotted domain, no spaces).</summary>
/// <remarks>
/// Error messages describe what is wrong without repeating the address, because an address is personal data.
/// Comparison is ordinal on the text as given; <see cref="Domain"/> is lower-cased for rules such as
/// "business e-mail versus free mail".
/// </remarks>
[JsonConverter(typeof(EmailAddressJsonConverter))]
public readonly record struct EmailAddress
{
    /// <summary>The longest address accepted (RFC 5321 path limit).</summary>
    public const int MaximumLength = 254;

    /// <summary>Creates an e-mail address.</summary>
    /// <param name="value">The address, e.g. <c>ana@example.com</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a well-formed address.</exception>
    public EmailAddress(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var problem = FindProblem(value);
        if (problem is not null)
        {
            throw new ArgumentException($"The e-mail address is malformed: {problem}.", nameof(value));
        }

        Value = value;
        Domain = value[(value.IndexOf('@', StringComparison.Ordinal) + 1)..].ToLowerInvariant();
    }

    /// <summary>Gets the address, or <see langword="null"/> for the default (unset) value.</summary>
    public string? Value { get; }

    /// <summary>Gets the lower-cased domain part (after the <c>@</c>), or <see langword="null"/> when unset.</summary>
    [JsonIgnore]
    public string? Domain { get; }

    /// <summary>Gets a value indicating whether this is the default (unset) address.</summary>
    public bool IsDefault => Value is null;

    /// <summary>Returns the address text.</summary>
    /// <returns>The address, or an empty string when unset.</returns>
    public override string ToString() => Value ?? string.Empty;

    private static string? FindProblem(string value)
    {
        if (value.Length is 0 or > MaximumLength)
        {
            return $"its length must be 3 to {MaximumLength} characters (was {value.Length})";
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || at != value.LastIndexOf('@'))
        {
            return "it must contain exactly one '@'";
        }

        if (at == 0 || at > 64)
        {
            return "the part before '@' must be 1 to 64 characters";
        }

        var domain = value.AsSpan(at + 1);
        var dot = domain.IndexOf('.');
        if (dot <= 0 || domain[^1] == '.' || domain.Contains("..", StringComparison.Ordinal))
        {
            return "the domain after '@' must be a dotted name such as example.com";
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '(' or ')' or ',' or ';' or ':' or '\\' or '"' or '[' or ']')
            {
                return "it contains white space, a control character or a character not allowed in an address";
            }
        }

        return null;
    }
}

/// <summary>JSON converter for <see cref="EmailAddress"/>.</summary>
internal sealed class EmailAddressJsonConverter : StringValueJsonConverter<EmailAddress>
{
    protected override EmailAddress Create(string text) => new(text);

    protected override string? GetText(EmailAddress value) => value.Value;
}
