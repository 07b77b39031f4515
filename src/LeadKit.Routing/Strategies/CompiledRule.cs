using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Routing.Engine;

namespace LeadKit.Routing.Strategies;

/// <summary>A territory rule compiled to arrays (null = "any") and the pool it routes to.</summary>
internal sealed class CompiledRule
{
    public required string Name { get; init; }

    public required RepPool Pool { get; init; }

    public CountryCode[]? Countries { get; init; }

    public string[]? Regions { get; init; }

    public string[]? Industries { get; init; }

    public int MinEmployees { get; init; }

    public int MaxEmployees { get; init; } = int.MaxValue;

    public bool HasSizeBounds { get; init; }

    // Compared by value (an ordinal comparison for registered sources, else by name): validating a plan registers nothing.
    public LeadSource[]? Sources { get; init; }

    public string[]? Languages { get; init; }

    public string[]? Products { get; init; }

    public bool Matches(Lead lead, string? product)
    {
        var company = lead.Company;
        if (Countries is not null && (company?.Country is not { } country || Array.IndexOf(Countries, country) < 0))
        {
            return false;
        }

        if (Regions is not null && (company?.Region is not { } region || !Contains(Regions, region, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (Industries is not null && (company?.Industry is not { } industry || !Contains(Industries, industry, StringComparison.Ordinal)))
        {
            return false;
        }

        if (HasSizeBounds && (company?.EmployeeCount is not { } employees || employees < MinEmployees || employees > MaxEmployees))
        {
            return false;
        }

        if (Sources is not null && !Contains(Sources, lead.Source))
        {
            return false;
        }

        if (Languages is not null && (lead.Contact.Language is not { } language || !Contains(Languages, language, StringComparison.Ordinal)))
        {
            return false;
        }

        return Products is null || (product is not null && Contains(Products, product, StringComparison.Ordinal));
    }

    private static bool Contains(LeadSource[] values, LeadSource value)
    {
        foreach (var candidate in values)
        {
            if (candidate == value)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(string[] values, string value, StringComparison comparison)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
