using LeadKit.Abstractions.Leads;

namespace LeadKit.Scoring.Rules;

/// <summary>The JSON names and types of <see cref="LeadField"/>s and <see cref="ConditionOperator"/>s.</summary>
internal static class LeadFieldNames
{
    private static readonly (LeadField Field, string Name, FieldType Type)[] Fields =
    [
        (LeadField.Source, "source", FieldType.Text),
        (LeadField.EmailDomain, "contact.emailDomain", FieldType.Text),
        (LeadField.EmailIsFreeMail, "contact.emailIsFreeMail", FieldType.Boolean),
        (LeadField.JobTitle, "contact.jobTitle", FieldType.Text),
        (LeadField.Seniority, "contact.seniority", FieldType.Named),
        (LeadField.Language, "contact.language", FieldType.Text),
        (LeadField.CompanyDomain, "company.domain", FieldType.Text),
        (LeadField.Industry, "company.industry", FieldType.Text),
        (LeadField.Country, "company.country", FieldType.Text),
        (LeadField.Region, "company.region", FieldType.Text),
        (LeadField.EmployeeCount, "company.employeeCount", FieldType.Number),
        (LeadField.AnnualRevenue, "company.annualRevenue", FieldType.Number),
        (LeadField.TimeframeKind, "timeframe.kind", FieldType.Named),
        (LeadField.TimeframeDays, "timeframe.days", FieldType.Number),
        (LeadField.BantBudget, "bant.budget", FieldType.Named),
        (LeadField.BantAuthority, "bant.authority", FieldType.Named),
        (LeadField.BantNeed, "bant.need", FieldType.Named),
        (LeadField.BantTimeline, "bant.timeline", FieldType.Named),
        (LeadField.BantConfirmedCount, "bant.confirmedCount", FieldType.Number),
        (LeadField.MarketingConsent, "consent.marketing", FieldType.Boolean),
        (LeadField.DoNotContact, "consent.doNotContact", FieldType.Boolean),
        (LeadField.DoNotEmail, "consent.doNotEmail", FieldType.Boolean),
        (LeadField.DoNotCall, "consent.doNotCall", FieldType.Boolean),
        (LeadField.ExistingCustomer, "account.isCustomer", FieldType.Boolean),
        (LeadField.Recycled, "recycled", FieldType.Boolean),
        (LeadField.Custom, "custom", FieldType.Any),
    ];

    private static readonly (ConditionOperator Op, string Name)[] Operators =
    [
        (ConditionOperator.Equals, "equals"), (ConditionOperator.NotEquals, "notEquals"), (ConditionOperator.In, "in"),
        (ConditionOperator.NotIn, "notIn"), (ConditionOperator.StartsWith, "startsWith"), (ConditionOperator.EndsWith, "endsWith"),
        (ConditionOperator.Contains, "contains"), (ConditionOperator.AtLeast, "atLeast"), (ConditionOperator.AtMost, "atMost"),
        (ConditionOperator.Between, "between"), (ConditionOperator.IsTrue, "isTrue"), (ConditionOperator.IsFalse, "isFalse"),
        (ConditionOperator.Exists, "exists"), (ConditionOperator.NotExists, "notExists"),
    ];

    // The format's spelling of named values is camelCase ("vicePresident", "cLevel"); they are read ignoring case.
    private static readonly string[] SeniorityNames = CamelCase(Enum.GetNames<Seniority>());
    private static readonly string[] TimeframeNames = CamelCase(Enum.GetNames<PurchaseTimeframeKind>());
    private static readonly string[] BantNames = CamelCase(Enum.GetNames<BantStatus>());

    public static IEnumerable<string> AllFieldNames
    {
        get
        {
            foreach (var f in Fields)
            {
                yield return f.Name;
            }
        }
    }

    public static IEnumerable<string> AllOperatorNames
    {
        get
        {
            foreach (var o in Operators)
            {
                yield return o.Name;
            }
        }
    }

    public static string ToName(LeadField field)
    {
        foreach (var f in Fields)
        {
            if (f.Field == field)
            {
                return f.Name;
            }
        }

        return "none";
    }

    public static string ToName(ConditionOperator op)
    {
        foreach (var o in Operators)
        {
            if (o.Op == op)
            {
                return o.Name;
            }
        }

        return op.ToString();
    }

    public static bool TryParseField(string? name, out LeadField field)
    {
        foreach (var f in Fields)
        {
            if (string.Equals(f.Name, name, StringComparison.Ordinal))
            {
                field = f.Field;
                return true;
            }
        }

        field = LeadField.None;
        return false;
    }

    public static bool TryParseOperator(string? name, out ConditionOperator op)
    {
        foreach (var o in Operators)
        {
            if (string.Equals(o.Name, name, StringComparison.Ordinal))
            {
                op = o.Op;
                return true;
            }
        }

        op = ConditionOperator.None;
        return false;
    }

    public static FieldType TypeOf(LeadField field)
    {
        foreach (var f in Fields)
        {
            if (f.Field == field)
            {
                return f.Type;
            }
        }

        return FieldType.Missing;
    }

    private static string[] CamelCase(string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = string.Concat(names[i][..1].ToLowerInvariant(), names[i].AsSpan(1));
        }

        return names;
    }

    /// <summary>The camelCase names of a named-value field, indexed by the enum's integer value (the enums are dense from 0).</summary>
    public static string[] NamedValues(LeadField field) => field switch
    {
        LeadField.Seniority => SeniorityNames,
        LeadField.TimeframeKind => TimeframeNames,
        LeadField.BantBudget or LeadField.BantAuthority or LeadField.BantNeed or LeadField.BantTimeline => BantNames,
        _ => [],
    };
}
