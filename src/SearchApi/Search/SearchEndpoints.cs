using System.Diagnostics;
using Baize.Indexer.Ingestion;
using Baize.SearchApi.Errors;
using Baize.SearchApi.Security;
using Baize.SearchApi.Telemetry;
using Microsoft.Extensions.Options;

namespace Baize.SearchApi.Search;

/// <summary><c>POST /v1/search</c>: a JSON text query, or a multipart form with a query file (and optional JSON options).</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/search", SearchAsync)
            .RequireAuthorization(ApiPolicies.Search)
            .Accepts<SearchRequest>("application/json", "multipart/form-data")
            .Produces<SearchResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("Search")
            .WithSummary("Search by text (JSON) or by an uploaded image, audio or video file (multipart: file, optional query JSON).");
        return app;
    }

    private static async Task<IResult> SearchAsync(
        HttpContext context,
        QueryEmbedder embedder,
        SearchQueryValidator validator,
        SearchService search,
        IngestionService ingestionService,
        IOptions<IngestionOptions> ingestion,
        BaizeMetrics metrics,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        try
        {
            if (request.HasJsonContentType())
            {
                var (body, problem) = await RequestBody.ReadJsonAsync<SearchRequest>(request, cancellationToken);
                if (problem is not null)
                {
                    return problem;
                }

                if (string.IsNullOrWhiteSpace(body!.Text))
                {
                    throw new SearchRequestException("text", "is required (or send a file as multipart/form-data).");
                }

                if (body.Text.Length > SearchQueryValidator.MaxTextLength)
                {
                    throw new SearchRequestException("text", $"is longer than {SearchQueryValidator.MaxTextLength} characters.");
                }

                var query = await validator.ValidateAsync(body, cancellationToken);
                return await RunAsync(await embedder.EmbedTextAsync(body.Text, cancellationToken), query, search, started, metrics, cancellationToken);
            }

            if (request.HasFormContentType)
            {
                RequestBody.AllowBodyOf(context, ingestion.Value.MaxFileBytes + RequestBody.MaxJsonBytes);
                return await SearchByFileAsync(request, new FileSearch(embedder, validator, search, ingestionService, ingestion.Value, metrics, started), cancellationToken);
            }

            return ApiProblems.UnsupportedContentType("Send application/json with a text query, or multipart/form-data with a file.");
        }
        catch (SearchRequestException exception)
        {
            return ApiProblems.From(exception);
        }
        catch (IngestionException exception)
        {
            return ApiProblems.From(exception);
        }
        catch (EncoderUnavailableException exception)
        {
            return ApiProblems.Unavailable(exception.Message);
        }
    }

    private static async Task<IResult> SearchByFileAsync(HttpRequest request, FileSearch services, CancellationToken cancellationToken)
    {
        var (embedder, validator, search, ingestion, limits, metrics, started) = services;
        var form = await FormReader.ReadAsync(request, limits, cancellationToken);
        if (form.Problem is not null)
        {
            return form.Problem;
        }

        var files = form.Form!.Files;
        if (files.Count != 1 || files[0].Name != "file")
        {
            throw new SearchRequestException("file", "exactly one file part named 'file' is required.");
        }

        var options = new SearchRequest();
        if (form.Form.TryGetValue("query", out var queryJson))
        {
            var (parsed, problem) = RequestBody.Parse<SearchRequest>(System.Text.Encoding.UTF8.GetBytes(queryJson.ToString()), "The 'query' part");
            if (problem is not null)
            {
                return problem;
            }

            options = parsed!;
        }

        if (options.Text is not null)
        {
            throw new SearchRequestException("text", "cannot be combined with a query file.");
        }

        var query = await validator.ValidateAsync(options, cancellationToken);
        var file = files[0];
        await using var content = file.OpenReadStream();
        using var staged = await ingestion.StageAsync(content, cancellationToken);
        var embedded = await embedder.EmbedFileAsync(staged.Path, file.ContentType, cancellationToken);
        return await RunAsync(embedded, query, search, started, metrics, cancellationToken);
    }

    private static async Task<IResult> RunAsync(EmbeddedQuery embedded, SearchQuery query, SearchService search, long started, BaizeMetrics metrics, CancellationToken cancellationToken)
    {
        var hits = await search.SearchAsync(embedded.Vector, query, cancellationToken);
        metrics.RecordSearch(embedded.Modality, Stopwatch.GetElapsedTime(started));
        return TypedResults.Ok(new SearchResponse(hits, embedded.Encoder, embedded.Modality));
    }

    private sealed record FileSearch(
        QueryEmbedder Embedder, SearchQueryValidator Validator, SearchService Search, IngestionService Ingestion, IngestionOptions Limits, BaizeMetrics Metrics, long Started);
}
