using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Funnel.Definitions;

/// <summary>Options of the default funnel (<see cref="DefaultFunnel"/>, <c>AddLeadKitFunnel</c>).</summary>
/// <remarks>Validated by <see cref="DefaultFunnel"/> and, in DI, on start; errors name the option and the value.</remarks>
public sealed class FunnelOptions
{
    /// <summary>Gets or sets how long sales may take to accept (or reject) an MQL before the SLA is breached.</summary>
    /// <value>Defaults to 48 hours. <see langword="null"/> disables the SLA; otherwise it must be positive.</value>
    public TimeSpan? MqlAcceptanceSla { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Gets or sets how long a sales-qualified lead may wait to become an opportunity before the SLA is breached.</summary>
    /// <value>Defaults to <see langword="null"/> (no SLA); otherwise it must be positive.</value>
    public TimeSpan? SqlConversionSla { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the lead -&gt; MQL, nurture -&gt; MQL and SAL -&gt; SQL transitions are
    /// guarded by the qualification policy. In DI (<c>AddLeadKitFunnel</c>) the guards ask the scoring model named by
    /// <see cref="QualificationModel"/>, and start-up fails when it is not registered; set this to
    /// <see langword="false"/> to run the funnel without qualification guards on purpose.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool UseQualificationGuards { get; set; } = true;

    /// <summary>
    /// Gets or sets the name of the scoring model whose scorer and qualification policy guard the qualify transitions
    /// in DI: the funnel resolves the keyed <c>ILeadScorer</c> and <c>IQualificationPolicy</c> registered under this
    /// key (LeadKit.Scoring registers both, with the model's own thresholds, for every <c>AddLeadKitScoring</c> /
    /// <c>AddLeadKitScoringRuleSet</c> name). Used only when <see cref="UseQualificationGuards"/> is on.
    /// </summary>
    /// <value>Defaults to <c>"default"</c>, the name <c>AddLeadKitScoring(configure)</c> registers. Follows the configuration-name rule.</value>
    public string QualificationModel { get; set; } = DefaultQualificationModel;

    /// <summary>
    /// Gets or sets who may override unmet guards (e.g. sales managers). Without it the funnel refuses every override.
    /// The application decides: the funnel only asks.
    /// </summary>
    /// <value>Defaults to <see langword="null"/> (no overrides).</value>
    public FunnelOverrideAuthorizer? OverrideAuthorizer { get; set; }

    /// <summary>Gets or sets who <see cref="OverrideAuthorizer"/> authorises, e.g. "sales managers"; shown when an override is refused.</summary>
    /// <value>Defaults to <see langword="null"/>; required with <see cref="OverrideAuthorizer"/>. Follows the configuration-name rule.</value>
    public string? OverrideAuthorizerDescription { get; set; }

    /// <summary>
    /// Gets or sets who is told when an observer or a stage action throws after a committed transition (e.g. to log
    /// it); used by the <c>FunnelWorkflow</c> that <c>AddLeadKitFunnel</c> registers. Failures are counted (and metered)
    /// with or without it; the transition always stands.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public Workflow.FunnelNotificationErrorHandler? NotificationErrorHandler { get; set; }

    /// <summary>
    /// Gets or sets the funnel's definition as JSON (<see cref="Serialization.FunnelDefinitionJson"/>) instead of the default
    /// funnel. In DI (<c>AddLeadKitFunnel</c>) it is reloaded whenever the options change: a document with problems is
    /// refused and the definition in use stays (see <c>FunnelDefinitionProvider</c>'s status and <c>Rejected</c> event).
    /// Guards it names come from <see cref="Guards"/> and, with <see cref="UseQualificationGuards"/> on, the built-in
    /// <c>qualified-mql</c> and <c>qualified-sql</c> of the scoring model <see cref="QualificationModel"/>. The SLA options
    /// do not apply to it (the document states its own SLAs).
    /// </summary>
    /// <value>Defaults to <see langword="null"/> (the default funnel built from these options).</value>
    public string? DefinitionJson { get; set; }

    /// <summary>Gets or sets the application's own guards that <see cref="DefinitionJson"/> may name (read, never changed, by the funnel).</summary>
    /// <value>Defaults to <see langword="null"/> (only the built-in qualification guards).</value>
    public FunnelGuardRegistry? Guards { get; set; }

    /// <summary>The default of <see cref="QualificationModel"/>: the name of LeadKit.Scoring's default model.</summary>
    public const string DefaultQualificationModel = "default";

    /// <summary>Returns every problem with the options; each problem's path names the option (<c>FunnelOptions.MqlAcceptanceSla</c>).</summary>
    /// <returns>The problems, each naming the option and (when it is not free text) its value; empty when valid.</returns>
    public IReadOnlyList<ConfigurationProblem> Validate()
    {
        var problems = new List<ConfigurationProblem>();
        if (MqlAcceptanceSla is { } mql && mql <= TimeSpan.Zero)
        {
            problems.Add(Problem(nameof(MqlAcceptanceSla), ConfigurationProblemCodes.OutOfRange, $"FunnelOptions.MqlAcceptanceSla must be positive or null (was {mql})."));
        }

        if (SqlConversionSla is { } sql && sql <= TimeSpan.Zero)
        {
            problems.Add(Problem(nameof(SqlConversionSla), ConfigurationProblemCodes.OutOfRange, $"FunnelOptions.SqlConversionSla must be positive or null (was {sql})."));
        }

        if (UseQualificationGuards && ConfigurationName.Problem(QualificationModel) is { } model)
        {
            problems.Add(Problem(nameof(QualificationModel), ConfigurationProblemCodes.InvalidValue, $"FunnelOptions.QualificationModel {model}; name the scoring model whose qualification guards the funnel, or set FunnelOptions.UseQualificationGuards = false."));
        }

        if (OverrideAuthorizer is not null && ConfigurationName.Problem(OverrideAuthorizerDescription) is { } description)
        {
            problems.Add(Problem(nameof(OverrideAuthorizerDescription), ConfigurationProblemCodes.InvalidValue, $"FunnelOptions.OverrideAuthorizerDescription {description}; say who FunnelOptions.OverrideAuthorizer authorises (e.g. \"sales managers\")."));
        }

        if (OverrideAuthorizer is null && OverrideAuthorizerDescription is not null)
        {
            problems.Add(Problem(nameof(OverrideAuthorizerDescription), ConfigurationProblemCodes.Conflict, "FunnelOptions.OverrideAuthorizerDescription is set but FunnelOptions.OverrideAuthorizer is not; set both or neither."));
        }

        return problems;
    }

    private static ConfigurationProblem Problem(string option, string code, string message) => new(nameof(FunnelOptions) + "." + option, code, message);
}
