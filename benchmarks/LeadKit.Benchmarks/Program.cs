using BenchmarkDotNet.Running;
using LeadKit.Benchmarks.Peers;

// Run all benchmarks:  dotnet run -c Release --project benchmarks/LeadKit.Benchmarks -- --filter '*'
// Peer equivalence only (CI smoke mode): dotnet run -c Release --project benchmarks/LeadKit.Benchmarks -- --verify-peers
if (args is ["--verify-peers"])
{
    PeerEquivalence.Verify(Console.Out, PeerEngines.All());
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
