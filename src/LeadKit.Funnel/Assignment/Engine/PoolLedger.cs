using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Funnel.Assignment.Engine;

/// <summary>
/// A rep pool's rotation state, keyed by the pool's name so it survives a new plan with a changed team: round robin
/// continues after the last rep chosen, weighted round robin keeps each rep's current weight.
/// Guarded by <see cref="AssignmentState"/>'s lock.
/// </summary>
internal sealed class PoolLedger
{
    public SalesRepId LastRepId;

    /// <summary>The member array <see cref="LastIndex"/> refers to; another array (a new plan) re-resolves the index from <see cref="LastRepId"/>.</summary>
    public object? LastMembers;
    public int LastIndex = -1;

    public Dictionary<SalesRepId, WeightCell> Weights { get; } = [];

    public WeightCell GetWeight(SalesRepId rep)
    {
        if (!Weights.TryGetValue(rep, out var cell))
        {
            cell = new WeightCell();
            Weights.Add(rep, cell);
        }

        return cell;
    }
}
