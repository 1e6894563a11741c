using Parley.Core.Domain;

namespace Parley.Core.WhatIf;

/// <summary>A stage to append to the scenario's stages.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Origin">Where it was written, for error messages.</param>
public sealed record OverlayStage(Stage Stage, string Origin);
