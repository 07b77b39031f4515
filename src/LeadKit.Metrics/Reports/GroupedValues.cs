namespace LeadKit.Metrics.Reports;

/// <summary>
/// Values that need exact percentiles, each with its segment slot in every dimension (and a currency). Sorted once;
/// then scattered, in sorted order, into per-segment runs, so every segment's run is already sorted (one sort
/// instead of one per segment).
/// </summary>
internal sealed class GroupedValues<T>
    where T : struct, IComparable<T>
{
    private T[] _values = new T[1024];
    private readonly int[][] _slots;
    private int[] _currency = new int[1024];
    private int[] _sortedItems = [];
    private T[] _scatterBuffer = [];

    /// <param name="dimensions">The number of dimensions each value has a slot in.</param>
    public GroupedValues(int dimensions)
    {
        _slots = new int[dimensions][];
        for (var d = 0; d < dimensions; d++)
        {
            _slots[d] = new int[_values.Length];
        }
    }

    public int Count { get; private set; }

    /// <summary>Adds a value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="slots">Its segment slot in each dimension (-1: in no segment of that dimension).</param>
    /// <param name="currency">Its currency slot (0 when values have no currency).</param>
    public void Add(T value, ReadOnlySpan<int> slots, int currency)
    {
        if (Count == _values.Length)
        {
            Resize(Count * 2);
        }

        _values[Count] = value;
        for (var d = 0; d < _slots.Length; d++)
        {
            _slots[d][Count] = slots[d];
        }

        _currency[Count] = currency;
        Count++;
    }

    /// <summary>Makes room for at least <paramref name="capacity"/> values at once (avoids growing by doubling).</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _values.Length)
        {
            Resize(capacity);
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

    /// <summary>
    /// Splits the sorted values into one sorted run per group (group = slot × currencies + currency). The returned
    /// array is reused by the next call: consume the runs first.
    /// </summary>
    /// <param name="dimension">The dimension whose slots group the values, or -1 for one group of every value.</param>
    /// <param name="currencies">The number of currency slots (1 when values have no currency).</param>
    /// <param name="groups">The number of slots of the dimension (1 for -1).</param>
    /// <returns>The values and the start of each group's run (length groups × currencies + 1).</returns>
    public (T[] Values, int[] Starts) Scatter(int dimension, int currencies, int groups)
    {
        var keys = dimension < 0 ? null : _slots[dimension];
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
        if (_scatterBuffer.Length < starts[^1])
        {
            _scatterBuffer = new T[starts[^1]];
        }

        var output = _scatterBuffer;
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

    private void Resize(int size)
    {
        Array.Resize(ref _values, size);
        for (var d = 0; d < _slots.Length; d++)
        {
            Array.Resize(ref _slots[d], size);
        }

        Array.Resize(ref _currency, size);
    }
}
