using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Parley.Core.Models.Exchange;
using Parley.Core.Models.ExpectedUtility;
using Parley.Core.Models.Smp;
using Parley.Core.Uncertainty;

namespace Parley.Reports;

/// <summary>
/// Compile-time JSON metadata for every record a report writes by its runtime type (traces, details,
/// Monte Carlo and sensitivity parts), so that the natively compiled <c>parley</c> (tools/publish.sh, Native AOT,
/// where reflection-based serialization is off) writes the same bytes as the JIT build. The naming and
/// null handling are <see cref="ReportJson.SerializerOptions"/>'s, which this context is the first resolver of;
/// a type missing here falls back to reflection (the JIT build) rather than failing.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SmpDetails))]
[JsonSerializable(typeof(SmpRoundTrace))]
[JsonSerializable(typeof(ExchangeDetails))]
[JsonSerializable(typeof(ExchangeRoundTrace))]
[JsonSerializable(typeof(ExpectedUtilityDetails))]
[JsonSerializable(typeof(ExpectedUtilityRound))]
[JsonSerializable(typeof(ImmutableArray<QuantileEstimate>))]
[JsonSerializable(typeof(ImmutableArray<HistogramBin>))]
[JsonSerializable(typeof(RoundsDistribution))]
[JsonSerializable(typeof(ImmutableArray<UncertainInput>))]
[JsonSerializable(typeof(ImmutableArray<TornadoBar>))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
