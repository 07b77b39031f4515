using System.Globalization;
using System.Text;
using LeadKit.Abstractions.Common;

namespace LeadKit.Abstractions.Leads;

/// <summary>The company behind a lead: firmographic facts used for fit scoring and routing.</summary>
/// <remarks>
/// A company name, domain or region can identify a person (a sole trader): validation messages never repeat them and
/// <see cref="ToString"/> leaves them out.
/// </remarks>
public sealed record CompanyInfo
{
    /// <summary>The longest <see cref="Name"/> or <see cref="Region"/> accepted, in characters.</summary>
    public const int MaximumTextLength = 256;

    /// <summary>Gets the company name.</summary>
    public string? Name { get; init => field = Guard.NullOrFreeText(value, MaximumTextLength, nameof(Name)); }

    /// <summary>Gets the web domain in lower case, e.g. <c>example.com</c>.</summary>
    public string? Domain { get; init => field = ValidateDomain(value, nameof(Domain)); }

    /// <summary>Gets the industry as a lower-case machine name (e.g. <c>software</c>, <c>retail</c>).</summary>
    public string? Industry { get; init => field = value is null ? null : Guard.MachineName(value, nameof(Industry)); }

    /// <summary>Gets the number of employees (never negative).</summary>
    public int? EmployeeCount { get; init => field = value is { } v ? Guard.NonNegative(v, nameof(EmployeeCount)) : null; }

    /// <summary>Gets the annual revenue.</summary>
    public Money? AnnualRevenue { get; init; }

    /// <summary>Gets the country.</summary>
    public CountryCode? Country { get; init => field = value is { IsDefault: true } ? throw new ArgumentException("Country must not be an unset CountryCode; use null.", nameof(Country)) : value; }

    /// <summary>Gets the region, state or territory within the country (free text, e.g. "SP" or "Bavaria").</summary>
    public string? Region { get; init => field = Guard.NullOrFreeText(value, MaximumTextLength, nameof(Region)); }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Industry = ").Append(Industry ?? "unknown")
            .Append(", EmployeeCount = ").Append(EmployeeCount?.ToString(CultureInfo.InvariantCulture) ?? "unknown")
            .Append(", AnnualRevenue = ").Append(AnnualRevenue?.ToString() ?? "unknown")
            .Append(", Country = ").Append(Country?.Value ?? "unknown");
        return true;
    }

    private static string? ValidateDomain(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        var valid = value.Length is > 2 and <= 253 && value.Contains('.', StringComparison.Ordinal)
            && value[0] != '.' && value[^1] != '.' && !value.Contains("..", StringComparison.Ordinal);
        foreach (var c in value)
        {
            valid &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.';
        }

        return valid
            ? value
            : throw new ArgumentException("Domain must be a lower-case host name such as 'example.com' (a-z, 0-9, '-' and '.', 3 to 253 characters).", name);
    }
}
