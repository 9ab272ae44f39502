using System.Diagnostics;

namespace Baize.Indexer.Tests.Support;

/// <summary>Runs ffmpeg, espeak-ng and rabbitmqctl; a failure carries the tool's error output.</summary>
internal static class CommandLine
{
    public static async Task<string> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var startInfo = new ProcessStartInfo(tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', startInfo.ArgumentList)} did not finish.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', startInfo.ArgumentList)} failed ({process.ExitCode}): {await errors}{await output}");
        }

        return await output;
    }

    /// <summary>ffmpeg quiet and overwriting, with lavfi sources available.</summary>
    public static Task FfmpegAsync(CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync("ffmpeg", ["-v", "error", "-y", "-nostdin", .. arguments], cancellationToken);
}
