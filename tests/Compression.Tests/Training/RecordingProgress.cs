using Baize.Compression.Training;

namespace Baize.Compression.Tests.Training;

/// <summary>Records every progress report synchronously (Progress&lt;T&gt; would post to the thread pool and could report after an assertion).</summary>
internal sealed class RecordingProgress(Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
{
    private readonly List<TrainingProgress> _steps = [];

    public IReadOnlyList<TrainingProgress> Steps
    {
        get
        {
            lock (_steps)
            {
                return [.. _steps];
            }
        }
    }

    public IReadOnlyList<string> Stages => [.. Steps.Select(step => step.Stage)];

    public void Report(TrainingProgress value)
    {
        lock (_steps)
        {
            _steps.Add(value);
        }

        onReport?.Invoke(value);
    }
}
