namespace LeadKit.Metrics.Reports;

/// <summary>
/// Values that need exact percentiles, each with the segments it belongs to. Sorted once; then scattered, in sorted
/// order, into per-segment runs, so every segment's run is already sorted (one sort instead of one per segment).
/// </summary>
internal sealed class GroupedValues<T>
    where T : struct, IComparable<T>
{
    private T[] _values = new T[1024];
    private int[] _source = new int[1024];
    private int[] _owner = new int[1024];
    private int[] _period = new int[1024];
    private int[] _currency = new int[1024];

    public int Count { get; private set; }

    public void Add(T value, int source, int owner, int period, int currency)
    {
        if (Count == _values.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _values, size);
            Array.Resize(ref _source, size);
            Array.Resize(ref _owner, size);
            Array.Resize(ref _period, size);
            Array.Resize(ref _currency, size);
        }

        _values[Count] = value;
        _source[Count] = source;
        _owner[Count] = owner;
        _period[Count] = period;
        _currency[Count] = currency;
        Count++;
    }

    /// <summary>Makes room for at least <paramref name="capacity"/> values at once (avoids growing by doubling).</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _values.Length)
        {
            Array.Resize(ref _values, capacity);
            Array.Resize(ref _source, capacity);
            Array.Resize(ref _owner, capacity);
            Array.Resize(ref _period, capacity);
            Array.Resize(ref _currency, capacity);
        }
    }

    /// <summary>Forgets every value (used when the journeys are aggregated again without duplicates).</summary>
    public void Clear() => Count = 0;

    /// <summary>Sorts the values; afterwards <see cref="Scatter"/> may be called.</summary>
    public void Sort()
    {
        var items = new int[Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = i;
        }

        Array.Sort(_values, items, 0, Count);
        _sortedItems = items;
    }

    private int[] _sortedItems = [];

    /// <summary>Splits the sorted values into one sorted run per group (group = dimension slot × currencies + currency).</summary>
    /// <param name="dimension">0 overall, 1 source, 2 owner, 3 period.</param>
    /// <param name="currencies">The number of currency slots (1 when values have no currency).</param>
    /// <param name="groups">The number of slots of the dimension (1 for overall).</param>
    /// <returns>The values and the start of each group's run (length groups × currencies + 1).</returns>
    /// <param name="buffer">A buffer to reuse for the output when it is large enough.</param>
    public (T[] Values, int[] Starts) Scatter(int dimension, int currencies, int groups, T[]? buffer = null)
    {
        var keys = dimension switch
        {
            1 => _source,
            2 => _owner,
            3 => _period,
            _ => null,
        };
        if (keys is null && currencies == 1)
        {
            // One group: the sorted values are its run.
            return (_values, [0, Count]);
        }

        var starts = new int[(groups * currencies) + 1];
        var items = _sortedItems;
        for (var i = 0; i < Count; i++)
        {
            var item = items[i];
            var slot = keys is null ? 0 : keys[item];
            if (slot >= 0)
            {
                starts[(slot * currencies) + _currency[item] + 1]++;
            }
        }

        for (var g = 1; g < starts.Length; g++)
        {
            starts[g] += starts[g - 1];
        }

        var next = new int[starts.Length - 1];
        Array.Copy(starts, next, next.Length);
        var output = buffer is not null && buffer.Length >= starts[^1] ? buffer : new T[starts[^1]];
        for (var i = 0; i < Count; i++)
        {
            var item = items[i];
            var slot = keys is null ? 0 : keys[item];
            if (slot >= 0)
            {
                output[next[(slot * currencies) + _currency[item]]++] = _values[i];
            }
        }

        return (output, starts);
    }
}
