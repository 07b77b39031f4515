namespace LeadKit.Learning.NaiveBayes;

/// <summary>
/// Won and lost counts per value of one feature. Never changed once published: an update makes a new instance
/// (copy-on-write), so readers need no lock.
/// </summary>
internal sealed class ValueCounts
{
    private ValueCounts(Dictionary<string, int> index, int[] won, int[] lost)
    {
        Index = index;
        Won = won;
        Lost = lost;
    }

    public Dictionary<string, int> Index { get; }

    public int[] Won { get; }

    public int[] Lost { get; }

    public int DistinctValues => Index.Count;

    public static ValueCounts From(Dictionary<string, (int Won, int Lost)> counts)
    {
        var index = new Dictionary<string, int>(counts.Count, StringComparer.OrdinalIgnoreCase);
        var won = new int[counts.Count];
        var lost = new int[counts.Count];
        var keys = new List<string>(counts.Keys);
        keys.Sort(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            var slot = index.Count;
            index.Add(key, slot);
            (won[slot], lost[slot]) = counts[key];
        }

        return new ValueCounts(index, won, lost);
    }

    public ValueCounts With(string value, bool isWon)
    {
        if (Index.TryGetValue(value, out var slot))
        {
            var won = (int[])Won.Clone();
            var lost = (int[])Lost.Clone();
            (isWon ? won : lost)[slot]++;
            return new ValueCounts(Index, won, lost);
        }

        var index = new Dictionary<string, int>(Index, StringComparer.OrdinalIgnoreCase) { [value] = Index.Count };
        var grownWon = new int[Won.Length + 1];
        var grownLost = new int[Lost.Length + 1];
        Won.CopyTo(grownWon, 0);
        Lost.CopyTo(grownLost, 0);
        (isWon ? grownWon : grownLost)[Won.Length] = 1;
        return new ValueCounts(index, grownWon, grownLost);
    }

    public (int Won, int Lost) CountsOf(string value)
        => Index.TryGetValue(value, out var slot) ? (Won[slot], Lost[slot]) : (0, 0);
}
