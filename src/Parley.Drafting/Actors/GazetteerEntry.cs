using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Drafting.Actors;

/// <summary>A state, bloc or international body the drafter recognises, with every name a report may use for it.</summary>
/// <param name="Id">The actor id a draft gives it: ISO 3166 alpha-3 in lower case for states (<c>usa</c>, <c>rus</c>), a short name otherwise (<c>nato</c>, <c>eu</c>).</param>
/// <param name="Name">Its usual English name.</param>
/// <param name="Kind">State, organisation or bloc.</param>
/// <param name="Names">Names and metonyms: official and short names, capitals and seats of government ("Moscow", "the Kremlin").</param>
/// <param name="Demonyms">Adjectives naming it ("Russian"): "Russian President" ties a person to it.</param>
public sealed record GazetteerEntry(string Id, string Name, ActorKind Kind, ImmutableArray<string> Names, ImmutableArray<string> Demonyms);
