using System.Text.Json.Serialization.Metadata;

namespace Baize.BenchSupport;

/// <summary>
/// A benchmark's Main: parse the command line, measure with Ctrl+C as cancellation, write the JSON report, print the
/// Markdown table. Progress goes to stderr so stdout carries only the table (or the usage, for --help).
/// </summary>
/// <remarks>Exit codes: 0 done, 1 an expected failure (its message, no stack), 2 a bad command line, 130 cancelled.</remarks>
public sealed class BenchmarkProgram<TArguments, TReport>
    where TArguments : IBenchmarkArguments
{
    /// <summary>Printed for --help, and after the error for a bad command line.</summary>
    public required string Usage { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> for a bad command line.</summary>
    public required Func<IReadOnlyList<string>, TArguments> Parse { get; init; }

    /// <summary>The whole measurement, logging progress to the writer it is given.</summary>
    public required Func<TArguments, TextWriter, CancellationToken, Task<TReport>> Measure { get; init; }

    /// <summary>The report's type info from its source-generated JSON context.</summary>
    public required JsonTypeInfo<TReport> Json { get; init; }

    /// <summary>The report as Markdown for stdout.</summary>
    public required Func<TReport, string> Render { get; init; }

    /// <summary>
    /// Failures the user can fix (missing models, corpus or tools, bad files, I/O), reported as one line. Anything else
    /// is a bug and ends the process with its stack trace.
    /// </summary>
    public required Func<Exception, bool> IsExpectedFailure { get; init; }

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        TArguments arguments;
        try
        {
            arguments = Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        if (arguments.ShowHelp)
        {
            await Console.Out.WriteLineAsync(Usage);
            return 0;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var report = await Measure(arguments, Console.Error, cancellation.Token);
            ReportFile.Write(report, Json, arguments.Output);
            await Console.Error.WriteLineAsync($"Wrote {Path.GetFullPath(arguments.Output)}");
            await Console.Out.WriteLineAsync(Render(report));
            return 0;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled; no report written.");
            return 130;
        }
        catch (Exception ex) when (IsExpectedFailure(ex))
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
