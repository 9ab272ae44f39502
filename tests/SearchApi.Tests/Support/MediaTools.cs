using System.Diagnostics;

namespace Baize.SearchApi.Tests.Support;

/// <summary>Runs ffmpeg and espeak-ng to make real test media; fails the test with the tool's error output.</summary>
internal static class MediaTools
{
    public static async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
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
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            // A generous bound: the machine may be busy with other work.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed: {await errors}");
        }
    }

    /// <summary>ffmpeg quiet and overwriting, with lavfi sources available.</summary>
    public static Task FfmpegAsync(CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync("ffmpeg", ["-v", "error", "-y", "-nostdin", .. arguments], cancellationToken);

    public static Task SpeakAsync(string text, string wavPath, CancellationToken cancellationToken) =>
        RunAsync("espeak-ng", ["-v", "en-us", "-s", "150", "-w", wavPath, text], cancellationToken);
}
