namespace LeadKit.Routing;

/// <summary>One problem in a routing plan: where (a JSON path such as <c>$.steps[1].rules[3].team</c>) and what.</summary>
/// <param name="Path">The JSON path of the problem; code-built plans use the same paths as the JSON format.</param>
/// <param name="Message">What is wrong and what the format expects; built-in messages never quote a value (ids are often e-mail addresses).</param>
public readonly record struct RoutingPlanError(string Path, string Message)
{
    /// <summary>Returns <c>path: message</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Path}: {Message}";
}
