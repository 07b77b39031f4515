namespace LeadKit.Abstractions.Configuration.Reload;

/// <summary>
/// A source that the application pushes documents to with <see cref="Publish"/>: a file watcher, a database poller or
/// an admin endpoint reads the document and publishes it. Thread-safe; documents are delivered in publication order.
/// </summary>
/// <typeparam name="TDocument">The document type.</typeparam>
/// <param name="initial">The document before the first <see cref="Publish"/>.</param>
public sealed class ManualReloadSource<TDocument>(TDocument initial) : IReloadSource<TDocument>
{
    // One gate for the document and the delivery, so listeners see documents in publication order.
    private readonly Lock _gate = new();
    private readonly List<Action<TDocument>> _listeners = [];
    private TDocument _current = initial;

    /// <inheritdoc/>
    public TDocument Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Makes <paramref name="document"/> the current document and hands it to every listener before returning.</summary>
    /// <param name="document">The new document.</param>
    public void Publish(TDocument document)
    {
        lock (_gate)
        {
            _current = document;
            foreach (var listener in _listeners.ToArray())
            {
                listener(document);
            }
        }
    }

    /// <inheritdoc/>
    public IDisposable Subscribe(Action<TDocument> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners.Add(listener);
        }

        return new Subscription(this, listener);
    }

    private sealed class Subscription(ManualReloadSource<TDocument> source, Action<TDocument> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (source._gate)
            {
                source._listeners.Remove(listener);
            }
        }
    }
}
