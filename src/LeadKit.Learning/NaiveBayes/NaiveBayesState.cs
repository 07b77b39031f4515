namespace LeadKit.Learning.NaiveBayes;

/// <summary>An immutable snapshot of all the counts of a naive Bayes model.</summary>
internal sealed class NaiveBayesState(int won, int lost, ValueCounts[] features, ValueCounts? segment)
{
    public int Won { get; } = won;

    public int Lost { get; } = lost;

    public ValueCounts[] Features { get; } = features;

    public ValueCounts? Segment { get; } = segment;

    public NaiveBayesState With(string[] values, string? segmentValue, bool isWon)
    {
        var features = new ValueCounts[Features.Length];
        for (var f = 0; f < features.Length; f++)
        {
            features[f] = Features[f].With(values[f], isWon);
        }

        var segment = Segment is not null && segmentValue is not null ? Segment.With(segmentValue, isWon) : Segment;
        return new NaiveBayesState(Won + (isWon ? 1 : 0), Lost + (isWon ? 0 : 1), features, segment);
    }
}
