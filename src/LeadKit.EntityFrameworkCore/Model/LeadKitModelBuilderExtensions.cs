using LeadKit.EntityFrameworkCore.Model;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Adds LeadKit's entity types to the application's own <see cref="DbContext"/> model (as ASP.NET Core Identity and
/// OpenIddict do), so migrations create LeadKit's tables with the application's and one transaction can cover both.
/// </summary>
public static class LeadKitModelBuilderExtensions
{
    // IdentifierText.MaximumLength and Slug.MaximumLength in LeadKit.Abstractions: the longest lead or rep id and stage or trigger name.
    internal const int IdLength = 128;
    internal const int NameLength = 64;

    // The outbox's last_error: an exception type's full name, cut to this length.
    internal const int ErrorLength = 256;

    /// <summary>
    /// Adds LeadKit's tables: <c>funnel_leads</c> (each lead's current stage and version, indexed on stage, entry instant and
    /// lead for the stage queries), <c>funnel_history</c> (one row per stage change, keyed by lead and version),
    /// <c>routing_ledger</c>, <c>routing_reps</c>, <c>routing_pools</c>, <c>routing_pool_counts</c> and <c>outbox</c> (one event
    /// per committed stage change, delivered by <c>LeadKitOutboxDispatcher</c>), each name after
    /// <see cref="LeadKitModelOptions.TablePrefix"/>. Call it from <c>OnModelCreating</c>; the mapping uses only relational
    /// features every provider has (strings, 64-bit integers, no provider types), so one model serves SQLite and PostgreSQL.
    /// </summary>
    /// <param name="modelBuilder">The application's model builder.</param>
    /// <param name="configure">Sets the schema or the table prefix; <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="modelBuilder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is null.</exception>
    /// <exception cref="ArgumentException">The configured table prefix is null.</exception>
    public static ModelBuilder AddLeadKit(this ModelBuilder modelBuilder, Action<LeadKitModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var options = new LeadKitModelOptions();
        configure?.Invoke(options);
        if (options.TablePrefix is null)
        {
            throw new ArgumentException("LeadKitModelOptions.TablePrefix must not be null (use an empty string for no prefix).", nameof(configure));
        }

        var prefix = options.TablePrefix;
        var schema = options.Schema;

        modelBuilder.Entity<FunnelLeadRow>(lead =>
        {
            lead.ToTable(prefix + "funnel_leads", schema);
            lead.HasKey(r => r.LeadId);
            lead.Property(r => r.LeadId).HasColumnName("lead_id").HasMaxLength(IdLength);
            lead.Property(r => r.InitialStage).HasColumnName("initial_stage").HasMaxLength(NameLength);
            lead.Property(r => r.StartedAtUtcTicks).HasColumnName("started_at_utc_ticks");
            lead.Property(r => r.StartedAtOffsetMinutes).HasColumnName("started_at_offset_minutes");
            lead.Property(r => r.Stage).HasColumnName("stage").HasMaxLength(NameLength);
            lead.Property(r => r.Version).HasColumnName("version");
            lead.Property(r => r.EnteredAtUtcTicks).HasColumnName("entered_at_utc_ticks");
            lead.Property(r => r.EnteredAtOffsetMinutes).HasColumnName("entered_at_offset_minutes");

            // Serves QueryInStageAsync: WHERE stage = @s AND entered < @before AND (entered, lead) > @after ORDER BY entered, lead.
            lead.HasIndex(r => new { r.Stage, r.EnteredAtUtcTicks, r.LeadId }).HasDatabaseName("ix_" + prefix + "funnel_leads_stage_entered_lead");
        });

        modelBuilder.Entity<FunnelHistoryRow>(history =>
        {
            history.ToTable(prefix + "funnel_history", schema);

            // The key is UNIQUE(lead, version): the last line of defence against two commits of one version.
            history.HasKey(r => new { r.LeadId, r.Version });
            history.Property(r => r.LeadId).HasColumnName("lead_id").HasMaxLength(IdLength);
            history.Property(r => r.Version).HasColumnName("version");
            history.Property(r => r.FromStage).HasColumnName("from_stage").HasMaxLength(NameLength);
            history.Property(r => r.ToStage).HasColumnName("to_stage").HasMaxLength(NameLength);
            history.Property(r => r.Trigger).HasColumnName("trigger").HasMaxLength(NameLength);
            history.Property(r => r.OccurredAtUtcTicks).HasColumnName("occurred_at_utc_ticks");
            history.Property(r => r.OccurredAtOffsetMinutes).HasColumnName("occurred_at_offset_minutes");
            history.Property(r => r.Actor).HasColumnName("actor");
            history.Property(r => r.Reason).HasColumnName("reason");
            history.Property(r => r.IsOverride).HasColumnName("is_override");
        });

        modelBuilder.Entity<RoutingLedgerRow>(ledger =>
        {
            ledger.ToTable(prefix + "routing_ledger", schema);
            ledger.HasKey(r => r.Id);
            ledger.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            ledger.Property(r => r.Version).HasColumnName("version");
        });

        modelBuilder.Entity<RoutingRepRow>(rep =>
        {
            rep.ToTable(prefix + "routing_reps", schema);
            rep.HasKey(r => r.RepId);
            rep.Property(r => r.RepId).HasColumnName("rep_id").HasMaxLength(IdLength);
            rep.Property(r => r.Assigned).HasColumnName("assigned");
            rep.Property(r => r.Open).HasColumnName("open");
            rep.Property(r => r.PeriodStartDayNumber).HasColumnName("period_start_day_number");
            rep.Property(r => r.AssignedInPeriod).HasColumnName("assigned_in_period");
        });

        modelBuilder.Entity<RoutingPoolRow>(pool =>
        {
            pool.ToTable(prefix + "routing_pools", schema);
            pool.HasKey(r => r.Name);
            pool.Property(r => r.Name).HasColumnName("name");
            pool.Property(r => r.LastRep).HasColumnName("last_rep").HasMaxLength(IdLength);
            pool.Property(r => r.Assignments).HasColumnName("assignments");
        });

        modelBuilder.Entity<RoutingPoolCountRow>(count =>
        {
            count.ToTable(prefix + "routing_pool_counts", schema);
            count.HasKey(r => new { r.PoolName, r.RepId });
            count.Property(r => r.PoolName).HasColumnName("pool_name");
            count.Property(r => r.RepId).HasColumnName("rep_id").HasMaxLength(IdLength);
            count.Property(r => r.Count).HasColumnName("count");
        });

        modelBuilder.Entity<OutboxEventRow>(outbox =>
        {
            outbox.ToTable(prefix + "outbox", schema);
            outbox.HasKey(r => r.Id);
            outbox.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            outbox.Property(r => r.LeadId).HasColumnName("lead_id").HasMaxLength(IdLength);
            outbox.Property(r => r.Sequence).HasColumnName("sequence");
            outbox.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(NameLength);
            outbox.Property(r => r.Payload).HasColumnName("payload");
            outbox.Property(r => r.CreatedAtUtcTicks).HasColumnName("created_at_utc_ticks");
            outbox.Property(r => r.Attempts).HasColumnName("attempts");
            outbox.Property(r => r.NextAttemptAtUtcTicks).HasColumnName("next_attempt_at_utc_ticks");
            outbox.Property(r => r.ClaimedUntilUtcTicks).HasColumnName("claimed_until_utc_ticks");
            outbox.Property(r => r.DeliveredAtUtcTicks).HasColumnName("delivered_at_utc_ticks");
            outbox.Property(r => r.LastError).HasColumnName("last_error").HasMaxLength(ErrorLength);

            // A change is reported once; the index also serves the dispatcher's "no earlier pending event of this lead" check.
            outbox.HasIndex(r => new { r.LeadId, r.Kind, r.Sequence }).IsUnique().HasDatabaseName("ux_" + prefix + "outbox_lead_kind_sequence");

            // Serves the dispatcher's poll: WHERE delivered_at IS NULL AND next_attempt_at <= @now.
            outbox.HasIndex(r => new { r.DeliveredAtUtcTicks, r.NextAttemptAtUtcTicks }).HasDatabaseName("ix_" + prefix + "outbox_pending");
        });

        return modelBuilder;
    }
}
