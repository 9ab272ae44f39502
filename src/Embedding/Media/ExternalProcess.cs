using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Baize.Embedding.Media;

/// <summary>
/// Runs ffmpeg or ffprobe on untrusted input: standard input closed, standard output capped, standard error kept
/// for the error message, and the whole process tree killed on timeout or cancellation.
/// </summary>
internal static class ExternalProcess
{
    /// <summary>Enough of standard error to explain a failure; the rest is drained and dropped.</summary>
    private const int MaxErrorChars = 4096;

    private const int ReadChunkBytes = 64 * 1024;

    public static async Task<ProcessOutput> RunAsync(
        ExternalTool tool,
        IEnumerable<string> arguments,
        long maxOutputBytes,
        TimeSpan timeout,
        string subject,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxOutputBytes, Array.MaxLength);
        var startInfo = new ProcessStartInfo(tool.Resolve())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
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
        catch (Win32Exception ex)
        {
            throw new MediaToolMissingException(tool.Command, tool.AptPackage, ex);
        }

        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);

        // Killing closes the pipes, which ends the reads below whether or not the pipe honours cancellation.
        using var killOnCancel = limit.Token.Register(() => Kill(process));
        var errors = ReadErrorsAsync(process.StandardError, limit.Token);
        try
        {
            var output = await ReadOutputAsync(process.StandardOutput.BaseStream, maxOutputBytes, tool, subject, limit.Token);
            await process.WaitForExitAsync(limit.Token);
            var errorText = await errors;
            limit.Token.ThrowIfCancellationRequested();
            return new ProcessOutput(output, errorText, process.ExitCode);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && limit.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new MediaDecodeException(MediaDecodeReason.Timeout, $"{subject}: {tool.Name} did not finish within {timeout.TotalSeconds:0.###} s.", ex);
        }
        finally
        {
            Kill(process);
            await ObserveAsync(errors);
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadOutputAsync(Stream stream, long maxBytes, ExternalTool tool, string subject, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ReadChunkBytes);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new MediaDecodeException(MediaDecodeReason.TooLarge, $"{subject}: {tool.Name} produced more than the {maxBytes} bytes allowed.");
                }

                output.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    private static async Task<string> ReadErrorsAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var kept = new StringBuilder();
        var buffer = new char[1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            kept.Append(buffer, 0, Math.Min(read, MaxErrorChars - kept.Length));
        }

        return kept.ToString().Trim();
    }

    /// <summary>The error reader may fail once the process is killed; its outcome no longer matters then.</summary>
    private static async Task ObserveAsync(Task<string> errors)
    {
        try
        {
            await errors;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // Expected after a kill.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // The process exited between the check and the kill.
        }
    }
}
