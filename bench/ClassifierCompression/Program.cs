using System.Text.Json;
using Baize.BenchSupport;
using Baize.ClassifierBench;
using Baize.ClassifierBench.Reporting;
using Baize.ClassifierBench.Results;

return await new BenchmarkProgram<BenchmarkArguments, ClassifierReport>
{
    Usage = BenchmarkArguments.Usage,
    Parse = BenchmarkArguments.Parse,
    Measure = (arguments, log, cancellationToken) => new BenchmarkRun(arguments, log).RunAsync(cancellationToken),
    Json = ReportJsonContext.Default.ClassifierReport,
    Render = MarkdownReport.Render,
    IsExpectedFailure = ex => ex is IOException or InvalidDataException or ArgumentOutOfRangeException or UnauthorizedAccessException or JsonException,
}.RunAsync(args);
