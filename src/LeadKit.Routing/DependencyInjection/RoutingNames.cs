namespace LeadKit.Routing.DependencyInjection;

/// <summary>The options names of the routings registered in one service collection (filled while registering, read once the registry is built).</summary>
internal sealed class RoutingNames
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
