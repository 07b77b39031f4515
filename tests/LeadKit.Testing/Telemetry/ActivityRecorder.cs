using System.Diagnostics;

namespace LeadKit.Testing.Telemetry;

/// <summary>
/// Records the activities of one test only. An <see cref="ActivityListener"/> hears every activity of a source, also
/// those of tests running in parallel; this recorder starts a root activity of its own and keeps only the activities
/// in the root's trace (the code under test runs inside it, so its activities are the root's descendants).
/// </summary>
public sealed class ActivityRecorder : IDisposable
{
    private const string RootSourceName = "LeadKit.Testing.ActivityRecorder";

    private readonly ActivityListener _listener;
    private readonly ActivitySource _rootSource = new(RootSourceName);
    private readonly Activity _root;
    private readonly List<Activity> _stopped = [];

    /// <summary>Starts recording the activities of the named source and makes the root activity current.</summary>
    /// <param name="sourceName">The activity source under test, e.g. <c>LeadKit.Funnel</c>.</param>
    public ActivityRecorder(string sourceName)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName || source.Name == RootSourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_stopped)
                {
                    _stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _root = _rootSource.StartActivity("test") ?? throw new InvalidOperationException("The root activity was not sampled.");
    }

    /// <summary>Gets the stopped activities of this test's trace with the given operation name, in the order they stopped.</summary>
    /// <param name="operationName">The operation name.</param>
    /// <returns>The activities.</returns>
    public Activity[] Stopped(string operationName)
    {
        lock (_stopped)
        {
            return [.. _stopped.Where(a => a.TraceId == _root.TraceId && a.OperationName == operationName)];
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
        _rootSource.Dispose();
    }
}
