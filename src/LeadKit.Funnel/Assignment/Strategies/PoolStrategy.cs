using LeadKit.Abstractions.Assignment;
using LeadKit.Funnel.Assignment.Engine;

namespace LeadKit.Funnel.Assignment.Strategies;

/// <summary>Round robin, weighted round robin or load balancing over a team, every rep, or every rep covering the lead.</summary>
internal sealed class PoolStrategy : IAssignmentStrategy
{
    private readonly RepPool _pool;

    public PoolStrategy(string name, RepPool pool)
    {
        Name = name;
        _pool = pool;
    }

    public string Name { get; }

    public AssignmentResult Assign(in AssignmentContext context) => _pool.Assign(context, Name);
}
