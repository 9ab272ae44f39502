using System.Diagnostics;

namespace Baize.Embedding.Tests.Support;

/// <summary>Runs ffmpeg and espeak-ng to make test media; fails the test with the tool's error output.</summary>
internal static class CommandLine
{
    public static void Run(string tool, params string[] arguments)
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
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed: {errors.Result}");
        }
    }

    /// <summary>ffmpeg quiet and overwriting, with lavfi sources available.</summary>
    public static void Ffmpeg(params string[] arguments) => Run("ffmpeg", ["-v", "error", "-y", "-nostdin", .. arguments]);
}
