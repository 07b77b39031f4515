using LeadKit.Abstractions.Serialization;
using LeadKit.Samples.Quickstart;

// Built-in, deterministic demo data: the same seed gives the same leads on every machine.
var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
var leads = DemoLeads.Generate(count: 2_000, seed: 42, now);

Console.WriteLine($"Generated {leads.Count} demo leads. The first three as JSON:");
foreach (var lead in leads.Take(3))
{
    Console.WriteLine(LeadKitJson.Serialize(lead));
}

var bySource = leads.GroupBy(l => l.Source.Value).OrderByDescending(g => g.Count());
Console.WriteLine();
Console.WriteLine("Leads by source:");
foreach (var group in bySource)
{
    Console.WriteLine($"  {group.Key,-16} {group.Count(),6}");
}
