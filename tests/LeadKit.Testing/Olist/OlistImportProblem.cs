namespace LeadKit.Testing.Olist;

/// <summary>A malformed row of an Olist file: never dropped silently, always reported with its file and line.</summary>
/// <param name="File">The file name.</param>
/// <param name="Line">The 1-based line the row starts on.</param>
/// <param name="Message">What is wrong, naming the column and the value.</param>
public sealed record OlistImportProblem(string File, int Line, string Message)
{
    /// <summary>Formats the problem as <c>file:line: message</c>.</summary>
    /// <returns>The formatted problem.</returns>
    public override string ToString() => $"{File}:{Line}: {Message}";
}
