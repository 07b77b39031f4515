namespace LeadKit.Scoring.DependencyInjection;

/// <summary>The names of the models registered in one service collection.</summary>
internal sealed class ScoringModelRegistry
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

    public bool Contains(string name)
    {
        lock (_names)
        {
            return _names.Contains(name);
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
