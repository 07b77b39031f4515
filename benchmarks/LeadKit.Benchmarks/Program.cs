using BenchmarkDotNet.Running;

// Run all benchmarks: dotnet run -c Release --project benchmarks/LeadKit.Benchmarks -- --filter '*'
// Smoke run (CI):      dotnet run -c Release --project benchmarks/LeadKit.Benchmarks -- --filter '*' --job dry
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
