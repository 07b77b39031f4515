using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.RuleSets.Documents;
using LeadKit.Scoring.Temperatures;

namespace LeadKit.Scoring.RuleSets;

/// <summary>
/// A validated declarative scoring model read from JSON (format: <c>docs/scoring-rules.md</c>, schema:
/// <c>docs/schemas/scoring-rules.schema.json</c>). Data only — a closed set of rule types, fields and operators; no
/// expressions, no reflection, no regular expressions. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// A document is rejected as a whole with every problem and its JSON path
/// (<c>$.rules[3].points: must be a finite number</c>); a rejected document changes nothing.
/// Structural errors (invalid JSON, text that is not valid UTF-8 or holds an unpaired surrogate, a wrong JSON type, a
/// key given twice, an unknown property) stop reading at the first one; all semantic problems are then reported together.
/// The <c>Try</c> methods never throw for any input; <c>Parse</c> throws only <see cref="ScoringConfigurationException"/>.
/// </remarks>
public sealed class ScoringRuleSet
{
    /// <summary>The largest document accepted, in UTF-8 bytes (1 MiB).</summary>
    public const int MaximumDocumentBytes = 1 << 20;

    /// <summary>The most rules a document may hold.</summary>
    public const int MaximumRules = 1000;

    /// <summary>The deepest JSON nesting accepted (conditions are also limited to <c>AttributeCondition.MaximumDepth</c> levels).</summary>
    public const int MaximumJsonDepth = 32;

    private readonly RuleSetDocument _document;

    private ScoringRuleSet(RuleSetDocument document, ScoringModel model, RuleSetThresholds thresholds)
    {
        _document = document;
        Model = model;
        Thresholds = thresholds;
    }

    /// <summary>Gets the model compiled from the document (with <see cref="TimeProvider.System"/> unless one was given).</summary>
    public ScoringModel Model { get; }

    /// <summary>Gets the rule set's name.</summary>
    public string Name => Model.Name;

    /// <summary>Gets the qualification and temperature thresholds of the document's <c>thresholds</c> object (<see cref="RuleSetThresholds.None"/> when it has none).</summary>
    public RuleSetThresholds Thresholds { get; }

    /// <summary>Parses and validates a rule set; the model uses <see cref="TimeProvider.System"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ScoringConfigurationException">The document is invalid; lists every problem with its JSON path.</exception>
    public static ScoringRuleSet Parse(string json) => Parse(json, null);

    /// <summary>Parses and validates a rule set.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="timeProvider">The clock of the compiled model; defaults to <see cref="TimeProvider.System"/>.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ScoringConfigurationException">The document is invalid; lists every problem with its JSON path.</exception>
    public static ScoringRuleSet Parse(string json, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryParse(json, timeProvider, out var ruleSet, out var problems) ? ruleSet! : throw new ScoringConfigurationException(problems);
    }

    /// <summary>Parses and validates a rule set from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The JSON as UTF-8; a leading UTF-8 byte order mark is ignored.</param>
    /// <param name="timeProvider">The clock of the compiled model; defaults to <see cref="TimeProvider.System"/>.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ScoringConfigurationException">The document is invalid; lists every problem with its JSON path.</exception>
    public static ScoringRuleSet Parse(ReadOnlySpan<byte> utf8Json, TimeProvider? timeProvider)
        => TryParse(utf8Json, timeProvider, out var ruleSet, out var problems) ? ruleSet! : throw new ScoringConfigurationException(problems);

    /// <summary>Parses and validates a rule set without throwing.</summary>
    /// <param name="json">The JSON text; a leading byte order mark (U+FEFF) is ignored.</param>
    /// <param name="timeProvider">The clock of the compiled model.</param>
    /// <param name="ruleSet">The rule set when valid.</param>
    /// <param name="problems">Every problem found; empty when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    /// <remarks>Never throws for any text: an unpaired surrogate is reported with its path, not replaced.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string json, TimeProvider? timeProvider, out ScoringRuleSet? ruleSet, out ImmutableArray<ScoringProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(json);

        // Every UTF-16 unit is at least one UTF-8 byte, so a longer text cannot fit.
        if (json.Length > MaximumDocumentBytes)
        {
            ruleSet = null;
            problems = [TooLarge(json.Length)];
            return false;
        }

