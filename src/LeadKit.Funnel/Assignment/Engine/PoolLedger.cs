using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Funnel.Assignment.Engine;

/// <summary>
/// A rep pool's rotation state, keyed by the pool's name so it survives a new plan with a changed team: round robin
/// continues after the last rep chosen, weighted round robin keeps each rep's current weight.
/// Guarded by <see cref="AssignmentState"/>'s lock.
/// </summary>
internal sealed class PoolLedger
{
    /// <summary>The last rep chosen as restored from a snapshot (before any plan chose in this process).</summary>
    public SalesRepId RestoredLastRepId;

    /// <summary>
    /// The member array <see cref="LastIndex"/> refers to; a pool with another array (a new plan) resolves its start
    /// from <see cref="LastRepId"/>. Only the index is written per assignment: no reference writes on the hot path.
    /// </summary>
    public RepEntry[]? LastMembers;
    public int LastIndex = -1;

    /// <summary>Gets the last rep chosen in this pool, or the default id when none yet.</summary>
    public SalesRepId LastRepId => LastMembers is { } members ? members[LastIndex].Rep.Id : RestoredLastRepId;

    /// <summary>The number of leads weighted selection assigned in this pool (the "time" of the quota schedule).</summary>
    public long Assignments;

    public Dictionary<SalesRepId, WeightCell> Weights { get; } = [];

    public WeightCell GetWeight(SalesRepId rep, out bool created)
    {
        created = !Weights.TryGetValue(rep, out var cell);
        if (cell is null)
        {
            cell = new WeightCell();
            Weights.Add(rep, cell);
        }

        return cell;
    }
}
