using Baize.Compression.Training;

namespace Baize.Cli.Terminal;

/// <summary>Shows the training library's progress reports (teacher training, compression) on the progress display.</summary>
internal sealed class TrainingProgressAdapter(IProgress<ProgressUpdate> display) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value) => display.Report(new ProgressUpdate(value.Stage, value.Done, value.Total, value.Detail));
}
