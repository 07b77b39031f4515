using System.Text;
using LeadKit.Abstractions.Common;

namespace LeadKit.Abstractions.Leads;

/// <summary>The person behind a lead: name, e-mail, phone, job title and seniority.</summary>
/// <remarks>
/// Personal data: validation messages never repeat a value, and <see cref="ToString"/> says only which parts are
/// known (plus the seniority and language), never the name, e-mail address, phone or job title.
/// </remarks>
public sealed record ContactInfo
{
    /// <summary>The longest <see cref="FirstName"/>, <see cref="LastName"/> or <see cref="JobTitle"/> accepted, in characters.</summary>
    public const int MaximumTextLength = 256;

    /// <summary>Gets an empty contact (nothing known yet).</summary>
    public static ContactInfo Empty { get; } = new();

    /// <summary>Gets the first (given) name.</summary>
    public string? FirstName { get; init => field = Guard.NullOrFreeText(value, MaximumTextLength, nameof(FirstName)); }

    /// <summary>Gets the last (family) name.</summary>
    public string? LastName { get; init => field = Guard.NullOrFreeText(value, MaximumTextLength, nameof(LastName)); }

    /// <summary>Gets the e-mail address.</summary>
    public EmailAddress? Email { get; init => field = value is { IsDefault: true } ? throw new ArgumentException("Email must not be an unset EmailAddress; use null.", nameof(Email)) : value; }

    /// <summary>Gets the phone number: 3 to 32 characters of digits, spaces and <c>+ - ( ) .</c>.</summary>
    public string? Phone { get; init => field = ValidatePhone(value, nameof(Phone)); }

    /// <summary>Gets the job title as the lead gave it (e.g. "Head of Sales").</summary>
    public string? JobTitle { get; init => field = Guard.NullOrFreeText(value, MaximumTextLength, nameof(JobTitle)); }

    /// <summary>Gets the contact's seniority.</summary>
    /// <value>Defaults to <see cref="Leads.Seniority.Unknown"/>.</value>
    public Seniority Seniority { get; init => field = Guard.Defined(value, nameof(Seniority)); }

    /// <summary>Gets the preferred language as a lower-case ISO 639-1 code (e.g. <c>en</c>, <c>pt</c>).</summary>
    public string? Language { get; init => field = ValidateLanguage(value, nameof(Language)); }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("HasName = ").Append(FirstName is not null || LastName is not null ? "true" : "false")
            .Append(", HasEmail = ").Append(Email is not null ? "true" : "false")
            .Append(", HasPhone = ").Append(Phone is not null ? "true" : "false")
            .Append(", HasJobTitle = ").Append(JobTitle is not null ? "true" : "false")
            .Append(", Seniority = ").Append(Seniority)
            .Append(", Language = ").Append(Language ?? "unknown");
        return true;
    }

    private static string? ValidatePhone(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '+' or '-' or '(' or ')' or '.'))
            {
                throw new ArgumentException("Phone may contain only digits, spaces and + - ( ) . characters.", name);
            }
        }

        if (value.Length > 32 || digits < 3)
        {
            throw new ArgumentException($"Phone must have at least 3 digits and at most 32 characters (had {digits} digits, {value.Length} characters).", name);
        }

        return value;
    }

    private static string? ValidateLanguage(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length != 2 || !char.IsAsciiLetterLower(value[0]) || !char.IsAsciiLetterLower(value[1]))
        {
            throw new ArgumentException("Language must be a lower-case ISO 639-1 code such as 'en'.", name);
        }

        return value;
    }
}
