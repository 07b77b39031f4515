namespace LeadKit.Abstractions.Leads;

/// <summary>The BANT facts of a lead: budget, authority, need and timeline.</summary>
public sealed record BantAssessment
{
    /// <summary>Gets an assessment where nothing is known yet.</summary>
    public static BantAssessment Unknown { get; } = new();

    /// <summary>Gets whether the lead has a budget for the purchase.</summary>
    /// <value>Defaults to <see cref="BantStatus.Unknown"/>.</value>
    public BantStatus Budget { get; init => field = Common.Guard.Defined(value); }

    /// <summary>Gets whether the contact has the authority to decide the purchase.</summary>
    /// <value>Defaults to <see cref="BantStatus.Unknown"/>.</value>
    public BantStatus Authority { get; init => field = Common.Guard.Defined(value); }

    /// <summary>Gets whether the lead has a need the product solves.</summary>
    /// <value>Defaults to <see cref="BantStatus.Unknown"/>.</value>
    public BantStatus Need { get; init => field = Common.Guard.Defined(value); }

    /// <summary>Gets whether the lead has a purchase timeline sales can work with.</summary>
    /// <value>Defaults to <see cref="BantStatus.Unknown"/>.</value>
    public BantStatus Timeline { get; init => field = Common.Guard.Defined(value); }

    /// <summary>Gets the stated budget, when known.</summary>
    public Common.Money? BudgetAmount { get; init; }

    /// <summary>Gets the number of the four criteria that are <see cref="BantStatus.Confirmed"/> (0 to 4).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ConfirmedCount =>
        (Budget == BantStatus.Confirmed ? 1 : 0) + (Authority == BantStatus.Confirmed ? 1 : 0)
        + (Need == BantStatus.Confirmed ? 1 : 0) + (Timeline == BantStatus.Confirmed ? 1 : 0);
}
