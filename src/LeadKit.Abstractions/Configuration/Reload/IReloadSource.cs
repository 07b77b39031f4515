namespace LeadKit.Abstractions.Configuration.Reload;

/// <summary>
/// Where a reloadable configuration comes from: the current document and a signal when it changes. An
/// <c>IOptionsMonitor</c>, a file watcher or a database poller feeds a <see cref="ReloadableRegistry{TValue}"/>
/// through this one contract (see <see cref="ManualReloadSource{TDocument}"/> for a source that is pushed to).
/// </summary>
/// <typeparam name="TDocument">The document: JSON text or bytes, or an options object.</typeparam>
/// <remarks>
/// A source that does I/O reads asynchronously on its own schedule and pushes the result; the registry never waits on
/// I/O. Changes must be reported one at a time, in the order they happened, so the last document reported is the
/// last one applied.
/// </remarks>
public interface IReloadSource<TDocument>
{
    /// <summary>Gets the current document; read once when an entry is added.</summary>
    TDocument Current { get; }

    /// <summary>Calls <paramref name="listener"/> with each new document until the returned subscription is disposed.</summary>
    /// <param name="listener">Receives the new document.</param>
    /// <returns>The subscription.</returns>
    IDisposable Subscribe(Action<TDocument> listener);
}
