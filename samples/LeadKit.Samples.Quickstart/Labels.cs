using System.Globalization;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Samples.Quickstart;

/// <summary>Readable labels for a sales manager: <c>Website form</c>, not <c>website_form</c>; <c>MQL</c>, not <c>mql</c>.</summary>
internal static class Labels
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["mql"] = "MQL",
        ["sal"] = "SAL",
        ["sql"] = "SQL",
        ["linkedin"] = "LinkedIn",
    };

    /// <summary>The label of a stage, e.g. <c>MQL</c> or <c>Opportunity</c>.</summary>
    public static string Of(FunnelStage stage) => Readable(stage.ToString());

    /// <summary>The label of a source, e.g. <c>Website form</c>.</summary>
    public static string Of(LeadSource source) => Readable(source.ToString());

    /// <summary>Turns a snake_case name into words with a capital first letter; known acronyms stay upper case.</summary>
    public static string Readable(string name)
    {
        if (Known.TryGetValue(name, out var label))
        {
            return label;
        }

        var words = name.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    /// <summary>A rate as a percentage with one decimal, e.g. <c>59.5%</c>; a dash without data.</summary>
    public static string Percent(double? value)
        => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v * 100:0.0}%") : "–";

    /// <summary>A whole number with thousands separators, e.g. <c>2,000</c>.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
