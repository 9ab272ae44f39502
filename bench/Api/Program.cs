using Baize.Api;
using Baize.Api.Reporting;
using Baize.Api.Results;
using Baize.BenchSupport;
using Baize.Embedding.Models;
using Baize.Vectors;

// Progress goes to stderr (the app's log too) so stdout carries only the Markdown table.
return await new BenchmarkProgram<ApiArguments, ApiReport>
{
    Usage = ApiArguments.Usage,
    Parse = ApiArguments.Parse,
    Measure = (arguments, log, cancellationToken) => new ApiBenchmark(arguments, log).RunAsync(cancellationToken),
    Json = ReportJsonContext.Default.ApiReport,
    Render = MarkdownReport.Render,
    IsExpectedFailure = ex => ex is ModelValidationException or VectorStoreException or IOException or InvalidDataException or InvalidOperationException
        or HttpRequestException or UnauthorizedAccessException,
}.RunAsync(args);
