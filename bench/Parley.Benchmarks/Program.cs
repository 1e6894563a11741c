using BenchmarkDotNet.Running;

namespace Parley.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line, e.g. <c>--job short --filter '*ExpectedUtility*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["eum-cpu"])
        {
            ExpectedUtilityCpuTimes.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
