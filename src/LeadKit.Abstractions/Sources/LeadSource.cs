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
/// Each distinct value gets a process-wide <see cref="Ordinal"/>, so equality is an integer comparison and
/// compiled models can index arrays by it. The <c>default</c> value is unset and rejected by the domain model.
/// </para>
/// </remarks>
[JsonConverter(typeof(LeadSourceJsonConverter))]
public readonly struct LeadSource : IEquatable<LeadSource>
{
    // Must stay the first static member: the well-known values below are interned through it.
    private static readonly ValueInterner Interner = new("lead source", 65_536);

    /// <summary>Creates or looks up a value of this vocabulary.</summary>
    /// <param name="value">A lower-case machine name such as <c>referral</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid machine name.</exception>
    /// <exception cref="InvalidOperationException">More than 65,536 distinct values were created in this process.</exception>
    public LeadSource(string value)
    {
        (Value, Ordinal) = Interner.Intern(Slug.Validate(value, nameof(value)));
    }

    /// <summary>Gets a referral, typically from an existing customer (<c>referral</c>).</summary>
    public static LeadSource Referral { get; } = new("referral");

    /// <summary>Gets a direct response to advertising (<c>advertising_response</c>).</summary>
    public static LeadSource AdvertisingResponse { get; } = new("advertising_response");

    /// <summary>Gets a purchased contact list (<c>purchased_list</c>).</summary>
    public static LeadSource PurchasedList { get; } = new("purchased_list");

    /// <summary>Gets an e-mail campaign (<c>email_campaign</c>).</summary>
    public static LeadSource EmailCampaign { get; } = new("email_campaign");

    /// <summary>Gets a webinar (<c>webinar</c>).</summary>
    public static LeadSource Webinar { get; } = new("webinar");

    /// <summary>Gets a trade fair or exhibition (<c>trade_fair</c>).</summary>
    public static LeadSource TradeFair { get; } = new("trade_fair");

    /// <summary>Gets a sponsored event (<c>sponsored_event</c>).</summary>
    public static LeadSource SponsoredEvent { get; } = new("sponsored_event");

    /// <summary>Gets a peer meeting or business lunch (<c>peer_event</c>).</summary>
    public static LeadSource PeerEvent { get; } = new("peer_event");

    /// <summary>Gets inbound content: a blog post (<c>blog</c>).</summary>
    public static LeadSource Blog { get; } = new("blog");

    /// <summary>Gets inbound content: an infographic or image (<c>infographic</c>).</summary>
    public static LeadSource Infographic { get; } = new("infographic");

    /// <summary>Gets inbound content: a video (<c>video</c>).</summary>
    public static LeadSource Video { get; } = new("video");

    /// <summary>Gets social media other than LinkedIn (<c>social_media</c>).</summary>
    public static LeadSource SocialMedia { get; } = new("social_media");

    /// <summary>Gets LinkedIn (<c>linkedin</c>).</summary>
    public static LeadSource LinkedIn { get; } = new("linkedin");

    /// <summary>Gets networking, e.g. a chamber of commerce (<c>networking</c>).</summary>
    public static LeadSource Networking { get; } = new("networking");

    /// <summary>Gets local advertising (<c>local_advertising</c>).</summary>
    public static LeadSource LocalAdvertising { get; } = new("local_advertising");

    /// <summary>Gets a website live chat with a person (<c>live_chat</c>).</summary>
    public static LeadSource LiveChat { get; } = new("live_chat");

    /// <summary>Gets a website chatbot (<c>chatbot</c>).</summary>
    public static LeadSource Chatbot { get; } = new("chatbot");

    /// <summary>Gets a form on the website (<c>website_form</c>).</summary>
    public static LeadSource WebsiteForm { get; } = new("website_form");

    /// <summary>Gets organic search (<c>organic_search</c>).</summary>
    public static LeadSource OrganicSearch { get; } = new("organic_search");

    /// <summary>Gets paid search (<c>paid_search</c>).</summary>
    public static LeadSource PaidSearch { get; } = new("paid_search");

    /// <summary>Gets a lost or closed opportunity recycled into a new lead (<c>recycled_opportunity</c>).</summary>
    public static LeadSource RecycledOpportunity { get; } = new("recycled_opportunity");

    /// <summary>Gets any other source (<c>other</c>).</summary>
    public static LeadSource Other { get; } = new("other");

    /// <summary>Gets the machine name, or <see langword="null"/> for the default (unset) value.</summary>
    public string? Value { get; }

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
    public static bool operator ==(LeadSource left, LeadSource right) => left.Ordinal == right.Ordinal;

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(LeadSource left, LeadSource right) => left.Ordinal != right.Ordinal;

    /// <inheritdoc />
    public bool Equals(LeadSource other) => Ordinal == other.Ordinal;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LeadSource other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Ordinal;

    /// <summary>Returns the machine name.</summary>
    /// <returns>The machine name, or an empty string when unset.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>JSON converter for <see cref="LeadSource"/>.</summary>
internal sealed class LeadSourceJsonConverter : StringValueJsonConverter<LeadSource>
{
    protected override LeadSource Create(string text) => new(text);

    protected override string? GetText(LeadSource value) => value.Value;
}
