namespace LeadKit.Abstractions.Configuration;

/// <summary>
/// One problem found while validating any LeadKit configuration: a JSON document (rule set, routing plan, funnel
/// definition, ...), a builder or an options class. Every LeadKit package reports problems with this one type.
/// </summary>
/// <remarks>
/// The message never contains a value from the input (a value can be personal data or attacker-controlled text);
/// it names the rule the value broke. The path says where: <c>$.rules[3].points</c> for a JSON document,
/// <c>rules[3].points</c> for a builder, <c>ScoringModelOptions.Name</c> for options.
/// </remarks>
public sealed class ConfigurationProblem : IEquatable<ConfigurationProblem>
{
    /// <summary>Creates a problem.</summary>
    /// <param name="path">Where the problem is; not blank.</param>
    /// <param name="code">The stable machine-readable code, e.g. <see cref="ConfigurationProblemCodes.DuplicateKey"/>; not blank.</param>
    /// <param name="message">What is wrong, in words, without any input value; not blank.</param>
    /// <exception cref="ArgumentException">An argument is null, empty or white space.</exception>
    public ConfigurationProblem(string path, string code, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Path = path;
        Code = code;
        Message = message;
    }

    /// <summary>Gets where the problem is, e.g. <c>$.rules[3].points</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the stable code (see <see cref="ConfigurationProblemCodes"/>); codes never change meaning once published.</summary>
    public string Code { get; }

    /// <summary>Gets what is wrong, e.g. <c>must be a finite number</c>. Never contains input values.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public bool Equals(ConfigurationProblem? other)
        => other is not null && Path == other.Path && Code == other.Code && Message == other.Message;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ConfigurationProblem);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Path, Code, Message);

    /// <summary>Returns <c>"path: message [code]"</c>.</summary>
    /// <returns>The problem as one line.</returns>
    public override string ToString() => Path + ": " + Message + " [" + Code + "]";
}
