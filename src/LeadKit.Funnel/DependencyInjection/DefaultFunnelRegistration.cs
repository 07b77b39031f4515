namespace LeadKit.Funnel.DependencyInjection;

/// <summary>Marks that <c>AddLeadKitFunnel</c> registered the default definition (the application did not register its own).</summary>
internal sealed class DefaultFunnelRegistration;
