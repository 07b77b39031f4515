using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.Temperatures;

namespace LeadKit.Scoring.RuleSets;

/// <summary>
/// A validated declarative scoring model read from JSON (format: <c>docs/scoring-rules.md</c>, schema:
/// <c>docs/schemas/scoring-rules.schema.json</c>, generated from the rule kinds). Data only — the registered rule kinds
/// (each chosen by its <c>type</c>), a closed set of fields, operators and decay kinds; no expressions, no reflection, no
/// regular expressions. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The document follows the convention every LeadKit format shares (<see cref="ConfigurationDocument"/>): UTF-8 (a byte
/// order mark is skipped), at most <see cref="MaximumDocumentBytes"/> bytes and <see cref="MaximumJsonDepth"/> levels, no
/// comments, trailing commas or duplicate keys, and a root <c>"version": 1</c>. It is rejected as a whole with every
/// problem as a <see cref="ConfigurationProblem"/> (path, code, message: <c>$.rules[3].points</c>, <c>required</c>, ...);
/// a property that the object (or the rule's <c>type</c>) does not define is refused, never ignored. Text problems stop
/// reading at the first one; all other problems are reported together. The <c>Try</c> methods never throw for any input;
/// <c>Parse</c> throws only <see cref="ConfigurationException"/>.
/// </remarks>
public sealed class ScoringRuleSet
{
    /// <summary>The format version this release writes and the newest it reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The largest document accepted, in UTF-8 bytes (1 MiB).</summary>
    public const int MaximumDocumentBytes = 1 << 20;

    /// <summary>The most rules a document may hold.</summary>
    public const int MaximumRules = 1000;

    /// <summary>The deepest JSON nesting accepted (conditions are also limited to <c>AttributeCondition.MaximumDepth</c> levels).</summary>
    public const int MaximumJsonDepth = 32;

    private static readonly ConfigurationDocumentOptions Format = new("scoring rule set", FormatVersion)
    {
        MaximumBytes = MaximumDocumentBytes,
        MaximumDepth = MaximumJsonDepth,
    };

    private readonly RuleSetDefinition _definition;
    private readonly ScoringRuleKinds _kinds;
    private readonly IMeterFactory? _meterFactory;

    private ScoringRuleSet(RuleSetDefinition definition, ScoringRuleKinds kinds, IMeterFactory? meterFactory, ScoringModel model)
    {
        _definition = definition;
        _kinds = kinds;
        _meterFactory = meterFactory;
        Model = model;
    }

    /// <summary>Gets the model compiled from the document (with <see cref="TimeProvider.System"/> unless one was given).</summary>
    public ScoringModel Model { get; }

    /// <summary>Gets the rule set's name.</summary>
    public string Name => Model.Name;

    /// <summary>Gets the qualification and temperature thresholds of the document's <c>thresholds</c> object (<see cref="RuleSetThresholds.None"/> when it has none).</summary>
    public RuleSetThresholds Thresholds => _definition.Thresholds;

    /// <summary>Parses and validates a rule set with the built-in kinds; the model uses <see cref="TimeProvider.System"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ConfigurationException">The document is invalid; lists every problem with its JSON path.</exception>
    public static ScoringRuleSet Parse(string json) => Parse(json, (ScoringRuleSetOptions?)null);

    /// <summary>Parses and validates a rule set.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The rule kinds and clock; defaults when <see langword="null"/>.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ConfigurationException">The document is invalid; lists every problem with its JSON path.</exception>
    public static ScoringRuleSet Parse(string json, ScoringRuleSetOptions? options)
        => TryParse(json, options, out var ruleSet, out var problems) ? ruleSet! : throw new ConfigurationException(problems);

    /// <summary>Parses and validates a rule set from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The JSON as UTF-8; a leading UTF-8 byte order mark is ignored.</param>
    /// <param name="options">The rule kinds and clock; defaults when <see langword="null"/>.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ConfigurationException">The document is invalid; lists every problem with its JSON path.</exception>
    public static ScoringRuleSet Parse(ReadOnlyMemory<byte> utf8Json, ScoringRuleSetOptions? options)
        => TryParse(utf8Json, options, out var ruleSet, out var problems) ? ruleSet! : throw new ConfigurationException(problems);

    /// <summary>Reads, parses and validates a rule set from a stream of UTF-8 (reading at most one byte past the limit).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The rule kinds and clock; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ConfigurationException">The document is invalid; lists every problem with its JSON path.</exception>
    public static async Task<ScoringRuleSet> ParseAsync(Stream utf8Json, ScoringRuleSetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var problems = new List<ConfigurationProblem>();
        using var document = await ConfigurationDocument.ParseAsync(utf8Json, Format, problems, cancellationToken).ConfigureAwait(false);
        return Create(document, options, problems, out var ruleSet) ? ruleSet! : throw new ConfigurationException(problems);
    }

