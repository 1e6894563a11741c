namespace Parley.Core.Models.Smp;

/// <summary>KTAB's <c>PCEModel</c>: the probabilistic Condorcet election that turns pairwise victory probabilities into one probability per option.</summary>
public enum SmpPceModel
{
    /// <summary><c>p_a ∝ Π_b P(a&gt;b)</c> (KTAB's default).</summary>
    Conditional,

    /// <summary>Markov chain whose challenges are proportional to the incentive <c>C(a:b) P(a&gt;b)</c>.</summary>
    MarkovIncentive,

    /// <summary>Markov chain with uniformly likely challenges.</summary>
    MarkovUniform,
}
