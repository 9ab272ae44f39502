using System.Globalization;
using Spectre.Console;

namespace Baize.Cli.Terminal;

/// <summary>
/// Shows a job's progress: bars per stage on an interactive terminal, and a plain line per stage and
/// every tenth of it otherwise (logs, CI), so background runs stay readable.
/// </summary>
public static class ProgressDisplay
{
    public static async Task<TResult> RunAsync<TResult>(string title, Func<IProgress<ProgressUpdate>, Task<TResult>> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await job(new LineProgress());
        }

        var result = default(TResult);
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context => result = await job(new BarProgress(context)));
        return result!;
    }

    private sealed class BarProgress(ProgressContext context) : IProgress<ProgressUpdate>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];
        private readonly Lock _gate = new();

        public void Report(ProgressUpdate value)
        {
            lock (_gate)
            {
                if (!_tasks.TryGetValue(value.Stage, out var task))
                {
                    task = context.AddTask(Markup.Escape(value.Stage), maxValue: Math.Max(value.Total, 1));
                    _tasks[value.Stage] = task;
                }

                task.MaxValue = Math.Max(value.Total, 1);
                task.Value = Math.Max(task.Value, value.Done);
                if (value.Detail is not null)
                {
                    task.Description = Markup.Escape($"{value.Stage}: {value.Detail}");
                }
            }
        }
    }

    private sealed class LineProgress : IProgress<ProgressUpdate>
    {
        private readonly Dictionary<string, int> _lastTenth = [];
        private readonly Lock _gate = new();

        public void Report(ProgressUpdate value)
        {
            var tenth = value.Total <= 0 ? 10 : (int)Math.Floor(10 * value.Done / value.Total);
            lock (_gate)
            {
                if (_lastTenth.TryGetValue(value.Stage, out var last) && last == tenth)
                {
                    return;
                }

                _lastTenth[value.Stage] = tenth;
            }

            var line = string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:HH:mm:ss} {value.Stage}: {value.Done:0.##}/{value.Total:0.##}");
            Console.WriteLine(value.Detail is null ? line : $"{line} {value.Detail}");
        }
    }
}
