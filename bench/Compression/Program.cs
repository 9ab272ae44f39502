using System.Text.Json;
using Baize.BenchSupport;
using Baize.CompressionBench;
using Baize.CompressionBench.Reporting;
using Baize.CompressionBench.Results;
using Baize.Embedding.Media;
using Baize.Embedding.Models;

return await new BenchmarkProgram<BenchmarkArguments, CompressionReport>
{
    Usage = BenchmarkArguments.Usage,
    Parse = BenchmarkArguments.Parse,
    Measure = (arguments, log, cancellationToken) => new BenchmarkRun(arguments, log).RunAsync(cancellationToken),
    Json = ReportJsonContext.Default.CompressionReport,
    Render = MarkdownReport.Render,
    IsExpectedFailure = ex => ex is ModelValidationException or MediaDecodeException or MediaToolMissingException or IOException or InvalidDataException
        or InvalidOperationException or UnauthorizedAccessException or JsonException,
}.RunAsync(args);
