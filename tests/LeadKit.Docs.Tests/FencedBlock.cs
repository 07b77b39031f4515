namespace LeadKit.Docs.Tests;

/// <summary>A fenced code block: the 1-based line of its opening fence, its language, the trimmed line above it, and its text.</summary>
internal sealed record FencedBlock(int Line, string Language, string LineAbove, string Code);
