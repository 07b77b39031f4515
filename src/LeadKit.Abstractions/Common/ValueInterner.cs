namespace LeadKit.Abstractions.Common;

/// <summary>
/// Gives each distinct text of one vocabulary (signal kinds, sources, stages, triggers) a dense
/// process-wide ordinal, so compiled models compare and index by integer instead of by string.
/// Ordinal 0 is reserved for the default (unset) value. Thread-safe.
/// </summary>
internal sealed class ValueInterner
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly List<string> _values = [string.Empty];
    private readonly int _maximumCount;
    private readonly string _vocabulary;

    public ValueInterner(string vocabulary, int maximumCount)
    {
        _vocabulary = vocabulary;
        _maximumCount = maximumCount;
    }

    /// <summary>Returns the canonical instance of <paramref name="value"/> and its ordinal.</summary>
    public (string Canonical, int Ordinal) Intern(string value)
    {
        lock (_gate)
        {
            if (_ordinals.TryGetValue(value, out var ordinal))
            {
                return (_values[ordinal], ordinal);
            }

            if (_values.Count > _maximumCount)
            {
                throw new InvalidOperationException(
                    $"More than {_maximumCount} distinct {_vocabulary} values were created in this process; " +
                    $"{_vocabulary} values are a small vocabulary, not free text (rejected '{value}').");
            }

            ordinal = _values.Count;
            _values.Add(value);
            _ordinals.Add(value, ordinal);
            return (value, ordinal);
        }
    }

    /// <summary>The number of ordinals handed out so far, including the reserved 0.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _values.Count;
            }
        }
    }
}
