namespace LeadKit.Funnel.Tests.Store;

/// <summary>A clock the test can also step backward, as a wall clock corrected by NTP may (FakeTimeProvider refuses to).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
