using System.CommandLine;
using Baize.Embedding.Models;

namespace Baize.Cli.Terminal;

/// <summary>
/// Runs a parsed command line. A failure the operator can fix (a model folder that does not validate, a missing or
/// malformed file) ends the command with its message and exit code 1, not a stack trace; Ctrl+C ends it with 130, as
/// System.CommandLine's own handler does; anything else is a bug and ends the process with its stack trace.
/// </summary>
public static class CommandRunner
{
    public const int UserErrorExitCode = 1;
    public const int CancelledExitCode = 130;

    public static async Task<int> RunAsync(RootCommand root, IReadOnlyList<string> args, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Error = error }, cancellationToken);
        }
        catch (Exception exception) when (exception is ModelValidationException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            await error.WriteLineAsync($"baize: {exception.Message}");
            return UserErrorExitCode;
        }
        catch (OperationCanceledException)
        {
            return CancelledExitCode;
        }
    }
}
