using System.Collections.Concurrent;

namespace LeadKit.Abstractions.Common;

/// <summary>
/// The process-wide registry of one vocabulary (signal kinds, sources, stages, triggers, custom field keys): gives a
/// dense ordinal to each name that trusted code registers (the built-in values, and the names of a scoring model,
/// funnel definition or routing plan when it is built), so compiled models index arrays by integer.
/// </summary>
/// <remarks>
/// <para>Only <see cref="Register"/> adds a name; <see cref="Find"/>, which every constructor and parser uses, only
/// looks up, so a value read from untrusted input never adds to the table and a rejected document leaves no trace.</para>
/// <para>The table is bounded: once it holds <see cref="Capacity"/> names, <see cref="Register"/> returns
/// <see langword="null"/> and the caller keeps the name unregistered (compiled models then find it by name). Nothing
/// here throws for a full table. Ordinal 0 is reserved for the default (unset) value. Thread-safe; look-ups take no lock.</para>
/// </remarks>
internal sealed class ValueInterner
{
    /// <summary>
    /// The most names one vocabulary registers in a process: far more than any set of models uses, small enough that
    /// a full table costs about 2 MB.
    /// </summary>
    public const int DefaultCapacity = 16_384;

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, VocabularyName> _names = new(StringComparer.Ordinal);
    private int _count;

    // Raised by every registration: an unregistered name that was looked up at the current version need not be looked
    // up again (see VocabularyName.Ordinal).
    private volatile int _version;

    public ValueInterner(int capacity) => Capacity = capacity;

    /// <summary>Gets the most names this vocabulary registers in one process.</summary>
    public int Capacity { get; }

    /// <summary>Gets the number of names registered so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Gets a number that changes whenever a name is registered.</summary>
    public int Version => _version;

    /// <summary>
    /// Returns the registered entry of <paramref name="name"/>, or a new unregistered entry that only the caller's value
    /// holds (nothing process-wide is added).
    /// </summary>
    public VocabularyName Find(string name)
    {
        var version = _version;
        return _names.TryGetValue(name, out var registered) ? registered : new VocabularyName(name, this, version);
    }

    /// <summary>Looks up a registered name.</summary>
    public bool TryGetRegistered(string name, out VocabularyName registered)
        => _names.TryGetValue(name, out registered!);

    /// <summary>
    /// Registers <paramref name="name"/> (trusted code only), or returns its existing entry; returns
    /// <see langword="null"/> when the table is full.
    /// </summary>
    public VocabularyName? Register(string name)
    {
        if (_names.TryGetValue(name, out var registered))
        {
            return registered;
        }

        lock (_gate)
        {
            if (_names.TryGetValue(name, out registered))
            {
                return registered;
            }

            if (_count >= Capacity)
            {
                return null;
            }

            var entry = new VocabularyName(name, _count + 1);
            _names[name] = entry;
            _count++;
            _version++;
            return entry;
        }
    }
}
