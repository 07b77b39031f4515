using System.Globalization;
using System.Text.Json;

namespace LeadKit.Routing.Json;

/// <summary>
/// Reads the typed fields of a parsed routing document and reports each problem with its JSON path, in the format's
/// own words ("must be a whole number from 0 to ..."): never a .NET type name and never the value itself. A
/// <c>null</c> is refused everywhere (leave an optional property out instead), so no <c>null</c> reaches the model.
/// </summary>
internal sealed class JsonFields(List<RoutingPlanError> errors)
{
    public List<RoutingPlanError> Errors => errors;

    public void Report(string path, string message) => errors.Add(new RoutingPlanError(path, message));

    /// <summary>Checks that <paramref name="element"/> is an object whose properties are all in <paramref name="allowed"/>.</summary>
    public bool IsObject(JsonElement element, string path, string what, params ReadOnlySpan<string> allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(path, element.ValueKind == JsonValueKind.Null ? $"{what} must be an object, not null." : $"{what} must be an object.");
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                Report(path + JsonInput.Segment(property.Name), $"This property is not part of {what}; allowed: {string.Join(", ", allowed.ToArray())}.");
            }
        }

        return true;
    }

    public string? Text(JsonElement parent, string name, string path)
    {
        if (!TryGet(parent, name, path, out var value, out var at))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Report(at, "Must be text (in double quotes).");
            return null;
        }

        return value.GetString();
    }

    public bool? Bool(JsonElement parent, string name, string path)
    {
        if (!TryGet(parent, name, path, out var value, out var at))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Report(at, "Must be true or false.");
            return null;
        }

        return value.GetBoolean();
    }

    public long? Whole(JsonElement parent, string name, string path, long min, long max)
    {
        if (!TryGet(parent, name, path, out var value, out var at))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            Report(at, string.Create(CultureInfo.InvariantCulture, $"Must be a whole number from {min:N0} to {max:N0}."));
            return null;
        }

        return number;
    }

    public DateOnly? Date(JsonElement parent, string name, string path)
    {
        var text = Text(parent, name, path);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Report(path + "." + name, "Must be a date written yyyy-MM-dd.");
            return null;
        }

        return date;
    }

    /// <summary>Reads a list; <see langword="null"/> when absent or not a list (reported).</summary>
    public List<JsonElement>? List(JsonElement parent, string name, string path, int maxCount)
    {
        if (!TryGet(parent, name, path, out var value, out var at))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Report(at, "Must be a list (in square brackets).");
            return null;
        }

        var count = value.GetArrayLength();
        if (count > maxCount)
        {
            Report(at, string.Create(CultureInfo.InvariantCulture, $"Has {count:N0} entries; at most {maxCount:N0} are accepted."));
            return null;
        }

        var items = new List<JsonElement>(count);
        foreach (var item in value.EnumerateArray())
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Reads a list of text; a non-text entry is reported and kept as <see langword="null"/> so later entries keep their paths.</summary>
    public List<string?>? Texts(JsonElement parent, string name, string path, int maxCount)
    {
        var items = List(parent, name, path, maxCount);
        if (items is null)
        {
            return null;
        }

        var texts = new List<string?>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ValueKind == JsonValueKind.String)
            {
                texts.Add(items[i].GetString());
            }
            else
            {
                Report($"{path}.{name}[{i}]", items[i].ValueKind == JsonValueKind.Null ? "Must be text, not null." : "Must be text (in double quotes).");
                texts.Add(null);
            }
        }

        return texts;
    }

    private bool TryGet(JsonElement parent, string name, string path, out JsonElement value, out string at)
    {
        at = path + "." + name;
        if (!parent.TryGetProperty(name, out value))
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            Report(at, "Must not be null; leave the property out instead.");
            return false;
        }

        return true;
    }
}
