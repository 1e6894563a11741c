using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Models;

namespace Parley.Application;

/// <summary>
/// Chooses models and checks their options once, against each model's own option descriptions
/// (<see cref="IModel.Options"/>): the one place every front end's model options are judged.
/// </summary>
/// <remarks>
/// Rules: <c>rounds</c> 1 to <see cref="ModelOptionRules.MaxRounds"/>, <c>tolerance</c> finite and
/// above 0, the seed any 64-bit unsigned integer. An option or parameter must be taken by the chosen
/// model, or, when several are chosen, by at least one of them (so <c>--model all --rounds 5</c> sets
/// the dynamic models' rounds); every model that takes a parameter must accept its value.
/// </remarks>
public static class ModelChoice
{
    /// <summary>The models and options <paramref name="request"/> asks for, or what is wrong with it.</summary>
    public static Outcome<ModelSetup> Resolve(ModelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ParseModels(request.Models, request.AllowSeveral, out var modelError) is not { } models)
        {
            return Outcome<ModelSetup>.Invalid(modelError!);
        }

        var errors = new List<string>();
        if (request.Rounds is { } rounds && !ModelOptionRules.RoundsAllowed(rounds))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"--rounds must be 1 or more and at most {ModelOptionRules.MaxRounds:N0}; {rounds} is not allowed"));
        }
        else if (request.Rounds is not null)
        {
            errors.AddRange(Untaken(models, ModelOptionRules.RoundsName, "--rounds"));
        }

        if (request.Tolerance is { } tolerance && !ModelOptionRules.ToleranceAllowed(tolerance))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"--tolerance must be a finite number above 0 (on the issue's scale); {tolerance} is not allowed"));
        }
        else if (request.Tolerance is not null)
        {
            errors.AddRange(Untaken(models, ModelOptionRules.ToleranceName, "--tolerance"));
        }

        var options = new ModelOptions { Rounds = request.Rounds, Tolerance = request.Tolerance, Seed = request.Seed, Trace = request.Trace };
        foreach (var setting in request.Parameters)
        {
            var problem = CheckParameter(models, setting);
            if (problem is null)
            {
                options = options.WithParameter(setting.Name, setting.Value);
            }
            else if (!errors.Contains(problem))
            {
                errors.Add(problem);
            }
        }

        return errors.Count > 0 ? Outcome<ModelSetup>.Invalid(errors) : Outcome<ModelSetup>.Success(new ModelSetup(models, options));
    }

    /// <summary>A model's options in one line: <c>nash takes: utility (linear|quadratic, default linear)</c>.</summary>
    public static string Takes(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Options.IsDefaultOrEmpty
            ? $"{model.Info.Id} takes no options"
            : $"{model.Info.Id} takes: {string.Join(", ", model.Options.Select(o => o.Describe()))}";
    }

    private static ImmutableArray<IModel>? ParseModels(string text, bool allowSeveral, out string? error)
    {
        error = null;
        var orAll = allowSeveral ? " or all" : string.Empty;
        if (allowSeveral && string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            return ModelCatalog.All;
        }

        var ids = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            error = $"--model is empty; use {(allowSeveral ? "one or more" : "one")} of {ModelCatalog.Ids}{orAll}";
            return null;
        }

        if (!allowSeveral && ids.Length != 1)
        {
            error = $"--model takes one model id here; use one of {ModelCatalog.Ids}";
            return null;
        }

        var models = ImmutableArray.CreateBuilder<IModel>();
        foreach (var id in ids)
        {
            if (ModelCatalog.Find(id) is not { } model)
            {
                var guess = Suggestions.Closest(id, ModelCatalog.All.Select(m => m.Info.Id));
                error = $"unknown model '{id}'; use one of {ModelCatalog.Ids}{orAll}{(guess is null ? string.Empty : $" (did you mean '{guess}'?)")}";
                return null;
            }

            if (!models.Contains(model))
            {
                models.Add(model);
            }
        }

        return models.ToImmutable();
    }

    /// <summary>The error when none of <paramref name="models"/> takes the run option <paramref name="name"/>.</summary>
    private static IEnumerable<string> Untaken(ImmutableArray<IModel> models, string name, string flag)
    {
        if (models.Any(m => Find(m, name, parameter: false) is not null))
        {
            yield break;
        }

        var takers = ModelCatalog.All.Where(m => Find(m, name, parameter: false) is not null).Select(m => m.Info.Id);
        yield return models.Length == 1
            ? $"model '{models[0].Info.Id}' does not take {flag}; {Takes(models[0])} ({flag} is for {string.Join(", ", takers)})"
            : $"none of the chosen models ({string.Join(", ", models.Select(m => m.Info.Id))}) takes {flag}; it is for {string.Join(", ", takers)}";
    }

    private static string? CheckParameter(ImmutableArray<IModel> models, ParameterSetting setting)
    {
        var takers = models.Select(m => Find(m, setting.Name, parameter: true)).OfType<ModelOptionDescription>().ToList();
        if (takers.Count > 0)
        {
            return takers.Select(o => o.Check(setting.Value)).FirstOrDefault(p => p is not null);
        }

        var what = setting.Flag is { } flag ? $"option {flag}" : $"parameter '{setting.Name}'";
        var names = models.SelectMany(m => m.Options.Where(o => o.IsParameter).Select(o => o.Name)).Distinct(StringComparer.Ordinal);
        var guess = setting.Flag is null ? Suggestions.Closest(setting.Name, names) : null;
        var meant = guess is null ? ";" : $"; did you mean '{guess}'?";
        if (models.Length == 1)
        {
            return $"model '{models[0].Info.Id}' has no {what}{meant} {Takes(models[0])}";
        }

        var lists = models.Where(m => !m.Options.IsDefaultOrEmpty).Select(Takes);
        return $"none of the chosen models ({string.Join(", ", models.Select(m => m.Info.Id))}) has {what}{meant} {string.Join("; ", lists)}";
    }

    private static ModelOptionDescription? Find(IModel model, string name, bool parameter) =>
        model.Options.IsDefault ? null : model.Options.FirstOrDefault(o => o.IsParameter == parameter && string.Equals(o.Name, name, StringComparison.Ordinal));
}
