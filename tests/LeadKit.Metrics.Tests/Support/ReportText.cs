using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace LeadKit.Metrics.Tests.Support;

/// <summary>Writes every public property of a report, recursively, so two reports can be compared as text (also linked into the funnel report benchmark).</summary>
internal static class ReportText
{
    public static string Describe(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        if (depth > 20)
        {
            throw new InvalidOperationException("Report nesting is deeper than expected.");
        }

        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s).Append('"');
                return;
            case TimeZoneInfo zone:
                text.Append(zone.Id);
                return;
            case IFormattable f when value.GetType().IsPrimitive || value is decimal or DateTime or DateTimeOffset or TimeSpan or Enum:
                text.Append(f.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool b:
                text.Append(b);
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(text, item, depth + 1);
                    text.Append(", ");
                }

                text.Append(']');
                return;
        }

        var type = value.GetType();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        if (properties.Length == 0 || type.Namespace?.StartsWith("LeadKit.Abstractions", StringComparison.Ordinal) == true)
        {
            text.Append(value);
            return;
        }

        text.Append(type.Name).Append('{');
        foreach (var property in properties.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            text.Append(property.Name).Append('=');
            Write(text, property.GetValue(value), depth + 1);
            text.Append("; ");
        }

        text.Append('}');
    }
}
