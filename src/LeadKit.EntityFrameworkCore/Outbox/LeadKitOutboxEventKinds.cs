namespace LeadKit.EntityFrameworkCore.Outbox;

/// <summary>The kinds of <see cref="LeadKitOutboxEvent"/>.</summary>
public static class LeadKitOutboxEventKinds
{
    /// <summary>A committed stage change; <see cref="LeadKitOutboxEvent.Sequence"/> is the lead's funnel version after it.</summary>
    public const string StageChanged = "stage-changed";
}
