using Baize.BenchSupport;
using Baize.Embedding.Media;
using Baize.Embedding.Models;
using Baize.Encoders;
using Baize.Encoders.Reporting;
using Baize.Encoders.Results;

return await new BenchmarkProgram<BenchmarkArguments, BenchmarkReport>
{
    Usage = BenchmarkArguments.Usage,
    Parse = BenchmarkArguments.Parse,
    Measure = (arguments, log, cancellationToken) => new BenchmarkRun(arguments, log).RunAsync(cancellationToken),
    Json = ReportJsonContext.Default.BenchmarkReport,
    Render = MarkdownReport.Render,
    IsExpectedFailure = ex => ex is ModelValidationException or MediaDecodeException or MediaToolMissingException or IOException or InvalidDataException
        or InvalidOperationException or UnauthorizedAccessException,
}.RunAsync(args);
