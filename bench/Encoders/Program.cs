using Baize.Embedding.Media;
using Baize.Embedding.Models;
using Baize.Encoders;
using Baize.Encoders.Reporting;
using Baize.Encoders.Results;

// Progress goes to stderr so stdout carries only the Markdown table.
BenchmarkArguments arguments;
try
{
    arguments = BenchmarkArguments.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkArguments.Usage);
    return 2;
}

if (arguments.ShowHelp)
{
    Console.WriteLine(BenchmarkArguments.Usage);
    return 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    var report = await new BenchmarkRun(arguments, Console.Error).RunAsync(cancellation.Token);
    ReportFile.Write(report, arguments.Output);
    Console.Error.WriteLine($"Wrote {Path.GetFullPath(arguments.Output)}");
    Console.WriteLine(MarkdownTable.Render(report));
    return 0;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled; no report written.");
    return 130;
}
catch (Exception ex) when (ex is ModelValidationException or MediaDecodeException or MediaToolMissingException or IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
