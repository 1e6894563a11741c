namespace Parley.Core.Domain;

/// <summary>What sort of party an <see cref="Actor"/> is.</summary>
public enum ActorKind
{
    /// <summary>A state or government.</summary>
    State,

    /// <summary>A named person: a leader, envoy or delegate.</summary>
    Person,

    /// <summary>An organisation: a party, ministry, firm, NGO or international body.</summary>
    Organisation,

    /// <summary>A bloc or delegation made of other actors (see <see cref="Actor.Members"/>).</summary>
    Bloc,
}
