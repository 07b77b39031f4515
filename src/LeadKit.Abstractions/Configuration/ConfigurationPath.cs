using System.Globalization;

namespace LeadKit.Abstractions.Configuration;

/// <summary>
/// Tracks the JSON path of the token being read and the keys seen in each open object. A key that is not a plain
/// name (ASCII letters, digits, <c>_</c>, <c>-</c>, at most 64 characters) is written as <c>[?]</c> so that no text
/// of the document is echoed into a message.
/// </summary>
internal sealed class ConfigurationPath
{
    private const int MaximumNameLength = 64;
    private readonly List<Frame> frames = [];

    public string Current
    {
        get
        {
            var text = new System.Text.StringBuilder("$");
            foreach (var frame in frames)
            {
                if (frame.IsArray)
                {
                    if (frame.Index >= 0)
                    {
                        text.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                    }
                }
                else if (frame.Name is { } name)
                {
                    text.Append(Segment(name));
                }
            }

            return text.ToString();
        }
    }

    /// <summary>Writes one property name as a path segment: <c>.name</c>, or <c>[?]</c> when it is not a plain name.</summary>
    public static string Segment(string name) => IsPlain(name) ? "." + name : "[?]";

    public static bool IsPlain(string name)
    {
        if (name.Length is 0 or > MaximumNameLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Records a key of the innermost object; <see langword="false"/> when the object already has it.</summary>
    public bool Property(string name)
    {
        var frame = frames[^1];
        frame.Name = name;
        return (frame.Keys ??= new(StringComparer.Ordinal)).Add(name);
    }

    /// <summary>A value starts: an array advances its index.</summary>
    public void Value()
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1].Index++;
        }

    }

    /// <summary>A value ended: the object's current key is done.</summary>
    public void EndValue()
    {
        if (frames.Count > 0 && !frames[^1].IsArray)
        {
            frames[^1].Name = null;
        }
    }

    public void Open(bool isArray)
    {
        frames.Add(new Frame(isArray));
    }

    public void Close()
    {
        frames.RemoveAt(frames.Count - 1);
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public string? Name { get; set; }

        public int Index { get; set; } = -1;

        public HashSet<string>? Keys { get; set; }
    }
}
