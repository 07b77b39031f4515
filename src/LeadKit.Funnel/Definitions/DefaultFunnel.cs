using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Funnel.Definitions;

/// <summary>
/// LeadKit's default sales funnel: suspect -&gt; lead -&gt; MQL -&gt; SAL -&gt; SQL -&gt; opportunity -&gt; customer,
/// with disqualified, nurture (re-entry) and lost (recycled into a new lead) side paths.
/// </summary>
/// <remarks>
/// <para>Transitions (the main path is forward-only; <c>reject</c> and <c>reopen</c> are audited backward edges that need a reason):</para>
/// <list type="bullet">
/// <item><description>suspect: <c>qualify</c> -&gt; lead; <c>disqualify</c> -&gt; disqualified.</description></item>
/// <item><description>lead: <c>qualify</c> -&gt; MQL (guard: policy says MQL); <c>nurture</c> -&gt; nurture; <c>disqualify</c> -&gt; disqualified.</description></item>
/// <item><description>MQL: <c>accept</c> -&gt; SAL; <c>reject</c> -&gt; nurture (sales rejects, with a reason); <c>disqualify</c> -&gt; disqualified. SLA: <see cref="FunnelOptions.MqlAcceptanceSla"/>.</description></item>
/// <item><description>SAL: <c>qualify</c> -&gt; SQL (guard: policy says SQL); <c>nurture</c> -&gt; nurture; <c>disqualify</c> -&gt; disqualified.</description></item>
/// <item><description>SQL: <c>convert</c> -&gt; opportunity; <c>nurture</c> -&gt; nurture; <c>disqualify</c> -&gt; disqualified. SLA: <see cref="FunnelOptions.SqlConversionSla"/>.</description></item>
/// <item><description>opportunity: <c>win</c> -&gt; customer; <c>lose</c> -&gt; lost.</description></item>
/// <item><description>nurture: <c>qualify</c> -&gt; MQL (guard: policy says MQL); <c>reopen</c> -&gt; lead (with a reason); <c>disqualify</c> -&gt; disqualified.</description></item>
/// <item><description>customer, lost, disqualified: terminal. Lost recycles into a new lead that starts in <c>lead</c>.</description></item>
/// </list>
/// <para>Without a scorer and a policy (or with <see cref="FunnelOptions.UseQualificationGuards"/> off) the qualify transitions are unguarded.</para>
/// <para>
/// Overrides of unmet guards are refused unless <see cref="FunnelOptions.OverrideAuthorizer"/> says who may make them;
/// a refused guard lists the policy's reasons (e.g. "qualified as SQL by the policy (immediate timeframe; BANT not
/// confirmed: budget)").
/// </para>
/// </remarks>
public static class DefaultFunnel
{
    /// <summary>Builds the default funnel without qualification guards.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <returns>The definition (immutable, thread-safe; share it).</returns>
    /// <exception cref="ConfigurationException">The options are invalid.</exception>
    public static FunnelDefinition Create(FunnelOptions? options = null) => CreateBuilder(null, null, options).Build();

    /// <summary>Builds the default funnel whose qualify transitions ask the qualification policy.</summary>
    /// <param name="scorer">Scores leads for the guards.</param>
    /// <param name="policy">Decides MQL and SQL for the guards.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <returns>The definition (immutable, thread-safe; share it).</returns>
    /// <exception cref="ConfigurationException">The options are invalid.</exception>
    public static FunnelDefinition CreateQualified(ILeadScorer scorer, IQualificationPolicy policy, FunnelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(policy);
        return CreateBuilder(scorer, policy, options).Build();
    }

