using Baize.Indexer.Ingestion;
using Baize.Indexer.Items;
using Baize.Indexer.Originals;
using Baize.SearchApi.Errors;
using Baize.SearchApi.Security;
using Microsoft.Extensions.Options;

namespace Baize.SearchApi.Items;

/// <summary>Ingestion and items: upload (202 with job ids), read, stream the original (with ranges), delete, follow a job.</summary>
public static class ItemsApi
{
    public static IEndpointRouteBuilder MapItemsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/items", IngestAsync)
            .RequireAuthorization(ApiPolicies.Ingest)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("IngestItems")
            .WithSummary("Upload one or more files (parts named 'file') with optional 'metadata' JSON applied to each; returns a job per file.");
        app.MapGet("/v1/items/{id}", GetItemAsync)
            .RequireAuthorization(ApiPolicies.ReadItems)
            .Produces<ItemResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetItem")
            .WithSummary("An item's metadata, status and index state.");
        app.MapGet("/v1/items/{id}/media", GetMediaAsync)
            .RequireAuthorization(ApiPolicies.ReadItems)
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status206PartialContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetItemMedia")
            .WithSummary("The original file, with HTTP range support.");
        app.MapDelete("/v1/items/{id}", DeleteItemAsync)
            .RequireAuthorization(ApiPolicies.Ingest)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeleteItem")
            .WithSummary("Deletes an item, its points and its original.");
        app.MapGet("/v1/jobs/{id}", GetJobAsync)
            .RequireAuthorization(ApiPolicies.ReadItems)
            .Produces<JobResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetJob")
            .WithSummary("The status of an upload: queued, processing, indexed, failed (with the reason) or deleted.");
        return app;
    }

    private static async Task<IResult> IngestAsync(HttpContext context, IngestionService ingestion, IOptions<IngestionOptions> options, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return ApiProblems.UnsupportedContentType("Upload files as multipart/form-data, in parts named 'file'.");
        }

        var limits = options.Value;
        RequestBody.AllowBodyOf(context, (limits.MaxFileBytes * limits.MaxFilesPerRequest) + RequestBody.MaxJsonBytes);
        var (form, problem) = await FormReader.ReadAsync(context.Request, limits, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var files = form!.Files.GetFiles("file");
        if (files.Count == 0 || files.Count != form.Files.Count)
        {
            return ApiProblems.BadRequest("Send one or more files in parts named 'file'.");
        }

        IReadOnlyDictionary<string, object> metadata;
        try
        {
            metadata = ItemMetadata.Parse(form.TryGetValue("metadata", out var json) ? json.ToString() : null);
        }
        catch (ItemMetadataException exception)
        {
            return ApiProblems.From(exception);
        }

        // Every file is checked before any is stored, so a request is accepted or refused as a whole.
        var prepared = new List<PreparedUpload>(files.Count);
        try
        {
            foreach (var file in files)
            {
                await using var content = file.OpenReadStream();
                try
                {
                    prepared.Add(await ingestion.PrepareAsync(content, file.FileName, file.ContentType, cancellationToken));
                }
                catch (IngestionException exception)
                {
                    return ApiProblems.From(new IngestionException(exception.Problem, $"'{Path.GetFileName(file.FileName)}': {exception.Message}"));
                }
            }

            var accepted = new List<AcceptedUpload>(prepared.Count);
            foreach (var upload in prepared)
            {
                var (item, job) = await ingestion.AcceptAsync(upload, metadata, cancellationToken);
                var itemId = item.Id.ToString("D");
                var jobId = job.Id.ToString("D");
                accepted.Add(new AcceptedUpload(jobId, itemId, ItemResponse.Name(item.Kind), item.FileName, ItemResponse.Name(item.Status), $"/v1/jobs/{jobId}", $"/v1/items/{itemId}"));
            }

            return TypedResults.Accepted(accepted[0].JobUrl, new IngestResponse(accepted));
        }
        finally
        {
            foreach (var upload in prepared)
            {
                upload.Dispose();
            }
        }
    }

    private static async Task<IResult> GetItemAsync(string id, ItemCatalog catalog, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "D", out var itemId))
        {
            return NotAnId(id);
        }

        var item = await catalog.GetItemAsync(itemId, cancellationToken);
        return item is null ? ItemNotFound(itemId) : TypedResults.Ok(ItemResponse.From(item));
    }

    private static async Task<IResult> GetMediaAsync(string id, ItemCatalog catalog, OriginalStore originals, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "D", out var itemId))
        {
            return NotAnId(id);
        }

        var item = await catalog.GetItemAsync(itemId, cancellationToken);
        if (item is null || !originals.Exists(item.Sha256))
        {
            return ItemNotFound(itemId);
        }

        return TypedResults.PhysicalFile(originals.PathOf(item.Sha256), item.ContentType, item.FileName, enableRangeProcessing: true);
    }

    private static async Task<IResult> DeleteItemAsync(string id, ItemRemover remover, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "D", out var itemId))
        {
            return NotAnId(id);
        }

        return await remover.DeleteAsync(itemId, cancellationToken) ? TypedResults.NoContent() : ItemNotFound(itemId);
    }

    private static async Task<IResult> GetJobAsync(string id, ItemCatalog catalog, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "D", out var jobId))
        {
            return NotAnId(id);
        }

        var job = await catalog.GetJobAsync(jobId, cancellationToken);
        if (job is null)
        {
            return ApiProblems.NotFound($"There is no job {jobId}.");
        }

        var item = await catalog.GetItemAsync(job.ItemId, cancellationToken);
        var itemId = job.ItemId.ToString("D");
        return TypedResults.Ok(new JobResponse(
            job.Id.ToString("D"), itemId, item is null ? "deleted" : ItemResponse.Name(item.Status), item?.Error, job.Created, $"/v1/items/{itemId}"));
    }

    private static IResult NotAnId(string id) =>
        ApiProblems.BadRequest($"'{Truncate(id)}' is not an id; ids look like 3f2a9c1e-8b7d-4e21-9a0f-5c6d7e8f9a0b.", "Invalid id");

    private static IResult ItemNotFound(Guid id) => ApiProblems.NotFound($"There is no item {id}.");

    private static string Truncate(string text) => text.Length > 64 ? text[..64] + "…" : text;
}
