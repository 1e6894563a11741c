namespace Parley.Drafting.Text;

/// <summary>A sentence of a source: its index, and where it stands in the source's text.</summary>
/// <param name="Index">Position among the source's sentences, from 0.</param>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Text">The sentence, exactly as in the source.</param>
internal sealed record Sentence(int Index, int Start, int End, string Text);
