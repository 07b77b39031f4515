using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Sources;

/// <summary>The channel a lead came from (referral, webinar, purchased list, LinkedIn, recycled opportunity, ...).</summary>
/// <remarks>
/// <para>The well-known values name the channels sales teams use; referrals from existing customers and recycled lost opportunities are usually the best sources, purchased lists the weakest.</para>
/// <para>
/// An open vocabulary: any lower-case machine name (1 to 64 characters of <c>a-z</c>, <c>0-9</c>, <c>_</c>,
/// <c>-</c>, <c>.</c>) is a valid value, so applications add their own without a new LeadKit release.
/// Creating or parsing a value never registers its name: a name gets a dense process-wide <see cref="Ordinal"/>
/// only when trusted code registers it (the well-known values below, and a compiled model when it is built), so values
/// read from untrusted input consume no process-wide resource. Values are equal when their names are, registered or not.
/// The <c>default</c> value is unset and rejected by the domain model.
/// </para>
/// </remarks>
[JsonConverter(typeof(LeadSourceJsonConverter))]
public readonly struct LeadSource : IVocabularyValue<LeadSource>
{
    // Must stay the first static member: the well-known values below are registered in it.
    private static readonly ValueInterner Names = new(ValueInterner.DefaultCapacity);

    private readonly VocabularyName? _name;

    /// <summary>Creates a value of this vocabulary (looks its name up; never registers it).</summary>
    /// <param name="value">A lower-case machine name such as <c>referral</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid machine name; the message says which rule it breaks, not the text.</exception>
    public LeadSource(string value)
    {
        _name = Names.Find(Slug.Validate(value, nameof(value)));
    }

    private LeadSource(VocabularyName name) => _name = name;

    /// <summary>Gets a referral, typically from an existing customer (<c>referral</c>).</summary>
    public static LeadSource Referral { get; } = Known("referral");

    /// <summary>Gets a direct response to advertising (<c>advertising_response</c>).</summary>
    public static LeadSource AdvertisingResponse { get; } = Known("advertising_response");

    /// <summary>Gets a purchased contact list (<c>purchased_list</c>).</summary>
    public static LeadSource PurchasedList { get; } = Known("purchased_list");

    /// <summary>Gets an e-mail campaign (<c>email_campaign</c>).</summary>
    public static LeadSource EmailCampaign { get; } = Known("email_campaign");

    /// <summary>Gets a webinar (<c>webinar</c>).</summary>
    public static LeadSource Webinar { get; } = Known("webinar");

    /// <summary>Gets a trade fair or exhibition (<c>trade_fair</c>).</summary>
    public static LeadSource TradeFair { get; } = Known("trade_fair");

    /// <summary>Gets a sponsored event (<c>sponsored_event</c>).</summary>
    public static LeadSource SponsoredEvent { get; } = Known("sponsored_event");

    /// <summary>Gets a peer meeting or business lunch (<c>peer_event</c>).</summary>
    public static LeadSource PeerEvent { get; } = Known("peer_event");

    /// <summary>Gets inbound content: a blog post (<c>blog</c>).</summary>
    public static LeadSource Blog { get; } = Known("blog");

    /// <summary>Gets inbound content: an infographic or image (<c>infographic</c>).</summary>
    public static LeadSource Infographic { get; } = Known("infographic");

    /// <summary>Gets inbound content: a video (<c>video</c>).</summary>
    public static LeadSource Video { get; } = Known("video");

    /// <summary>Gets social media other than LinkedIn (<c>social_media</c>).</summary>
    public static LeadSource SocialMedia { get; } = Known("social_media");

    /// <summary>Gets LinkedIn (<c>linkedin</c>).</summary>
    public static LeadSource LinkedIn { get; } = Known("linkedin");

    /// <summary>Gets networking, e.g. a chamber of commerce (<c>networking</c>).</summary>
    public static LeadSource Networking { get; } = Known("networking");

    /// <summary>Gets local advertising (<c>local_advertising</c>).</summary>
    public static LeadSource LocalAdvertising { get; } = Known("local_advertising");

    /// <summary>Gets a website live chat with a person (<c>live_chat</c>).</summary>
    public static LeadSource LiveChat { get; } = Known("live_chat");

    /// <summary>Gets a website chatbot (<c>chatbot</c>).</summary>
    public static LeadSource Chatbot { get; } = Known("chatbot");

    /// <summary>Gets a form on the website (<c>website_form</c>).</summary>
    public static LeadSource WebsiteForm { get; } = Known("website_form");

    /// <summary>Gets organic search (<c>organic_search</c>).</summary>
    public static LeadSource OrganicSearch { get; } = Known("organic_search");

    /// <summary>Gets paid search (<c>paid_search</c>).</summary>
    public static LeadSource PaidSearch { get; } = Known("paid_search");

    /// <summary>Gets a lost or closed opportunity recycled into a new lead (<c>recycled_opportunity</c>).</summary>
    public static LeadSource RecycledOpportunity { get; } = Known("recycled_opportunity");

    /// <summary>Gets any other source (<c>other</c>).</summary>
    public static LeadSource Other { get; } = Known("other");

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
    public static bool operator ==(LeadSource left, LeadSource right) => VocabularyName.AreEqual(left._name, right._name);

    /// <summary>Compares two values for inequality (by name).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(LeadSource left, LeadSource right) => !VocabularyName.AreEqual(left._name, right._name);

    /// <summary>Parses a machine name without throwing and without registering it.</summary>
    /// <param name="text">The text to parse; may be <see langword="null"/>.</param>
    /// <param name="value">The value, or <c>default</c> when <paramref name="text"/> is not a machine name.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a machine name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out LeadSource value)
    {
        value = Slug.IsValid(text) ? new(Names.Find(text)) : default;
        return !value.IsDefault;
    }

    /// <inheritdoc />
    public static LeadSource Register(LeadSource value)
    {
        if (value._name is not { } name)
        {
            throw new ArgumentException("must not be the default (unset) value.", nameof(value));
        }

        return name.Ordinal > 0 ? value : Names.Register(name.Name) is { } registered ? new(registered) : value;
    }

    /// <inheritdoc />
    public bool Equals(LeadSource other) => VocabularyName.AreEqual(_name, other._name);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LeadSource other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _name?.Hash ?? 0;

    /// <summary>Returns the machine name.</summary>
    /// <returns>The machine name, or an empty string when unset.</returns>
    public override string ToString() => Value ?? string.Empty;

    // The well-known values: registered, so they always have an ordinal (the registry's capacity far exceeds them).
    private static LeadSource Known(string name) => new(Names.Register(name)!);
}

/// <summary>JSON converter for <see cref="LeadSource"/>.</summary>
internal sealed class LeadSourceJsonConverter : StringValueJsonConverter<LeadSource>
{
    protected override LeadSource Create(string text) => new(text);

    protected override string? GetText(LeadSource value) => value.Value;

    protected override int? MaximumLength => Slug.MaximumLength;

    // Says which rule the text breaks without repeating it; a valid name is then only looked up, never registered.
    protected override string? Check(string text) => Slug.Check(text);
}
