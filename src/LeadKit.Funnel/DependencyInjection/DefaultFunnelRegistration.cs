namespace LeadKit.Funnel.DependencyInjection;

/// <summary>
/// Marks, keyed by the funnel's name, that <c>AddLeadKitFunnel</c> registered the default definition (the application did
/// not register its own), so start-up checks that the scoring model it asks is registered.
/// </summary>
internal sealed class DefaultFunnelRegistration;
