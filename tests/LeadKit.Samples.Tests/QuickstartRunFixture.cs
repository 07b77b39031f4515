namespace LeadKit.Samples.Tests;

/// <summary>One run of the quickstart (400 leads, seed 7), shared by the tests that read what it printed and wrote.</summary>
public sealed class QuickstartRunFixture : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("leadkit-quickstart-");

    public QuickstartRunFixture()
    {
        Run = SampleRun.Start("LeadKit.Samples.Quickstart", _work.FullName, "--leads", "400", "--seed", "7", "--out", "report");
        Folder = Path.Combine(_work.FullName, "report");
    }

    internal SampleRun Run { get; }

    /// <summary>Gets the report folder (report.md, report.html, funnel.svg).</summary>
    public string Folder { get; }

    /// <summary>Gets a scratch folder for screenshots and test pages.</summary>
    public string Work => _work.FullName;

    public void Dispose() => _work.Delete(recursive: true);
}
