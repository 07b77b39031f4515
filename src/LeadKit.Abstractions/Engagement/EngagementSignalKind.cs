using System.Diagnostics.CodeAnalysis;
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
/// Creating or parsing a value never registers its name: a name gets a dense process-wide <see cref="Ordinal"/>
/// only when trusted code registers it (the well-known values below, and a compiled model when it is built), so values
/// read from untrusted input consume no process-wide resource. Values are equal when their names are, registered or not.
/// The <c>default</c> value is unset and rejected by the domain model.
/// </para>
/// </remarks>
[JsonConverter(typeof(EngagementSignalKindJsonConverter))]
public readonly struct EngagementSignalKind : IVocabularyValue<EngagementSignalKind>
{
    // Must stay the first static member: the well-known values below are registered in it.
    private static readonly ValueInterner Names = new(ValueInterner.DefaultCapacity);

    private readonly VocabularyName? _name;

    /// <summary>Creates a value of this vocabulary (looks its name up; never registers it).</summary>
    /// <param name="value">A lower-case machine name such as <c>page_view</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid machine name; the message says which rule it breaks, not the text.</exception>
    public EngagementSignalKind(string value)
    {
        _name = Names.Find(Slug.Validate(value, nameof(value)));
    }

    private EngagementSignalKind(VocabularyName name) => _name = name;

    /// <summary>Gets a page view (<c>page_view</c>).</summary>
    public static EngagementSignalKind PageView { get; } = Known("page_view");

    /// <summary>Gets a website visit (session) (<c>website_visit</c>).</summary>
    public static EngagementSignalKind WebsiteVisit { get; } = Known("website_visit");

    /// <summary>Gets a view of the pricing page (<c>pricing_page_view</c>).</summary>
    public static EngagementSignalKind PricingPageView { get; } = Known("pricing_page_view");

    /// <summary>Gets an e-mail opened (<c>email_open</c>).</summary>
    public static EngagementSignalKind EmailOpen { get; } = Known("email_open");

    /// <summary>Gets a link clicked in an e-mail (<c>email_click</c>).</summary>
    public static EngagementSignalKind EmailClick { get; } = Known("email_click");

    /// <summary>Gets a form submitted (<c>form_submit</c>).</summary>
    public static EngagementSignalKind FormSubmit { get; } = Known("form_submit");

    /// <summary>Gets content downloaded (white paper, e-book, ...) (<c>content_download</c>).</summary>
    public static EngagementSignalKind ContentDownload { get; } = Known("content_download");

    /// <summary>Gets a webinar registration (<c>webinar_registered</c>).</summary>
    public static EngagementSignalKind WebinarRegistered { get; } = Known("webinar_registered");

    /// <summary>Gets a webinar attended (<c>webinar_attended</c>).</summary>
    public static EngagementSignalKind WebinarAttended { get; } = Known("webinar_attended");

    /// <summary>Gets an event, trade fair or lunch attended (<c>event_attended</c>).</summary>
    public static EngagementSignalKind EventAttended { get; } = Known("event_attended");

    /// <summary>Gets a demo requested (<c>demo_requested</c>).</summary>
    public static EngagementSignalKind DemoRequested { get; } = Known("demo_requested");

    /// <summary>Gets a product trial started (<c>trial_started</c>).</summary>
    public static EngagementSignalKind TrialStarted { get; } = Known("trial_started");

    /// <summary>Gets a price quote requested (<c>quote_requested</c>).</summary>
    public static EngagementSignalKind QuoteRequested { get; } = Known("quote_requested");

    /// <summary>Gets a live chat or chatbot conversation started (<c>chat_started</c>).</summary>
    public static EngagementSignalKind ChatStarted { get; } = Known("chat_started");

    /// <summary>Gets a social-media interaction (like, comment, share, message) (<c>social_interaction</c>).</summary>
    public static EngagementSignalKind SocialInteraction { get; } = Known("social_interaction");

    /// <summary>Gets a meeting held with sales (<c>meeting_held</c>).</summary>
    public static EngagementSignalKind MeetingHeld { get; } = Known("meeting_held");

    /// <summary>Gets a phone call held with sales (<c>call_held</c>).</summary>
    public static EngagementSignalKind CallHeld { get; } = Known("call_held");

    /// <summary>Gets an unsubscribe from marketing e-mail (<c>unsubscribed</c>).</summary>
    public static EngagementSignalKind Unsubscribed { get; } = Known("unsubscribed");

    /// <summary>Gets an e-mail that bounced (<c>email_bounced</c>).</summary>
    public static EngagementSignalKind EmailBounced { get; } = Known("email_bounced");

    /// <summary>Gets the machine name, or <see langword="null"/> for the default (unset) value.</summary>
    public string? Value => _name?.Name;

    /// <summary>
    /// Gets the dense process-wide ordinal of the name: 0 for the default value, -1 while the name is not registered.
    /// A value created before its name was registered reports the ordinal once it is. Stable within one process only:
    /// use it to index arrays in compiled models, never persist it.
    /// </summary>
    public int Ordinal => _name is { } name ? name.Ordinal : 0;

    /// <summary>Gets a value indicating whether the name has a process-wide ordinal.</summary>
    public bool IsRegistered => Ordinal > 0;

    /// <summary>Gets a value indicating whether this is the default (unset) value.</summary>
    public bool IsDefault => _name is null;

    /// <summary>Compares two values for equality (by name).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are the same value.</returns>
    public static bool operator ==(EngagementSignalKind left, EngagementSignalKind right) => VocabularyName.AreEqual(left._name, right._name);

    /// <summary>Compares two values for inequality (by name).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(EngagementSignalKind left, EngagementSignalKind right) => !VocabularyName.AreEqual(left._name, right._name);

    /// <summary>Parses a machine name without throwing and without registering it.</summary>
    /// <param name="text">The text to parse; may be <see langword="null"/>.</param>
    /// <param name="value">The value, or <c>default</c> when <paramref name="text"/> is not a machine name.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a machine name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out EngagementSignalKind value)
    {
        value = Slug.IsValid(text) ? new(Names.Find(text)) : default;
        return !value.IsDefault;
    }

    /// <inheritdoc />
    public static EngagementSignalKind Register(EngagementSignalKind value)
    {
        if (value._name is not { } name)
        {
            throw new ArgumentException("must not be the default (unset) value.", nameof(value));
        }

        return name.Ordinal > 0 ? value : Names.Register(name.Name) is { } registered ? new(registered) : value;
    }

    /// <inheritdoc />
    public bool Equals(EngagementSignalKind other) => VocabularyName.AreEqual(_name, other._name);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EngagementSignalKind other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _name?.Hash ?? 0;

    /// <summary>Returns the machine name.</summary>
    /// <returns>The machine name, or an empty string when unset.</returns>
    public override string ToString() => Value ?? string.Empty;

    // The well-known values: registered, so they always have an ordinal (the registry's capacity far exceeds them).
    private static EngagementSignalKind Known(string name) => new(Names.Register(name)!);
}

/// <summary>JSON converter for <see cref="EngagementSignalKind"/>.</summary>
internal sealed class EngagementSignalKindJsonConverter : StringValueJsonConverter<EngagementSignalKind>
{
    protected override EngagementSignalKind Create(string text) => new(text);

    protected override string? GetText(EngagementSignalKind value) => value.Value;

    protected override int? MaximumLength => Slug.MaximumLength;

    // Says which rule the text breaks without repeating it; a valid name is then only looked up, never registered.
    protected override string? Check(string text) => Slug.Check(text);
}
