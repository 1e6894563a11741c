namespace Parley.Server.Tests;

/// <summary>
/// The tests on real servers (load, kill): run one at a time and after the others, so that their
/// figures are not taken while the rest of the suite shares the two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealServerCollection
{
    public const string Name = "Real servers";
}
