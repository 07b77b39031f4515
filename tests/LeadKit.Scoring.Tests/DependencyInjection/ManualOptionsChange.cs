using LeadKit.Scoring.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace LeadKit.Scoring.Tests.DependencyInjection;

/// <summary>
/// A change token source for one model's <see cref="ScoringModelOptions"/> that a test fires by hand, with the rule-set
/// JSON the test's options read (so a reload can be given a new document without a file).
/// </summary>
/// <param name="name">The model's name (the options name).</param>
/// <param name="json">The rule-set JSON before the first change.</param>
internal sealed class ManualOptionsChange(string name, string json = "") : IOptionsChangeTokenSource<ScoringModelOptions>, IDisposable
{
    private CancellationTokenSource _change = new();

    public string Name => name;

    /// <summary>Gets the rule-set JSON the options read at the next reload.</summary>
    public string Json { get; private set; } = json;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_change.Token);

    /// <summary>Sets the JSON and fires the change.</summary>
    public void Change(string json)
    {
        Json = json;
        Fire();
    }

    /// <summary>Fires the change: the options are read again.</summary>
    public void Fire()
    {
        var previous = _change;
        _change = new CancellationTokenSource();
        previous.Cancel();
        previous.Dispose();
    }

    public void Dispose() => _change.Dispose();
}
