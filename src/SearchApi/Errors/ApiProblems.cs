using Baize.Indexer.Ingestion;
using Baize.Indexer.Items;
using Baize.SearchApi.Search;

namespace Baize.SearchApi.Errors;

/// <summary>The ProblemDetails answers for a caller's mistakes, so every endpoint words and codes them the same way.</summary>
public static class ApiProblems
{
    public static IResult From(IngestionException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (status, title) = exception.Problem switch
        {
            IngestionProblem.TooLarge => (StatusCodes.Status413PayloadTooLarge, "The upload is too large"),
            IngestionProblem.UnsupportedType => (StatusCodes.Status415UnsupportedMediaType, "Unsupported media type"),
            IngestionProblem.Unprocessable => (StatusCodes.Status422UnprocessableEntity, "The media cannot be decoded"),
            _ => (StatusCodes.Status400BadRequest, "Invalid upload"),
        };
        return TypedResults.Problem(exception.Message, statusCode: status, title: title);
    }

    public static IResult From(SearchRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [exception.Field] = [exception.Problem] },
            detail: exception.Message,
            title: "Invalid search request");
    }

    public static IResult From(ItemMetadataException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["metadata"] = [exception.Message] },
            detail: exception.Message,
            title: "Invalid metadata");
    }

    public static IResult BadRequest(string detail, string title = "Invalid request") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    public static IResult UnsupportedContentType(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Unavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable");
}
