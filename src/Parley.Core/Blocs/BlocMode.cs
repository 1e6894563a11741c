namespace Parley.Core.Blocs;

/// <summary>How to model the blocs and delegations of a scenario (actors with <see cref="Domain.Actor.Members"/>).</summary>
public enum BlocMode
{
    /// <summary>As the scenario is written: blocs and members take part with the stances the file gives them.</summary>
    AsWritten,

    /// <summary>Each bloc acts as one actor whose stance derives from its members (see <see cref="BlocTransform.Merge"/>).</summary>
    Merge,

    /// <summary>Each bloc is replaced by its members, each with its own stance (see <see cref="BlocTransform.Split"/>).</summary>
    Split,
}
