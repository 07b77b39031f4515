using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;

namespace LeadKit.Abstractions.Configuration.Reload;

/// <summary>
/// Named values that follow their configuration documents: scoring models, routing plans, funnel definitions. Each
/// entry is fed by an <see cref="IReloadSource{TDocument}"/> and built by a <see cref="ReloadBuilder{TDocument, TValue}"/>;
/// an invalid document is never applied (the previous value stays in use) and is reported by the entry's status,
/// the <see cref="Rejected"/> event and a counter. Thread-safe.
/// </summary>
/// <typeparam name="TValue">The value type (immutable, thread-safe).</typeparam>
/// <param name="options">The clock and telemetry; <see langword="null"/> for the defaults.</param>
public sealed class ReloadableRegistry<TValue>(ReloadableRegistryOptions? options = null) : IDisposable
    where TValue : class
{
    private volatile bool _disposed;
    private readonly ConcurrentDictionary<string, Registration> _entries = new(StringComparer.Ordinal);
    private readonly Counter<long>? _counter = options?.Meter?.CreateCounter<long>(
        options.CounterName,
        "{document}",
        "Configuration documents built, by outcome (applied or rejected).");

    /// <summary>Raised after any entry refused a document, after that entry's own <see cref="ReloadableEntry{TValue}.Rejected"/>.</summary>
    public event EventHandler<ReloadRejectedEventArgs>? Rejected;

    /// <summary>Gets the names of the entries, in no particular order.</summary>
    public IReadOnlyCollection<string> Names => [.. _entries.Keys];

    internal ReloadableRegistryOptions Options { get; } = options ?? new ReloadableRegistryOptions();

    /// <summary>Gets the entry named <paramref name="name"/>.</summary>
    /// <param name="name">The entry's name.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="KeyNotFoundException">No entry has that name.</exception>
    public ReloadableEntry<TValue> this[string name]
        => TryGet(name, out var entry) ? entry : throw new KeyNotFoundException("No entry is registered under that name.");

    /// <summary>
    /// Adds an entry: subscribes to <paramref name="source"/>, then builds its current document (a refusal is reported
    /// like any other: the entry then has no value until a valid document arrives).
    /// </summary>
    /// <typeparam name="TDocument">The document type.</typeparam>
    /// <param name="name">The entry's name; not blank, unique in the registry.</param>
    /// <param name="source">Gives the documents.</param>
    /// <param name="build">Builds a value from a document.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or already used.</exception>
    /// <exception cref="ObjectDisposedException">The registry was disposed.</exception>
    public ReloadableEntry<TValue> Add<TDocument>(string name, IReloadSource<TDocument> source, ReloadBuilder<TDocument, TValue> build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(build);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var registration = new Registration(new ReloadableEntry<TValue>(name, this));
        if (!_entries.TryAdd(name, registration))
        {
            throw new ArgumentException("An entry with that name is already registered.", nameof(name));
        }

        // Subscribe before reading: a change between the two is then applied after the first document, not lost.
        registration.Subscription = source.Subscribe(document => registration.Entry.Apply(document, build));
        registration.Entry.Apply(source.Current, build);
        return registration.Entry;
    }

    /// <summary>Gets the entry named <paramref name="name"/>, if any.</summary>
    /// <param name="name">The entry's name.</param>
    /// <param name="entry">The entry, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the entry exists.</returns>
    public bool TryGet(string name, [NotNullWhen(true)] out ReloadableEntry<TValue>? entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        entry = _entries.TryGetValue(name, out var registration) ? registration.Entry : null;
        return entry is not null;
    }

    /// <summary>Stops following every source; the values in use stay readable.</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var registration in _entries.Values)
        {
            registration.Subscription?.Dispose();
        }
    }

    internal void Count(string name, string outcome)
        => _counter?.Add(1, new KeyValuePair<string, object?>(Options.NameTag, name), new KeyValuePair<string, object?>(ReloadTelemetry.OutcomeTag, outcome));

    internal void OnRejected(ReloadableEntry<TValue> entry, ReloadRejectedEventArgs args) => Rejected?.Invoke(entry, args);

    private sealed class Registration(ReloadableEntry<TValue> entry)
    {
        public ReloadableEntry<TValue> Entry { get; } = entry;

        public IDisposable? Subscription { get; set; }
    }
}
