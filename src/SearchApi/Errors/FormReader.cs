using Baize.Indexer.Ingestion;
using Microsoft.AspNetCore.Http.Features;

namespace Baize.SearchApi.Errors;

/// <summary>Reads a multipart form within the upload limits, turning a malformed or oversized form into a 4xx.</summary>
public static class FormReader
{
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadAsync(HttpRequest request, IngestionOptions limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var options = new FormOptions
        {
            MultipartBodyLengthLimit = limits.MaxFileBytes * limits.MaxFilesPerRequest,
            ValueCountLimit = limits.MaxFilesPerRequest + 16,
            ValueLengthLimit = RequestBody.MaxJsonBytes,
        };
        try
        {
            var form = await request.ReadFormAsync(options, cancellationToken);
            if (form.Files.Count > limits.MaxFilesPerRequest)
            {
                return (null, ApiProblems.BadRequest($"At most {limits.MaxFilesPerRequest} files per request."));
            }

            var oversized = form.Files.FirstOrDefault(file => file.Length > limits.MaxFileBytes);
            if (oversized is not null)
            {
                return (null, ApiProblems.From(new IngestionException(
                    IngestionProblem.TooLarge, $"'{oversized.FileName}' has {oversized.Length} bytes; the limit is {limits.MaxFileBytes}.")));
            }

            return (form, null);
        }
        catch (InvalidDataException exception)
        {
            // Thrown for malformed multipart bodies and for bodies over the form limits.
            return (null, ApiProblems.BadRequest($"The multipart form cannot be read: {exception.Message}", "Malformed form"));
        }
        catch (IOException exception) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // A body that ends before its closing boundary.
            return (null, ApiProblems.BadRequest($"The multipart form cannot be read: {exception.Message}", "Malformed form"));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large"));
        }
    }
}
