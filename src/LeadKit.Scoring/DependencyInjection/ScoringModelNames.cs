namespace LeadKit.Scoring.DependencyInjection;

/// <summary>The names of the models registered in one service collection (filled while registering, read once the provider is built).</summary>
internal sealed class ScoringModelNames
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names
    {
        get
        {
            lock (_names)
            {
                return [.. _names];
            }
        }
    }

    public void Add(string name)
    {
        lock (_names)
        {
            _names.Add(name);
        }
    }
}