    /// <summary>Returns a builder holding the default funnel, to extend it (add stages, triggers, actions) before building.</summary>
    /// <param name="scorer">Scores leads for the qualification guards; <see langword="null"/> for no guards.</param>
    /// <param name="policy">Decides MQL and SQL; <see langword="null"/> for no guards.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <returns>An unbuilt builder.</returns>
    /// <exception cref="ConfigurationException">The options are invalid (every problem with its path).</exception>
    /// <exception cref="ArgumentException">Only one of <paramref name="scorer"/> and <paramref name="policy"/> is given.</exception>
    public static FunnelDefinitionBuilder CreateBuilder(ILeadScorer? scorer = null, IQualificationPolicy? policy = null, FunnelOptions? options = null)
    {
        options ??= new FunnelOptions();
        ConfigurationException.ThrowIfAny(options.Validate());

        if ((scorer is null) != (policy is null))
        {
            throw new ArgumentException("Qualification guards need both a scorer and a policy (one of them was null).", scorer is null ? nameof(scorer) : nameof(policy));
        }

        var guarded = scorer is not null && options.UseQualificationGuards;
        TransitionGuard[] mql = guarded ? [QualificationGuards.MarketingQualified(scorer!, policy!)] : [];
        TransitionGuard[] sql = guarded ? [QualificationGuards.SalesQualified(scorer!, policy!)] : [];

        var builder = new FunnelDefinitionBuilder()
            .StartAt(FunnelStage.Suspect)
            .MainPath(FunnelStage.Suspect, FunnelStage.Lead, FunnelStage.Mql, FunnelStage.Sal, FunnelStage.Sql, FunnelStage.Opportunity, FunnelStage.Customer);
        if (options.OverrideAuthorizer is { } authorizer)
        {
            builder.AuthorizeOverrides(authorizer, options.OverrideAuthorizerDescription!);
        }

        builder.Configure(FunnelStage.Suspect)
            .Permit(FunnelTrigger.Qualify, FunnelStage.Lead)
            .Permit(FunnelTrigger.Disqualify, FunnelStage.Disqualified);
        builder.Configure(FunnelStage.Lead)
            .PermitIf(FunnelTrigger.Qualify, FunnelStage.Mql, mql)
            .Permit(FunnelTrigger.Nurture, FunnelStage.Nurture)
            .Permit(FunnelTrigger.Disqualify, FunnelStage.Disqualified);
        var mqlStage = builder.Configure(FunnelStage.Mql)
            .Permit(FunnelTrigger.Accept, FunnelStage.Sal)
            .PermitBackward(FunnelTrigger.Reject, FunnelStage.Nurture)
            .Permit(FunnelTrigger.Disqualify, FunnelStage.Disqualified);
        if (options.MqlAcceptanceSla is { } mqlSla)
        {
            mqlStage.MaxTimeInStage(mqlSla);
        }

        builder.Configure(FunnelStage.Sal)
            .PermitIf(FunnelTrigger.Qualify, FunnelStage.Sql, sql)
            .Permit(FunnelTrigger.Nurture, FunnelStage.Nurture)
            .Permit(FunnelTrigger.Disqualify, FunnelStage.Disqualified);
        var sqlStage = builder.Configure(FunnelStage.Sql)
            .Permit(FunnelTrigger.Convert, FunnelStage.Opportunity)
            .Permit(FunnelTrigger.Nurture, FunnelStage.Nurture)
            .Permit(FunnelTrigger.Disqualify, FunnelStage.Disqualified);
        if (options.SqlConversionSla is { } sqlSla)
        {
            sqlStage.MaxTimeInStage(sqlSla);
        }

        builder.Configure(FunnelStage.Opportunity)
            .Permit(FunnelTrigger.Win, FunnelStage.Customer)
            .Permit(FunnelTrigger.Lose, FunnelStage.Lost);
        builder.Configure(FunnelStage.Nurture)
            .PermitIf(FunnelTrigger.Qualify, FunnelStage.Mql, mql)
            .PermitBackward(FunnelTrigger.Reopen, FunnelStage.Lead)
            .Permit(FunnelTrigger.Disqualify, FunnelStage.Disqualified);
        builder.Configure(FunnelStage.Customer).Terminal();
        builder.Configure(FunnelStage.Lost).Terminal().RecyclesInto(FunnelStage.Lead);
        builder.Configure(FunnelStage.Disqualified).Terminal();
        return builder;
    }
}
