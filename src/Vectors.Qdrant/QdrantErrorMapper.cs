using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly.Timeout;

namespace Baize.Vectors.Qdrant;

/// <summary>
/// Turns Qdrant's failures into <see cref="VectorStoreException"/>s: the HTTP status says whose fault it was, and the
/// message keeps Qdrant's own words (from its <c>{"status":{"error":"..."}}</c> envelope, or the plain-text body of a
/// 401/403).
/// </summary>
internal static class QdrantErrorMapper
{
    private const int MaxMessageLength = 1000;

    public static VectorStoreErrorKind KindOf(HttpStatusCode status) => (int)status switch
    {
        404 => VectorStoreErrorKind.NotFound,
        409 => VectorStoreErrorKind.Conflict,
        401 or 403 => VectorStoreErrorKind.Unauthorized,
        408 or 429 or >= 500 => VectorStoreErrorKind.Unavailable,
        >= 400 => VectorStoreErrorKind.InvalidRequest,
        _ => VectorStoreErrorKind.Unavailable,
    };

    /// <summary>The exception for a response that was not a success.</summary>
    /// <param name="operation">What was asked, e.g. "PUT /collections/docs".</param>
    public static VectorStoreException FromResponse(HttpStatusCode status, string? reasonPhrase, string body, string operation)
    {
        var code = (int)status;
        var reason = string.IsNullOrWhiteSpace(reasonPhrase) ? status.ToString() : reasonPhrase;
        var message = QdrantMessage(body) ?? reason;
        return new VectorStoreException(
            KindOf(status),
            string.Create(CultureInfo.InvariantCulture, $"Qdrant answered {operation} with {code} {reason}: {message}"));
    }

    /// <summary>The exception for a request that got no usable answer: no connection, a timeout, a broken body.</summary>
    public static VectorStoreException FromException(Exception exception, string operation, Uri server) => exception switch
    {
        HttpRequestException => new VectorStoreException(
            VectorStoreErrorKind.Unavailable, $"Qdrant at {server} could not be reached for {operation}: {exception.Message}", exception),
        TimeoutRejectedException or TaskCanceledException or TimeoutException => new VectorStoreException(
            VectorStoreErrorKind.Unavailable, $"Qdrant at {server} did not answer {operation} in time: {exception.Message}", exception),
        JsonException or InvalidOperationException or KeyNotFoundException or FormatException => new VectorStoreException(
            VectorStoreErrorKind.Unavailable, $"Qdrant at {server} sent an answer to {operation} that could not be read: {exception.Message}", exception),
        _ => new VectorStoreException(VectorStoreErrorKind.Unavailable, $"Qdrant at {server} failed {operation}: {exception.Message}", exception),
    };

    /// <summary>Qdrant's error message: <c>status.error</c> of a JSON envelope, or the body itself when it is plain text.</summary>
    public static string? QdrantMessage(string body)
    {
        var text = body.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text[0] == '{')
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.TryGetProperty("status", out var status))
                {
                    if (status.ValueKind == JsonValueKind.Object && status.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
                    {
                        return error.GetString();
                    }

                    if (status.ValueKind == JsonValueKind.String)
                    {
                        return status.GetString();
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to the raw text.
            }
        }

        return text.Length <= MaxMessageLength ? text : string.Concat(text.AsSpan(0, MaxMessageLength), "…");
    }
}
