using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Engine;

namespace LeadKit.Routing.Strategies;

/// <summary>Round robin, weighted round robin or load balancing over a team, every rep, or every rep covering the lead.</summary>
internal sealed class PoolStrategy : IRoutingStrategy, ICompiledStep
{
    private readonly RepPool _pool;

    public PoolStrategy(string name, RepPool pool)
    {
        Name = name;
        _pool = pool;
    }

    public string Name { get; }

    public RoutingDecision Decide(in RoutingContext context) => _pool.Decide(context, Name);

    public bool IsCompiledWith(Eligibility eligibility) => ReferenceEquals(_pool.Eligibility, eligibility);
}
