using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Baize.SearchApi.Errors;

/// <summary>Reads small JSON bodies with a hard size cap and turns malformed JSON into a clear 400 instead of a 500.</summary>
public static class RequestBody
{
    public const int MaxJsonBytes = 64 * 1024;

    /// <returns>The value, or a ProblemDetails result to return instead.</returns>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxJsonBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), "The request body");
    }

    /// <summary>Parses a JSON text from a form field or body.</summary>
    public static (T? Value, IResult? Problem) Parse<T>(ReadOnlySpan<byte> json, string what)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, ApiJson.Options);
            return value is null ? (null, ApiProblems.BadRequest($"{what} must be a JSON object.", "Malformed JSON")) : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, ApiProblems.BadRequest($"{what} is not valid JSON: {exception.Message}", "Malformed JSON"));
        }
    }

    /// <summary>Lets one endpoint accept bodies up to <paramref name="maxBytes"/> (Kestrel's default cap is 30 MB).</summary>
    public static void AllowBodyOf(HttpContext context, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
    }

    private static IResult TooLarge() => TypedResults.Problem(
        $"JSON bodies are limited to {MaxJsonBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");
}
