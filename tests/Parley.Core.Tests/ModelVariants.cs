using Parley.Core.Models;

namespace Parley.Core.Tests;

/// <summary>Every model of the catalogue with its defaults and with each of its variants and utility options.</summary>
internal static class ModelVariants
{
    public static IEnumerable<(IModel Model, ModelOptions Options, string Name)> All()
    {
        foreach (var model in ModelCatalog.All)
        {
            yield return (model, ModelOptions.Default, model.Info.Id);
        }

        yield return (ModelCatalog.Find("nash")!, ModelOptions.Default.WithParameter("utility", "quadratic"), "nash utility=quadratic");
        yield return (ModelCatalog.Find("eum")!, ModelOptions.Default.WithParameter("variant", "scholz-code"), "eum variant=scholz-code");
        yield return (ModelCatalog.Find("eum")!, ModelOptions.Default.WithParameter("forecast", "mean").WithParameter("q", "0.5"), "eum forecast=mean q=0.5");
        yield return (ModelCatalog.Find("exchange")!, ModelOptions.Default.WithParameter("rex-p", "0.5") with { Seed = 3 }, "exchange rex-p=0.5");
        yield return (ModelCatalog.Find("smp")!, ModelOptions.Default.WithParameter("VotingRule", "Cubic").WithParameter("PCEModel", "MarkovIncentive"), "smp Cubic MarkovIncentive");
        yield return (ModelCatalog.Find("smp")!, ModelOptions.Default.WithParameter("BargnModel", "PWCompInterp").WithParameter("InterVecBrgn", "S2PMax"), "smp PWCompInterp S2PMax");
        yield return (ModelCatalog.Find("recommended")!, ModelOptions.Default.WithParameter("capability_exponent", "1").WithParameter("salience_exponent", "1"), "recommended 1 1");
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (_, _, name) in All())
        {
            data.Add(name);
        }

        return data;
    }

    public static (IModel Model, ModelOptions Options) Named(string name)
    {
        var found = All().Single(v => v.Name == name);
        return (found.Model, found.Options);
    }
}
