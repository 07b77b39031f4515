using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Engagement;

/// <summary>What a lead did: a page view, an e-mail click, a demo request, an unsubscribe, ...</summary>
/// <remarks>
/// <para>Scoring rules count signals by kind; negative kinds such as unsubscribes and bounces usually cost points.</para>
/// <para>
/// An open vocabulary: any lower-case machine name (1 to 64 characters of <c>a-z</c>, <c>0-9</c>, <c>_</c>,
/// <c>-</c>, <c>.</c>) is a valid value, so applications add their own without a new LeadKit release.
/// Each distinct value gets a process-wide <see cref="Ordinal"/>, so equality is an integer comparison and
/// compiled models can index arrays by it. The value holds only its ordinal (4 bytes), which keeps signals small;
/// <see cref="Value"/> reads the text from a process-wide table without locking.
/// The <c>default</c> value is unset and rejected by the domain model.
/// </para>
/// </remarks>
[JsonConverter(typeof(EngagementSignalKindJsonConverter))]
public readonly struct EngagementSignalKind : IEquatable<EngagementSignalKind>
{
    // Must stay the first static member: the well-known values below are interned through it.
    private static readonly ValueInterner Interner = new("signal kind", 65_536);

    /// <summary>Creates or looks up a value of this vocabulary.</summary>
    /// <param name="value">A lower-case machine name such as <c>page_view</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid machine name.</exception>
    /// <exception cref="InvalidOperationException">More than 65,536 distinct values were created in this process.</exception>
    public EngagementSignalKind(string value)
    {
        Ordinal = Interner.Intern(Slug.Validate(value, nameof(value))).Ordinal;
    }

    /// <summary>Gets a page view (<c>page_view</c>).</summary>
    public static EngagementSignalKind PageView { get; } = new("page_view");

    /// <summary>Gets a website visit (session) (<c>website_visit</c>).</summary>
    public static EngagementSignalKind WebsiteVisit { get; } = new("website_visit");

    /// <summary>Gets a view of the pricing page (<c>pricing_page_view</c>).</summary>
    public static EngagementSignalKind PricingPageView { get; } = new("pricing_page_view");

    /// <summary>Gets an e-mail opened (<c>email_open</c>).</summary>
    public static EngagementSignalKind EmailOpen { get; } = new("email_open");

    /// <summary>Gets a link clicked in an e-mail (<c>email_click</c>).</summary>
    public static EngagementSignalKind EmailClick { get; } = new("email_click");

    /// <summary>Gets a form submitted (<c>form_submit</c>).</summary>
    public static EngagementSignalKind FormSubmit { get; } = new("form_submit");

    /// <summary>Gets content downloaded (white paper, e-book, ...) (<c>content_download</c>).</summary>
    public static EngagementSignalKind ContentDownload { get; } = new("content_download");

    /// <summary>Gets a webinar registration (<c>webinar_registered</c>).</summary>
    public static EngagementSignalKind WebinarRegistered { get; } = new("webinar_registered");

    /// <summary>Gets a webinar attended (<c>webinar_attended</c>).</summary>
    public static EngagementSignalKind WebinarAttended { get; } = new("webinar_attended");

    /// <summary>Gets an event, trade fair or lunch attended (<c>event_attended</c>).</summary>
    public static EngagementSignalKind EventAttended { get; } = new("event_attended");

    /// <summary>Gets a demo requested (<c>demo_requested</c>).</summary>
    public static EngagementSignalKind DemoRequested { get; } = new("demo_requested");

    /// <summary>Gets a product trial started (<c>trial_started</c>).</summary>
    public static EngagementSignalKind TrialStarted { get; } = new("trial_started");

    /// <summary>Gets a price quote requested (<c>quote_requested</c>).</summary>
    public static EngagementSignalKind QuoteRequested { get; } = new("quote_requested");

    /// <summary>Gets a live chat or chatbot conversation started (<c>chat_started</c>).</summary>
    public static EngagementSignalKind ChatStarted { get; } = new("chat_started");

    /// <summary>Gets a social-media interaction (like, comment, share, message) (<c>social_interaction</c>).</summary>
    public static EngagementSignalKind SocialInteraction { get; } = new("social_interaction");

    /// <summary>Gets a meeting held with sales (<c>meeting_held</c>).</summary>
    public static EngagementSignalKind MeetingHeld { get; } = new("meeting_held");

    /// <summary>Gets a phone call held with sales (<c>call_held</c>).</summary>
    public static EngagementSignalKind CallHeld { get; } = new("call_held");

    /// <summary>Gets an unsubscribe from marketing e-mail (<c>unsubscribed</c>).</summary>
    public static EngagementSignalKind Unsubscribed { get; } = new("unsubscribed");

    /// <summary>Gets an e-mail that bounced (<c>email_bounced</c>).</summary>
    public static EngagementSignalKind EmailBounced { get; } = new("email_bounced");

    /// <summary>Gets the machine name, or <see langword="null"/> for the default (unset) value.</summary>
    public string? Value => Ordinal == 0 ? null : Interner.ValueOf(Ordinal);

    /// <summary>
    /// Gets the process-wide ordinal of this value (0 for the default value). Stable within one process only:
    /// use it to index arrays in compiled models, never persist it.
    /// </summary>
    public int Ordinal { get; }

    /// <summary>Gets a value indicating whether this is the default (unset) value.</summary>
    public bool IsDefault => Ordinal == 0;

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are the same value.</returns>
    public static bool operator ==(EngagementSignalKind left, EngagementSignalKind right) => left.Ordinal == right.Ordinal;

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(EngagementSignalKind left, EngagementSignalKind right) => left.Ordinal != right.Ordinal;

    /// <inheritdoc />
    public bool Equals(EngagementSignalKind other) => Ordinal == other.Ordinal;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EngagementSignalKind other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Ordinal;

    /// <summary>Returns the machine name.</summary>
    /// <returns>The machine name, or an empty string when unset.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>JSON converter for <see cref="EngagementSignalKind"/>.</summary>
internal sealed class EngagementSignalKindJsonConverter : StringValueJsonConverter<EngagementSignalKind>
{
    protected override EngagementSignalKind Create(string text) => new(text);

    protected override string? GetText(EngagementSignalKind value) => value.Value;
}
