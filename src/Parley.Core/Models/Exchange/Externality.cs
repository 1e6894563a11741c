namespace Parley.Core.Models.Exchange;

/// <summary>
/// The effect of one exchange on a third actor k with stances on both of its issues p and q:
/// <c>E_k = s_kp (|O⁰_p − x_kp| − |O¹_p − x_kp|) + s_kq (|O⁰_q − x_kq| − |O¹_q − x_kq|)</c>,
/// with O⁰ and O¹ the outcomes before and after the exchange (on a 0–100 rescaling of each issue).
/// </summary>
/// <param name="ActorId">The third actor.</param>
/// <param name="Value">Its utility change: positive when the exchange brought the outcomes nearer to it.</param>
/// <param name="Group">
/// <c>inner</c> when the actor sits on the same sides of both outcomes as one of the exchanging
/// actors (it could have made this exchange itself), else <c>outer</c> (Stokman &amp; Van Oosten 1994).
/// </param>
public sealed record Externality(string ActorId, double Value, string Group);
