using System.Globalization;
using Baize.BenchSupport;
using Baize.Compression.Training;

namespace Baize.CompressionBench;

/// <summary>
/// Compressor's progress as occasional log lines: one at every new stage and at the end of each, and within a stage
/// at most one per interval, since preprocessing reports every item and training every step. Reports arrive from
/// parallel preprocessing threads, hence the lock.
/// </summary>
public sealed class ProgressLog(string run, TextWriter log) : IProgress<TrainingProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);
    private readonly Lock _gate = new();
    private string? _stage;
    private long _lastLine;

    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var sameStage = value.Stage == _stage;
            if (sameStage && value.Done < value.Total && Clock.SecondsSince(_lastLine) < Interval.TotalSeconds)
            {
                return;
            }

            _stage = value.Stage;
            _lastLine = Clock.Now();
            var detail = value.Detail is { } text ? " " + text : string.Empty;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run}: {value.Stage} {value.Done:0}/{value.Total:0}{detail}"));
        }
    }
}
