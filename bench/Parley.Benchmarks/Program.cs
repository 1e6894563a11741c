using BenchmarkDotNet.Running;

namespace Parley.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project bench/Parley.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["exchange-cpu", ..])
        {
            ExchangeCpuTimes.Run(args);
            return;
        }

        if (args is ["eum-cpu"])
        {
            ExpectedUtilityCpuTimes.Run();
            return;
        }

        if (args is ["draft-time"])
        {
            DraftingBenchmarks.PrintTimes();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
