using Baize.BenchSupport;
using Baize.Vectors;
using Baize.VectorSearch;
using Baize.VectorSearch.Results;

return await new BenchmarkProgram<BenchmarkArguments, BenchmarkReport>
{
    Usage = BenchmarkArguments.Usage,
    Parse = BenchmarkArguments.Parse,
    Measure = BenchmarkRun.RunAsync,
    Json = ReportJsonContext.Default.BenchmarkReport,
    Render = MarkdownReport.Render,
    IsExpectedFailure = ex => ex is VectorStoreException or IOException or UnauthorizedAccessException,
}.RunAsync(args);
