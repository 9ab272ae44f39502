using System.ComponentModel;
using System.Diagnostics;

namespace Baize.Corpus.Processes;

/// <summary>Runs a command-line tool (espeak-ng, ffmpeg) with bytes on stdin and returns its stdout.</summary>
internal static class ExternalTool
{
    public static async Task<byte[]> RunAsync(string tool, IReadOnlyList<string> arguments, ReadOnlyMemory<byte> input, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"Could not start {tool} ({exception.Message}). Install it: the corpus needs the Debian packages ffmpeg and espeak-ng (./baize installs them).",
                exception);
        }

        using var killOnCancel = ct.Register(() => KillQuietly(process));
        using var output = new MemoryStream();
        var readOutput = process.StandardOutput.BaseStream.CopyToAsync(output, ct);
        var readError = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(input, ct);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool exited before reading all its input; its exit code and stderr below say why.
        }

        await Task.WhenAll(readOutput, readError);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0
            ? output.ToArray()
            : throw new InvalidOperationException(
                $"{tool} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {readError.Result.Trim()}");
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
