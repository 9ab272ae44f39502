using System.Globalization;
using Baize.Compression.Compressing;

namespace Baize.Compression.Classification;

/// <summary>One compression of the Fashion-MNIST classifier: to a fraction of the teacher's FLOPs, trained by <paramref name="Schedule"/>.</summary>
/// <param name="FlopsFraction">The student's MACs per image at most this fraction of the teacher's: 0.5, 0.25.</param>
/// <param name="WorkFolder">Checkpoints, report and result of this run; a rerun resumes from here or returns the finished result.</param>
public sealed record ClassifierCompressionOptions(double FlopsFraction, CompressionSchedule Schedule, string WorkFolder)
{
    /// <summary>For example "50%".</summary>
    public string TargetName => string.Create(CultureInfo.InvariantCulture, $"{FlopsFraction * 100:0.#}%");
}
