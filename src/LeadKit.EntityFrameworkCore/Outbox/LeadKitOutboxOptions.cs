namespace LeadKit.EntityFrameworkCore.Outbox;

/// <summary>How <see cref="LeadKitOutboxDispatcher{TContext}"/> polls and retries.</summary>
public sealed class LeadKitOutboxOptions
{
    /// <summary>Gets or sets the wait between two polls when nothing was due; 1 second unless set; must be positive.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how many events one poll reads at most; 100 unless set; 1 to 10,000.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Gets or sets the wait after the first failure of an event; 1 second unless set; must be positive. After failure n
    /// the next attempt is due <c>min(MaxBackoff, InitialBackoff × 2^(n − 1))</c> later.
    /// </summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between two attempts; 5 minutes unless set; at least <see cref="InitialBackoff"/>.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets how long a dispatcher owns an event it claimed, just before handing it to the handlers (another
    /// instance's dispatcher leaves it alone meanwhile); 1 minute unless set; must be positive and longer than the
    /// handlers take for one event, or the event may be delivered twice, and the lead's next event before the repeat.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Returns what is wrong with the options, one message per problem naming the option; empty when they are valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PollInterval <= TimeSpan.Zero)
        {
            problems.Add($"LeadKitOutboxOptions.PollInterval must be positive (was {PollInterval}).");
        }

        if (BatchSize is < 1 or > 10_000)
        {
            problems.Add($"LeadKitOutboxOptions.BatchSize must be 1 to 10000 (was {BatchSize}).");
        }

        if (InitialBackoff <= TimeSpan.Zero)
        {
            problems.Add($"LeadKitOutboxOptions.InitialBackoff must be positive (was {InitialBackoff}).");
        }

        if (MaxBackoff < InitialBackoff)
        {
            problems.Add($"LeadKitOutboxOptions.MaxBackoff must be at least InitialBackoff (was {MaxBackoff}, InitialBackoff {InitialBackoff}).");
        }

        if (LeaseDuration <= TimeSpan.Zero)
        {
            problems.Add($"LeadKitOutboxOptions.LeaseDuration must be positive (was {LeaseDuration}).");
        }

        return problems;
    }

    /// <summary>The wait after failure <paramref name="failures"/> (1 for the first): <c>min(MaxBackoff, InitialBackoff × 2^(failures − 1))</c>.</summary>
    internal TimeSpan Backoff(int failures)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 62);
        var ticks = InitialBackoff.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
