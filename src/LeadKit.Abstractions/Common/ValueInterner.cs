namespace LeadKit.Abstractions.Common;

/// <summary>
/// Gives each distinct text of one vocabulary (signal kinds, sources, stages, triggers) a dense
/// process-wide ordinal, so compiled models compare and index by integer instead of by string.
/// Ordinal 0 is reserved for the default (unset) value. Thread-safe; <see cref="ValueOf"/> takes no lock.
/// </summary>
internal sealed class ValueInterner
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly int _maximumCount;
    private readonly string _vocabulary;

    // Slot i holds the text of ordinal i. Slots are written under the lock before their ordinal is handed out,
    // and a grown array is published only once it holds every slot, so readers need no lock.
    private volatile string[] _values = new string[16];
    private int _count = 1;

    public ValueInterner(string vocabulary, int maximumCount)
    {
        _vocabulary = vocabulary;
        _maximumCount = maximumCount;
        _values[0] = string.Empty;
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

            if (_count > _maximumCount)
            {
                throw new InvalidOperationException(
                    $"More than {_maximumCount} distinct {_vocabulary} values were created in this process; " +
                    $"{_vocabulary} values are a small vocabulary, not free text (rejected '{value}').");
            }

            ordinal = _count;
            var values = _values;
            if (ordinal == values.Length)
            {
                Array.Resize(ref values, values.Length * 2);
            }

            values[ordinal] = value;
            _values = values;
            _count = ordinal + 1;
            _ordinals.Add(value, ordinal);
            return (value, ordinal);
        }
    }

    /// <summary>Returns the text of an ordinal handed out by <see cref="Intern"/>.</summary>
    public string ValueOf(int ordinal) => _values[ordinal] ?? ValueOfLocked(ordinal);

    /// <summary>The number of ordinals handed out so far, including the reserved 0.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    // Reached only when an ordinal crossed to another thread without a memory barrier (weakly ordered CPUs).
    private string ValueOfLocked(int ordinal)
    {
        lock (_gate)
        {
            return _values[ordinal];
        }
    }
}
