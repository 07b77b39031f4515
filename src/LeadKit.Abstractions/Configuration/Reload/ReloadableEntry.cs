using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace LeadKit.Abstractions.Configuration.Reload;

/// <summary>
/// One named value of a <see cref="ReloadableRegistry{TValue}"/> that follows its source: each new document is built
/// and, only when valid, swapped in atomically; a refused document leaves the value in use and is reported through
/// <see cref="Status"/>, <see cref="Rejected"/> and the registry's counter. Thread-safe; reading never locks.
/// </summary>
/// <typeparam name="TValue">The value type (immutable, thread-safe: a scoring model, a routing plan, ...).</typeparam>
public sealed class ReloadableEntry<TValue>
    where TValue : class
{
    private readonly ReloadableRegistry<TValue> _registry;

    // Builds of one entry run one at a time, so the last document reported is the last one decided on.
    private readonly Lock _gate = new();

    // Value and status change together: a reader never sees a new value with an old status.
    private volatile State _state;

    internal ReloadableEntry(string name, ReloadableRegistry<TValue> registry)
    {
        Name = name;
        _registry = registry;
        _state = new State(null, new ReloadStatus { Name = name, Version = 0 });
    }

    /// <summary>Raised after a document was refused (the first one included); the value in use stays in use.</summary>
    /// <remarks>Raised on the thread that reported the document, after the status changed; an exception from a handler reaches the source.</remarks>
    public event EventHandler<ReloadRejectedEventArgs>? Rejected;

    /// <summary>Gets the entry's name.</summary>
    public string Name { get; }

    /// <summary>Gets the value built from the last valid document.</summary>
    /// <exception cref="ConfigurationException">No document has been valid yet; the problems are those of the latest one.</exception>
    public TValue Value
    {
        get
        {
            var state = _state;
            return state.Value ?? throw new ConfigurationException(state.Status.LastRejection!.Problems);
        }
    }

    /// <summary>Gets the entry's status: the version and load time of the value in use, and the latest refusal.</summary>
    public ReloadStatus Status => _state.Status;

    /// <summary>Gets the value built from the last valid document, if one has been.</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when a valid document has been applied.</returns>
    public bool TryGetValue([NotNullWhen(true)] out TValue? value)
    {
        value = _state.Value;
        return value is not null;
    }

    /// <summary>Builds <paramref name="document"/> and applies it when valid; reports it when not.</summary>
    internal void Apply<TDocument>(TDocument document, ReloadBuilder<TDocument, TValue> build)
    {
        ReloadRejectedEventArgs? rejected = null;
        lock (_gate)
        {
            using var activity = _registry.Options.ActivitySource?.StartActivity(_registry.Options.ActivityName);
            activity?.SetTag(_registry.Options.NameTag, Name);
            var problems = new List<ConfigurationProblem>();
            Exception? failure = null;
            TValue? value;
            try
            {
                value = build(document, problems);
            }
            catch (ConfigurationException ex)
            {
                value = null;
                problems.AddRange(ex.Problems);
            }
#pragma warning disable CA1031 // Any exception is a refusal: in a change callback it would otherwise be lost, and the value in use must stay.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                value = null;
                failure = ex;

                // The type only: an exception's message may quote the document.
                problems.Add(new ConfigurationProblem("$", ReloadProblemCodes.BuildFailed, "building the value threw " + ex.GetType().Name));
            }

            var now = _registry.Options.TimeProvider.GetUtcNow();
            var current = _state;
            if (value is not null && problems.Count == 0)
            {
                _state = new State(value, new ReloadStatus { Name = Name, Version = current.Status.Version + 1, LoadedAt = now });
                _registry.Count(Name, ReloadTelemetry.Applied);
                activity?.SetTag(ReloadTelemetry.OutcomeTag, ReloadTelemetry.Applied);
            }
            else
            {
                if (problems.Count == 0)
                {
                    problems.Add(new ConfigurationProblem("$", ReloadProblemCodes.NoValue, "the document gave no value and no problem"));
                }

                var rejection = new ReloadRejection { Problems = [.. problems], At = now, Exception = failure };
                var status = new ReloadStatus { Name = Name, Version = current.Status.Version, LoadedAt = current.Status.LoadedAt, LastRejection = rejection };
                _state = new State(current.Value, status);
                _registry.Count(Name, ReloadTelemetry.Rejected);
                activity?.SetTag(ReloadTelemetry.OutcomeTag, ReloadTelemetry.Rejected);
                activity?.SetStatus(ActivityStatusCode.Error);
                rejected = new ReloadRejectedEventArgs(status);
            }
        }

        if (rejected is not null)
        {
            // Outside the gate: a handler may read the entry or report a new document without deadlocking.
            Rejected?.Invoke(this, rejected);
            _registry.OnRejected(this, rejected);
        }
    }

    private sealed record State(TValue? Value, ReloadStatus Status);
}
