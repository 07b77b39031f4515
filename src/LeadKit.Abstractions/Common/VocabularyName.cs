using System.Runtime.CompilerServices;

namespace LeadKit.Abstractions.Common;

/// <summary>
/// The name held by a vocabulary value. A registered name has one shared entry with its dense ordinal; an unregistered
/// name has an entry of its own, owned by the values copied from the one that was created, which finds its ordinal
/// later if trusted code registers the name after the value was created.
/// </summary>
internal sealed class VocabularyName
{
    // The registry to ask again, for an unregistered entry; null for a registered one.
    private readonly ValueInterner? _registry;

    // The dense ordinal (> 0) once known; 0 while the name is not registered.
    private int _ordinal;

    // The registry's version at the last look-up that did not find the name.
    private int _checkedVersion;

    /// <summary>Creates the entry of a registered name.</summary>
    public VocabularyName(string name, int ordinal)
    {
        Name = name;
        Hash = StringComparer.Ordinal.GetHashCode(name);
        _ordinal = ordinal;
    }

    /// <summary>Creates the entry of a name not registered when <paramref name="checkedVersion"/> was current.</summary>
    public VocabularyName(string name, ValueInterner registry, int checkedVersion)
    {
        Name = name;
        Hash = StringComparer.Ordinal.GetHashCode(name);
        _registry = registry;
        _checkedVersion = checkedVersion;
    }

    public string Name { get; }

    /// <summary>Gets the hash of <see cref="Name"/>, the same for registered and unregistered entries.</summary>
    public int Hash { get; }

    /// <summary>Gets the dense ordinal of the name, or -1 while it is not registered.</summary>
    public int Ordinal
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var ordinal = _ordinal;
            return ordinal > 0 ? ordinal : Resolve();
        }
    }

    public static bool AreEqual(VocabularyName? left, VocabularyName? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null)
        {
            return false;
        }

        // Two known ordinals decide it; otherwise the names do (a value created before its name was registered equals
        // one created after).
        var (a, b) = (left._ordinal, right._ordinal);
        return a > 0 && b > 0 ? a == b : left.Hash == right.Hash && string.Equals(left.Name, right.Name, StringComparison.Ordinal);
    }

    // Asks the registry only when a name was registered since the last look-up, so a value of a name nobody registers
    // costs one comparison per read. The writes race harmlessly: a name's ordinal never changes once given.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Resolve()
    {
        var registry = _registry!;
        var version = registry.Version;
        if (version == _checkedVersion)
        {
            return -1;
        }

        if (registry.TryGetRegistered(Name, out var registered))
        {
            _ordinal = registered._ordinal;
            return registered._ordinal;
        }

        _checkedVersion = version;
        return -1;
    }
}
