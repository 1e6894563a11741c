namespace Parley.Core.Backtesting;

/// <summary>One input file of a backtest, by name and content hash: the provenance of a calibration, free of paths and dates so that it is the same on every machine.</summary>
/// <param name="Name">The file's name (no folder), or the upload's name.</param>
/// <param name="Sha256">The SHA-256 of its bytes, 64 lowercase hex digits (as <c>sha256sum</c> prints it).</param>
public sealed record DataDigest(string Name, string Sha256);
