using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baize.Compression.Compressing;

/// <summary>
/// A finished run's result in its work folder, with the fingerprint of what produced it: a run asked again with the
/// same fingerprint returns this result instead of training again.
/// </summary>
public static class FinishedRun
{
    public const string ResultFile = "result.json";

    /// <summary>Written last, so a run killed while writing its result is not taken for finished.</summary>
    private const string FingerprintFile = "finished.txt";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The result a run of this fingerprint left in <paramref name="workFolder"/>, or null.</summary>
    public static async Task<T?> TryReadAsync<T>(string workFolder, string fingerprint, CancellationToken cancellationToken)
        where T : class
    {
        var finished = Path.Combine(workFolder, FingerprintFile);
        var result = Path.Combine(workFolder, ResultFile);
        if (!File.Exists(finished) || !File.Exists(result) || await File.ReadAllTextAsync(finished, cancellationToken) != fingerprint)
        {
            return null;
        }

        return JsonSerializer.Deserialize<T>(await File.ReadAllTextAsync(result, cancellationToken), Json);
    }

    public static async Task WriteAsync<T>(string workFolder, string fingerprint, T result, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(workFolder, ResultFile), JsonSerializer.Serialize(result, Json), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(workFolder, FingerprintFile), fingerprint, cancellationToken);
    }
}
