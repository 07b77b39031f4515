namespace LeadKit.Abstractions.Common;

/// <summary>
/// A value of an open vocabulary (<c>LeadSource</c>, <c>EngagementSignalKind</c>, <c>FunnelStage</c>,
/// <c>FunnelTrigger</c>, <c>CustomFieldKey</c>): a lower-case machine name, with a dense process-wide ordinal when trusted
/// code registered the name.
/// </summary>
/// <typeparam name="TSelf">The vocabulary type.</typeparam>
/// <remarks>
/// Creating or parsing a value never registers its name and never touches a process-wide resource; compiled models
/// register the names they know when they are built, through <see cref="VocabularyIndex{T}"/>.
/// </remarks>
public interface IVocabularyValue<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IVocabularyValue<TSelf>
{
    /// <summary>Gets the machine name, or <see langword="null"/> for the default (unset) value.</summary>
    string? Value { get; }

    /// <summary>
    /// Gets the dense process-wide ordinal of the name: 0 for the default value, -1 while the name is not registered.
    /// </summary>
    int Ordinal { get; }

    /// <summary>Gets a value indicating whether this is the default (unset) value.</summary>
    bool IsDefault { get; }

    /// <summary>
    /// Registers the name of <paramref name="value"/> so it gets a dense ordinal. For trusted code only: the built-in
    /// values and a model at the moment it is built; never for values read from input.
    /// </summary>
    /// <param name="value">A value that is not the default.</param>
    /// <returns>The registered value, or <paramref name="value"/> unchanged (still unregistered) when the vocabulary's
    /// registry is full; equal to <paramref name="value"/> either way.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is the default (unset) value.</exception>
    static abstract TSelf Register(TSelf value);
}