        return TryParse(RuleSetText.ToUtf8(json), timeProvider, out ruleSet, out problems);
    }

    /// <summary>Parses and validates a rule set from UTF-8 bytes without throwing.</summary>
    /// <param name="utf8Json">The JSON as UTF-8; a leading UTF-8 byte order mark is ignored.</param>
    /// <param name="timeProvider">The clock of the compiled model.</param>
    /// <param name="ruleSet">The rule set when valid.</param>
    /// <param name="problems">Every problem found; empty when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    /// <remarks>Never throws for any bytes: invalid UTF-8 and unpaired surrogate escapes are reported with their path.</remarks>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, TimeProvider? timeProvider, out ScoringRuleSet? ruleSet, out ImmutableArray<ScoringProblem> problems)
    {
        ruleSet = null;
        utf8Json = RuleSetText.WithoutByteOrderMark(utf8Json);
        if (utf8Json.Length > MaximumDocumentBytes)
        {
            problems = [TooLarge(utf8Json.Length)];
            return false;
        }

        if (RuleSetText.FindProblem(utf8Json) is { } textProblem)
        {
            problems = [textProblem];
            return false;
        }

        RuleSetDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, RuleSetJsonContext.Default.RuleSetDocument);
        }
        catch (JsonException ex)
        {
            problems = [new ScoringProblem(RuleSetText.SafePath(ex.Path), RuleSetText.Describe(ex))];
            return false;
        }

        if (document is null)
        {
            problems = [new ScoringProblem("$", "must be a JSON object")];
            return false;
        }

        var found = new List<ScoringProblem>();
        var model = RuleSetCompiler.Compile(document, timeProvider, found);
        var thresholds = RuleSetCompiler.CompileThresholds(document.Thresholds, found);
        if (model is null || found.Count > 0)
        {
            problems = [.. found];
            return false;
        }

        ruleSet = new ScoringRuleSet(document, model, thresholds);
        problems = [];
        return true;
    }

    /// <summary>Writes the rule set as indented JSON; parsing the result gives an equivalent rule set.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(_document, RuleSetJsonContext.Default.RuleSetDocument);

    /// <summary>
    /// Creates an assessor (score, temperature, qualification, grade) from the model and the document's thresholds,
    /// applied over the given options (copies; the arguments are not changed) or the defaults. The assessor's policy is
    /// <see cref="LeadAssessor.QualificationPolicy"/>, the same as <see cref="CreateQualificationPolicy"/> gives for the same
    /// options, so a funnel guarded by that policy and this assessor agree on MQL and SQL.
    /// </summary>
    /// <param name="qualification">The qualification options the thresholds apply over; defaults when <see langword="null"/>.</param>
    /// <param name="temperature">The temperature options the thresholds apply over; defaults when <see langword="null"/>.</param>
    /// <returns>The assessor; thread-safe.</returns>
    /// <exception cref="ScoringConfigurationException">The thresholds do not fit the options (e.g. <c>hotWithinDays</c> above 75 without <c>warmWithinDays</c>).</exception>
    public LeadAssessor CreateAssessor(QualificationOptions? qualification = null, TemperatureOptions? temperature = null)
        => new(
            Model,
            new TemperatureClassifier(Thresholds.ApplyTo(OptionsCopy.Of(temperature))),
            CreateQualificationPolicy(qualification));

    /// <summary>Creates the qualification policy of this rule set: the document's thresholds applied over the given options (a copy) or the defaults.</summary>
    /// <param name="qualification">The options the thresholds apply over; defaults when <see langword="null"/>.</param>
    /// <returns>The policy; thread-safe.</returns>
    /// <exception cref="ScoringConfigurationException">The options are invalid once the thresholds are applied.</exception>
    public DefaultQualificationPolicy CreateQualificationPolicy(QualificationOptions? qualification = null)
        => new(Thresholds.ApplyTo(OptionsCopy.Of(qualification)));

    /// <summary>Compiles a new model from the same document with another clock.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The model.</returns>
    public ScoringModel CreateModel(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return RuleSetCompiler.Compile(_document, timeProvider, []) ?? throw new InvalidOperationException("A validated rule set failed to compile again.");
    }

    private static ScoringProblem TooLarge(int length)
        => new("$", string.Create(CultureInfo.InvariantCulture, $"the document is {length} bytes; at most {MaximumDocumentBytes} are accepted"));
}
