namespace LeadKit.Abstractions.Common;

/// <summary>
/// Maps the values a compiled model knows to dense local indexes <c>0..Count-1</c>: by process-wide ordinal for the
/// names the model registered when it was built, by name for the few the full registry had no room for.
/// </summary>
/// <typeparam name="T">The vocabulary type.</typeparam>
/// <remarks>
/// Creating an index registers its members (trusted code: build a model's index only once the model is accepted).
/// <see cref="IndexOf"/> is an array read for every value whose name is registered, whenever the value was created;
/// immutable and thread-safe.
/// </remarks>
public sealed class VocabularyIndex<T>
    where T : struct, IVocabularyValue<T>
{
    private readonly T[] _members;

    // Local index of each registered ordinal the model knows, -1 for the others (0, the default, among them).
    private readonly int[] _indexByOrdinal;

    // The members the registry could not register; null in the usual case that it registered all.
    private readonly Dictionary<string, int>? _indexByName;

    /// <summary>Registers <paramref name="members"/> and numbers them in order; a repeated value keeps its first index.</summary>
    /// <param name="members">The values the model knows.</param>
    /// <exception cref="ArgumentException">A member is the default (unset) value.</exception>
    public VocabularyIndex(IEnumerable<T> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var list = new List<T>();
        var seen = new HashSet<T>();
        var maxOrdinal = 0;
        foreach (var member in members)
        {
            if (member.IsDefault)
            {
                throw new ArgumentException("must not contain the default (unset) value.", nameof(members));
            }

            var registered = T.Register(member);
            if (seen.Add(registered))
            {
                list.Add(registered);
                maxOrdinal = Math.Max(maxOrdinal, registered.Ordinal);
            }
        }

        _members = [.. list];
        _indexByOrdinal = new int[maxOrdinal + 1];
        Array.Fill(_indexByOrdinal, -1);
        for (var i = 0; i < _members.Length; i++)
        {
            var ordinal = _members[i].Ordinal;
            if (ordinal > 0)
            {
                _indexByOrdinal[ordinal] = i;
            }
            else
            {
                (_indexByName ??= new(StringComparer.Ordinal))[_members[i].Value!] = i;
            }
        }
    }

    /// <summary>Gets the number of members.</summary>
    public int Count => _members.Length;

    /// <summary>Gets a value indicating whether every member has a process-wide ordinal (the registry was not full).</summary>
    public bool AllRegistered => _indexByName is null;

    /// <summary>Gets the member at a local index (registered, when the registry had room).</summary>
    /// <param name="index">A local index from 0 to <see cref="Count"/> - 1.</param>
    public T this[int index] => _members[index];

    /// <summary>Returns the local index of <paramref name="value"/>, or -1 when it is not a member (or is the default).</summary>
    /// <param name="value">Any value, registered or not.</param>
    /// <returns>The local index, or -1.</returns>
    public int IndexOf(T value)
    {
        var ordinal = value.Ordinal;
        var map = _indexByOrdinal;
        if ((uint)ordinal < (uint)map.Length)
        {
            return map[ordinal];
        }

        return ordinal < 0 && _indexByName is { } byName && byName.TryGetValue(value.Value!, out var index) ? index : -1;
    }
}