    /// <summary>Parses and validates a rule set without throwing.</summary>
    /// <param name="json">The JSON text; a leading byte order mark (U+FEFF) is ignored.</param>
    /// <param name="options">The rule kinds and clock; defaults when <see langword="null"/>.</param>
    /// <param name="ruleSet">The rule set when valid.</param>
    /// <param name="problems">Every problem found; empty when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    /// <remarks>Never throws for any text: an unpaired surrogate is reported with its path, not replaced.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string json, ScoringRuleSetOptions? options, out ScoringRuleSet? ruleSet, out ImmutableArray<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        var found = new List<ConfigurationProblem>();
        using var document = ConfigurationDocument.Parse(json, Format, found);
        var valid = Create(document, options, found, out ruleSet);
        problems = [.. found];
        return valid;
    }

    /// <summary>Parses and validates a rule set from UTF-8 bytes without throwing.</summary>
    /// <param name="utf8Json">The JSON as UTF-8; a leading UTF-8 byte order mark is ignored.</param>
    /// <param name="options">The rule kinds and clock; defaults when <see langword="null"/>.</param>
    /// <param name="ruleSet">The rule set when valid.</param>
    /// <param name="problems">Every problem found; empty when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    /// <remarks>Never throws for any bytes: invalid UTF-8 and unpaired surrogate escapes are reported with their path.</remarks>
    public static bool TryParse(ReadOnlyMemory<byte> utf8Json, ScoringRuleSetOptions? options, out ScoringRuleSet? ruleSet, out ImmutableArray<ConfigurationProblem> problems)
    {
        var found = new List<ConfigurationProblem>();
        using var document = ConfigurationDocument.Parse(utf8Json, Format, found);
        var valid = Create(document, options, found, out ruleSet);
        problems = [.. found];
        return valid;
    }

    /// <summary>
    /// Generates the format's JSON Schema (draft 2020-12) for the given kinds: the rule and decay definitions come from
    /// each kind's <see cref="ScoringRuleKind.Properties"/>, the lists the parser accepts. The published
    /// <c>docs/schemas/scoring-rules.schema.json</c> is this for <see cref="ScoringRuleKinds.Default"/>; an application with
    /// plugin kinds can publish its own.
    /// </summary>
    /// <param name="kinds">The kinds; <see cref="ScoringRuleKinds.Default"/> when <see langword="null"/>.</param>
    /// <returns>The schema as indented JSON text ending with a line feed.</returns>
    public static string GetJsonSchema(ScoringRuleKinds? kinds = null) => RuleSetSchema.Generate(kinds ?? ScoringRuleKinds.Default);

    /// <summary>
    /// Writes the rule set as canonical, indented JSON (format version <see cref="FormatVersion"/>): each rule written by
    /// its kind, optional properties only when set. Parsing the result gives an equal rule set, and writing that gives
    /// the same text.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => RuleSetWriter.Write(_definition, _kinds);

    /// <summary>
    /// Creates an assessor (score, temperature, qualification, grade) from the model and the document's thresholds,
    /// applied over the given options (copies; the arguments are not changed) or the defaults. The assessor's policy is
    /// <see cref="LeadAssessor.QualificationPolicy"/>, the same as <see cref="CreateQualificationPolicy"/> gives for the same
    /// options, so a funnel guarded by that policy and this assessor agree on MQL and SQL.
    /// </summary>
    /// <param name="qualification">The qualification options the thresholds apply over; defaults when <see langword="null"/>.</param>
    /// <param name="temperature">The temperature options the thresholds apply over; defaults when <see langword="null"/>.</param>
    /// <returns>The assessor; thread-safe.</returns>
    /// <exception cref="ConfigurationException">The thresholds do not fit the options (e.g. <c>hotWithinDays</c> above 75 without <c>warmWithinDays</c>).</exception>
    public LeadAssessor CreateAssessor(QualificationOptions? qualification = null, TemperatureOptions? temperature = null)
        => new(
            Model,
            new TemperatureClassifier(Thresholds.ApplyTo(OptionsCopy.Of(temperature))),
            CreateQualificationPolicy(qualification));

    /// <summary>Creates the qualification policy of this rule set: the document's thresholds applied over the given options (a copy) or the defaults.</summary>
    /// <param name="qualification">The options the thresholds apply over; defaults when <see langword="null"/>.</param>
    /// <returns>The policy; thread-safe.</returns>
    /// <exception cref="ConfigurationException">The options are invalid once the thresholds are applied.</exception>
    public DefaultQualificationPolicy CreateQualificationPolicy(QualificationOptions? qualification = null)
        => new(Thresholds.ApplyTo(OptionsCopy.Of(qualification)));

    /// <summary>Compiles a new model from the same document with another clock (and the same meter factory).</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The model.</returns>
    public ScoringModel CreateModel(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return _definition.Build(_kinds, timeProvider, _meterFactory);
    }

    private static bool Create(JsonDocument? document, ScoringRuleSetOptions? options, List<ConfigurationProblem> problems, out ScoringRuleSet? ruleSet)
    {
        ruleSet = null;
        if (document is null)
        {
            return false;
        }

        var kinds = options?.Kinds ?? ScoringRuleKinds.Default;
        var definition = RuleSetReader.Read(new ConfigurationElement(document.RootElement, "$", problems), kinds);

        // Built even when reading found problems (unreadable rules are placeholders), so the model's own problems (names
        // repeated, a text operator on a number field, points out of range) are reported in the same pass.
        ScoringModel model;
        try
        {
            model = definition.Build(kinds, options?.TimeProvider ?? TimeProvider.System, options?.MeterFactory);
        }
        catch (ConfigurationException ex)
        {
            // The builder's paths (rules[3].points) are the document's below its root.
            foreach (var problem in ex.Problems)
            {
                problems.Add(new("$." + problem.Path, problem.Code, problem.Message));
            }

            return false;
        }

        if (problems.Count > 0)
        {
            return false;
        }

        ruleSet = new ScoringRuleSet(definition, kinds, options?.MeterFactory, model);
        return true;
    }
}
