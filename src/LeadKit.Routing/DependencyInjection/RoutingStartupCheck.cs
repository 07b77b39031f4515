namespace LeadKit.Routing.DependencyInjection;

/// <summary>A marker validated on start: every registered routing must have built a plan from its options.</summary>
internal sealed class RoutingStartupCheck;
