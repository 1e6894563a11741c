using Parley.Fuzz;
using SharpFuzz;

// parley-fuzz TARGET           run under afl-fuzz (SharpFuzz's out-of-process forkserver loop)
// parley-fuzz TARGET FILE...   replay inputs once, printing the exception of any that crash
// parley-fuzz corpus ROOT OUT  write the seed corpus of every target from ROOT's tests/ and scenarios/
if (args.Length == 0 || (args[0] != "corpus" && !FuzzTargets.All.ContainsKey(args[0])))
{
    Console.Error.WriteLine($"usage: parley-fuzz TARGET [FILE...] | corpus REPO_ROOT OUT_DIR; targets: {string.Join(", ", FuzzTargets.All.Keys)}");
    return 2;
}

if (args[0] == "corpus")
{
    return SeedCorpus.Write(args[1], args[2]);
}

var target = args[0];
if (args.Length > 1)
{
    var failed = 0;
    foreach (var file in args.Skip(1))
    {
        try
        {
            FuzzTargets.Run(target, File.ReadAllBytes(file));
        }
        catch (Exception error)
        {
            failed++;
            Console.Error.WriteLine($"{file}: {error.GetType().Name}: {error.Message}");
        }
    }

    return failed == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    FuzzTargets.Run(target, buffer.ToArray());
});
return 0;
