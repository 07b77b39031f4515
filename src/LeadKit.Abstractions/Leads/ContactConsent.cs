namespace LeadKit.Abstractions.Leads;

/// <summary>What the lead allows: marketing consent and do-not-contact flags.</summary>
/// <param name="MarketingConsent">The lead agreed to receive marketing communication.</param>
/// <param name="DoNotContact">The lead must not be contacted at all (overrides everything else).</param>
/// <param name="DoNotEmail">The lead must not be e-mailed.</param>
/// <param name="DoNotCall">The lead must not be called.</param>
public readonly record struct ContactConsent(bool MarketingConsent, bool DoNotContact, bool DoNotEmail, bool DoNotCall);
