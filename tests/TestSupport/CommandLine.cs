using System.Diagnostics;

namespace Baize.TestSupport;

/// <summary>Runs command-line tools (ffmpeg, espeak-ng, rabbitmqctl); a failure carries the tool's error output.</summary>
public static class CommandLine
{
    /// <summary>A generous bound: the machine may be busy with other test projects.</summary>
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <paramref name="tool"/> to the end and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">The tool exited with a non-zero code.</exception>
    /// <exception cref="TimeoutException">The tool ran longer than <paramref name="timeout"/> (five minutes unless given) and was killed.</exception>
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

        // Both pipes are read while the tool runs: a tool that fills one would otherwise block forever.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

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
