namespace LeadKit.Abstractions.Configuration.Reload;

/// <summary>
/// Turns a document into the value it describes (a scoring model, a routing plan, a funnel definition), or reports
/// why it cannot: returns <see langword="null"/> after adding at least one problem. It may also throw a
/// <see cref="ConfigurationException"/>; any other exception is a rejection too (reported with
/// <see cref="ReloadProblemCodes.BuildFailed"/>), never a half-applied value.
/// </summary>
/// <typeparam name="TDocument">The document type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="document">The document.</param>
/// <param name="problems">Receives every problem found.</param>
/// <returns>The value, or <see langword="null"/> when the document is invalid.</returns>
public delegate TValue? ReloadBuilder<in TDocument, TValue>(TDocument document, ICollection<ConfigurationProblem> problems)
    where TValue : class;
