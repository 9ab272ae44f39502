using Baize.BenchSupport;
using Baize.Embedding.Media;
using Baize.Embedding.Models;
using Baize.Ingestion;
using Baize.Ingestion.Reporting;
using Baize.Ingestion.Results;

// Progress goes to stderr (the app's log too) so stdout carries only the Markdown table.
return await new BenchmarkProgram<IngestionArguments, IngestionReport>
{
    Usage = IngestionArguments.Usage,
    Parse = IngestionArguments.Parse,
    Measure = (arguments, log, cancellationToken) => new IngestionBenchmark(arguments, log).RunAsync(cancellationToken),
    Json = ReportJsonContext.Default.IngestionReport,
    Render = MarkdownReport.Render,
    IsExpectedFailure = ex => ex is ModelValidationException or MediaDecodeException or MediaToolMissingException or TimeoutException or IOException
        or InvalidDataException or InvalidOperationException or HttpRequestException or UnauthorizedAccessException,
}.RunAsync(args);
